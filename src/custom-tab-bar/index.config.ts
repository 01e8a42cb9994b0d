export default {
  component: true,
}
