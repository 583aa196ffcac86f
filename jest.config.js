/** One runner for every tier: *.spec.ts (pure), *.int-spec.ts (real stores), test/*.e2e-spec.ts (whole app). */
module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
    // content-disposition 3 (under @fastify/static, which serves /docs) ships ESM only: Node 20 requires it
    // natively, jest's module system does not, so it alone is transpiled to CommonJS.
    '/node_modules/content-disposition/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@hazard/domain$': '<rootDir>/libs/domain/src',
    '^@hazard/event-store$': '<rootDir>/libs/event-store/src',
    '^@hazard/event-store/testing$': '<rootDir>/libs/event-store/src/testing',
    '^@hazard/projections$': '<rootDir>/libs/projections/src',
    '^@hazard/platform$': '<rootDir>/libs/platform/src',
  },
  testTimeout: 30000,
};
