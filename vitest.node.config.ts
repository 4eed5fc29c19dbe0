// Core and data tests in Node, the custom elements manifest and widget types, plus the architecture rules.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "node",
    environment: "node",
    include: ["tests/core/**/*.test.ts", "tests/data/**/*.test.ts", "tests/manifest/**/*.test.ts", "tests/architecture.test.ts"],
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    // Several files build the whole snapshot (cards included) in beforeAll, in parallel on two cores.
    hookTimeout: 60_000,
  },
});
