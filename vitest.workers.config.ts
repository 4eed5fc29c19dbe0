// Worker tests inside workerd, with KV seeded through `env`.
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [cloudflareTest({ main: "./worker/index.ts", wrangler: { configPath: "./wrangler.toml" } })],
  test: {
    name: "workers",
    include: ["tests/worker/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
