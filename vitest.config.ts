// All test projects; `npm test` runs them after type-checking and building data and widgets.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["./vitest.node.config.ts", "./vitest.workers.config.ts", "./vitest.browser.config.ts", "./vitest.e2e.config.ts"],
    // Vitest's default on two cores is one file at a time, but many files mostly wait on other processes (wrangler
    // dev and wrangler kv, workerd, Chromium, the Nu checker): three at once overlap those waits. No test asserts
    // a time, and every local server takes free ports of its own.
    maxWorkers: 3,
  },
});
