// Widget tests in headless Debian Chromium against the real local API (started by the global setup).
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumPath } from "./tests/helpers/chromium.ts";

export default defineConfig({
  test: {
    name: "browser",
    include: ["tests/widgets/**/*.test.ts"],
    globalSetup: ["./tests/helpers/api-global-setup.ts"],
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      instances: [{ browser: "chromium" }],
      provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
    },
  },
});
