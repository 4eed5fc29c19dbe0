// Widget tests in headless Debian Chromium against the real local API (started by the global setup), launched with
// the same options as the e2e tests, the screenshots and the bench (tests/helpers/chromium.ts).
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumLaunchOptions } from "./tests/helpers/chromium.ts";

export default defineConfig(async () => ({
  test: {
    name: "browser",
    include: ["tests/widgets/**/*.test.ts"],
    globalSetup: ["./tests/helpers/api-global-setup.ts"],
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      instances: [{ browser: "chromium" as const }],
      provider: playwright({ launchOptions: await chromiumLaunchOptions() }),
    },
  },
}));
