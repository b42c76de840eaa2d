/** Unit, adapter and UI tests. Browser tests (test/browser) run separately with Chromium. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "test/tsconfig.json", diagnostics: false }],
    "\\.csv$": "<rootDir>/test/support/textTransform.js",
  },
  setupFiles: ["<rootDir>/test/support/setup.ts"],
  // shared two-core machines: UI tests wait for renders, not for a stopwatch
  testTimeout: 60_000,
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest.js",
  },
};
