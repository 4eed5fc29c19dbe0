// Widget releases inside workerd: the deployed release from the assets, an earlier one from KV, both immutable;
// unknown versions a 404 problem that costs no KV read once the isolate knows the published versions; file reads
// rate-limited per client; a KV fault a 503 problem with Retry-After, never a 5xx of the runtime.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { LATEST_CACHE_CONTROL, RELEASE_CACHE_CONTROL, WIDGET_RELEASES_KEY, widgetReleaseKey } from "../../core/index";
import { createApp } from "../../worker/app";
import { bundledSnapshot } from "../../worker/bundle";
import { counting, faulty } from "./kv-fixtures";

const OLD = "0123456789ab";
const OLD_ENTRY = 'import("./chunks/payloads-OLD.js");/* release 0123456789ab */';
let current: string;

beforeAll(async () => {
  current = ((await (await env.ASSETS.fetch("http://atlas.test/release.json")).json()) as { version: string }).version;
  await env.ATLAS_KV.put(widgetReleaseKey(OLD, "widgets.js"), OLD_ENTRY);
  await env.ATLAS_KV.put(WIDGET_RELEASES_KEY, JSON.stringify({ releases: [{ version: OLD, publishedAt: "2026-11-01T00:00:00Z" }] }));
});

const ask = (app: ReturnType<typeof createApp>, path: string, kv: KVNamespace = env.ATLAS_KV, init: RequestInit = {}) =>
  app.request(`http://atlas.test${path}`, init, { ATLAS_KV: kv, ASSETS: env.ASSETS });

async function code(res: Response) {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return ((await res.json()) as { code: string }).code;
}

describe("widget releases in workerd", () => {
  it("serve the deployed release from the assets, the same bytes as /widgets.js, immutable; /widgets.js moves", async () => {
    const app = createApp(bundledSnapshot);
    const latest = await ask(app, "/widgets.js");
    expect(latest.headers.get("cache-control")).toBe(LATEST_CACHE_CONTROL);
    const res = await ask(app, `/v/${current}/widgets.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe(RELEASE_CACHE_CONTROL);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.text()).toBe(await latest.text());
  });

  it("serve an earlier release from KV, immutable, for GET and HEAD", async () => {
    const app = createApp(bundledSnapshot);
    const res = await ask(app, `/v/${OLD}/widgets.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe(RELEASE_CACHE_CONTROL);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(await res.text()).toBe(OLD_ENTRY);
    const head = await ask(app, `/v/${OLD}/widgets.js`, env.ATLAS_KV, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect((await ask(app, `/v/${OLD}/widgets.js`, env.ATLAS_KV, { method: "POST", body: "x" })).status).toBe(405);
  });

  it("answer unknown versions 404 unknown-widget-version, with no KV read once the published versions are known", async () => {
    const app = createApp(bundledSnapshot);
    const { kv, reads } = counting();
    expect(await code(await ask(app, "/v/ffffffffffff/widgets.js", kv))).toBe("unknown-widget-version");
    expect(reads).toEqual([WIDGET_RELEASES_KEY]);
    for (let i = 0; i < 50; i++) {
      const res = await ask(app, `/v/${i.toString(16).padStart(12, "e")}/widgets.js`, kv);
      expect(res.status).toBe(404);
      expect(await code(res)).toBe("unknown-widget-version");
    }
    expect(await code(await ask(app, "/v/not-a-version/widgets.js", kv))).toBe("unknown-widget-version");
    expect(reads).toEqual([WIDGET_RELEASES_KEY]);
    // A known version without that file: not-found, and no read for a name no release file has.
    expect(await code(await ask(app, `/v/${OLD}/secrets.txt`, kv))).toBe("not-found");
    expect(await code(await ask(app, `/v/${current}/demo.js`, kv))).toBe("not-found");
    expect(reads).toEqual([WIDGET_RELEASES_KEY]);
  });

  it("count a file read from KV against the client's rate limit (429 rate-limited), not an unknown version", async () => {
    const app = createApp(bundledSnapshot);
    const asked: string[] = [];
    const limiter = {
      limit: async ({ key }: { key: string }) => {
        asked.push(key);
        return { success: false };
      },
    };
    const init = { headers: { "CF-Connecting-IP": "203.0.113.9" } };
    const env2 = { ATLAS_KV: env.ATLAS_KV, ASSETS: env.ASSETS, KV_READS: limiter };
    const unknownVersion = await app.request("http://atlas.test/v/ffffffffffff/widgets.js", init, env2);
    expect(await code(unknownVersion)).toBe("unknown-widget-version");
    expect(asked).toEqual([]);
    const refused = await app.request(`http://atlas.test/v/${OLD}/widgets.js`, init, env2);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await code(refused)).toBe("rate-limited");
    expect(asked).toEqual(["203.0.113.9"]);
  });

  it("answer 503 widget-release-unavailable with Retry-After when KV fails, and the file once it answers again", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const app = createApp(bundledSnapshot);
      const res = await ask(
        app,
        `/v/${OLD}/widgets.js`,
        faulty(() => "throw"),
      );
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
      expect(await code(res)).toBe("widget-release-unavailable");
      expect(logged).toHaveBeenCalled();
      expect(await (await ask(app, `/v/${OLD}/widgets.js`)).text()).toBe(OLD_ENTRY);
    } finally {
      logged.mockRestore();
    }
  });
});
