// wrangler.toml as wrangler itself reads it: the worker answers every request first (static files included), and
// the KV_READS rate limit is the one the worker and its tests assume.
import { unstable_readConfig } from "wrangler";
import { describe, expect, it } from "vitest";
import { RATE_LIMIT_PERIOD_S } from "../worker/kv-reader";

describe("wrangler.toml", () => {
  const config = unstable_readConfig({ config: new URL("../wrangler.toml", import.meta.url).pathname });

  it("runs the worker before the assets layer, with the files behind the ASSETS binding", () => {
    expect(config.assets).toMatchObject({ directory: "./dist/public", binding: "ASSETS", run_worker_first: true });
  });

  it("limits KV-costing requests to 600 a minute per client (the figure tests/worker/rate-limit.test.ts uses)", () => {
    expect(config.ratelimits).toEqual([
      { name: "KV_READS", namespace_id: expect.stringMatching(/^\d+$/), simple: { limit: 600, period: RATE_LIMIT_PERIOD_S } },
    ]);
  });
});
