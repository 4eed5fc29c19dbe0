// All test projects; `npm test` runs them after type-checking and building data and widgets.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["./vitest.node.config.ts", "./vitest.workers.config.ts", "./vitest.browser.config.ts", "./vitest.e2e.config.ts"],
  },
});
