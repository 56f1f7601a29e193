/** Two projects: `unit` runs nodes through n8n-core's real engine against the simulator (fast);
 *  `e2e` drives a real n8n 2.x over HTTP and its CLI (slow, run in band). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/', '/node_modules/'],
      // npm start's n8n (its database, the installed package) is no source of tests or modules.
      modulePathIgnorePatterns: ['<rootDir>/.n8n-demo/'],
      setupFilesAfterEnv: ['<rootDir>/test/jest.unit-setup.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      modulePathIgnorePatterns: ['<rootDir>/.n8n-demo/'],
      // testTimeout is not a per-project option in jest 29: set it in a setup file.
      setupFilesAfterEnv: ['<rootDir>/test/jest.e2e-setup.ts'],
    },
  ],
};
