/** Taro's H5 components print `id={undefined}` as the text "undefined"; leave the attribute out instead. */
export function idProps(id: string | undefined): { id?: string } {
  return id ? { id } : {}
}
