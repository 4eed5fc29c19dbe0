// The KV_READS rate limit (wrangler.toml [[ratelimits]], Cloudflare's rate-limiting binding as local workerd runs it):
// requests that cost a KV read are limited per client IP and refused with 429 problem+json and Retry-After;
// requests that cost none (cached bodies, unknown ids) are never limited.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { bundledSnapshot } from "../../worker/bundle";
import { RATE_LIMIT_PERIOD_S } from "../../worker/kv-reader";
import { problem } from "./client";
import { publishCopy } from "./kv-fixtures";

/** The limit configured in wrangler.toml (tests/config.test.ts holds the two equal). */
const LIMIT = 600;
const CLIENT = "203.0.113.7";

beforeAll(async () => {
  await publishCopy("a3a3a3a3a3a3", 111111, { pointer: true });
});

const ask = (app: ReturnType<typeof createApp>, path: string, ip: string) =>
  app.request(`http://atlas.test${path}`, { headers: { "CF-Connecting-IP": ip } }, env);

describe("the KV_READS rate limit", () => {
  it(`refuses a client's request number ${LIMIT + 1} that costs a KV read within a minute with 429 problem+json and Retry-After`, async () => {
    expect(env.KV_READS, "binding from wrangler.toml").toBeDefined();
    const path = "/api/v1/rankings/occupations-by-median-wage";
    // A fresh app per request: an isolate that does not hold the body yet, so every request reads KV. The limiter
    // counts per minute of the clock: if a minute ends during the loop the count starts again, so the first
    // refusal comes after LIMIT requests and at most 2 × LIMIT.
    const statuses: number[] = [];
    for (let batch = 0; batch < 2 * LIMIT + 1 && !statuses.includes(429); batch += 25) {
      const answers = await Promise.all(
        Array.from({ length: 25 }, async () => {
          const res = await ask(createApp(bundledSnapshot), path, CLIENT);
          if (res.status === 429) return res;
          await res.arrayBuffer();
          return res;
        }),
      );
      statuses.push(...answers.map((r) => r.status));
      const refused = answers.find((r) => r.status === 429);
      if (refused) {
        expect(refused.headers.get("retry-after")).toBe(String(RATE_LIMIT_PERIOD_S));
        expect(refused.headers.get("access-control-allow-origin")).toBe("*");
        expect((await problem(refused)).code).toBe("rate-limited");
      }
    }
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(LIMIT);
    expect(first).toBeLessThanOrEqual(2 * LIMIT);
    expect(statuses.slice(0, first).every((s) => s === 200)).toBe(true);

    // What costs no KV read is not limited: a body the isolate holds, an unknown id.
    const warm = createApp(bundledSnapshot);
    await (await ask(warm, path, "198.51.100.1")).arrayBuffer();
    expect((await ask(warm, path, CLIENT)).status).toBe(200);
    expect((await ask(warm, "/api/v1/rankings/no-such-ranking", CLIENT)).status).toBe(404);
    // Other clients, and local development (loopback), are not affected.
    expect((await ask(createApp(bundledSnapshot), path, "198.51.100.2")).status).toBe(200);
    expect((await ask(createApp(bundledSnapshot), path, "127.0.0.1")).status).toBe(200);
  });
});
