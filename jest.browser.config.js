/** Browser tests: the built preview (dist-preview) in Debian's Chromium, driven by playwright-core. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "test/tsconfig.json", diagnostics: false }],
  },
  // one browser at a time on a two-core machine; LibreOffice's first start is slow
  maxWorkers: 1,
  testTimeout: 180_000,
};
