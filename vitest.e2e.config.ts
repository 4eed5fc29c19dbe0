// End-to-end: the real local server (wrangler dev, seeded local KV) and the demo page in Chromium.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["./tests/helpers/api-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
