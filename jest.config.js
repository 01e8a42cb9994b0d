const moduleNameMapper = {
  '^@contract$': '<rootDir>/types/contract/index.ts',
  '^@contract/(.*)$': '<rootDir>/types/contract/$1',
  '^@/(.*)$': '<rootDir>/src/$1',
}
const transform = { '^.+\\.[jt]sx?$': 'babel-jest' }
const node = { testEnvironment: 'node', transform, moduleNameMapper }

module.exports = {
  projects: [
    {
      ...node,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/types/**/*.test.ts',
        '<rootDir>/cloudfunctions/src/**/*.test.ts',
        '<rootDir>/scripts/**/*.test.ts',
      ],
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      transform,
      transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@nutui)/)'],
      testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/src/**/*.test.ts'],
      moduleNameMapper: {
        // Before the path aliases: the first matching pattern wins, and `@/assets/x.png` or `@/components/x.scss` must become a stub.
        '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/doubles/file.js',
        '\\.(css|scss|less)$': '<rootDir>/test/doubles/style.js',
        ...moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/test/doubles/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/doubles/taro.ts',
      },
    },
    {
      ...node,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/conformance/**/*.test.ts'],
    },
    {
      ...node,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
}
