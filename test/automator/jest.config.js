// Specs for WeChat DevTools, run by `npm run test:automator` where DevTools is installed.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: { '^.+\\.[jt]sx?$': ['babel-jest', { configFile: require.resolve('../../babel.config.js') }] },
  testTimeout: 120_000,
}
