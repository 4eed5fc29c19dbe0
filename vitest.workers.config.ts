// Worker tests inside workerd, with KV seeded through `env`.
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { existsSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

const PREVIOUS = "dist/previous/kv-bulk.json";

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./worker/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      // The edition before the newest national release (npm test builds it into dist/previous): the published
      // snapshot A of the pinning tests, B being the bundled one.
      miniflare: { bindings: { PREVIOUS_BULK: existsSync(PREVIOUS) ? readFileSync(PREVIOUS, "utf8") : "[]" } },
    }),
  ],
  test: {
    name: "workers",
    include: ["tests/worker/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
