// Node-environment test project: core and the data pipeline (no browser, no workerd).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/core/**/*.test.ts", "tests/data/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
