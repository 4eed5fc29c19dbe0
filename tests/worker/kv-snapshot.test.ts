// A snapshot published to KV (new keys, then the pointer) is what the worker serves; the bundle is only a fallback.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { POINTER_KEY, snapshotKeys } from "../../core/index";
import { createApp } from "../../worker/app";
import { bundledSnapshot } from "../../worker/bundle";

const NEW_ID = "feedbeefcafe";

/** Copies the bundled snapshot under a new id with one figure changed, as a publish of a new release would. */
async function publishModifiedSnapshot() {
  const bundled = await bundledSnapshot();
  const from = snapshotKeys(bundled.pointer);
  const to = snapshotKeys(NEW_ID);
  const writes = Object.entries(bundled.entries).map(([key, value]) => {
    let body = value.replaceAll(`"id":"${bundled.pointer}"`, `"id":"${NEW_ID}"`);
    if (key === from.ranking("occupations-by-employment")) body = body.replace('"value":262440', '"value":999999');
    return env.ATLAS_KV.put(key.replace(`:${bundled.pointer}:`, `:${NEW_ID}:`), body);
  });
  await Promise.all(writes);
  expect(await env.ATLAS_KV.get(to.ranking("occupations-by-employment"))).toContain("999999");
  await env.ATLAS_KV.put(POINTER_KEY, NEW_ID);
  return bundled;
}

describe("SnapshotStore over KV", () => {
  it("serves the bundled snapshot while KV holds no pointer", async () => {
    const bundled = await bundledSnapshot();
    const res = await createApp(bundledSnapshot).request("/api/v1/rankings/occupations-by-employment", {}, env);
    expect(res.headers.get("x-atlas-snapshot")).toBe(bundled.pointer);
    expect(await res.text()).toContain('"value":262440');
  });

  it("serves the snapshot the KV pointer names once it is published", async () => {
    await publishModifiedSnapshot();
    const res = await createApp(bundledSnapshot).request("/api/v1/rankings/occupations-by-employment", {}, env);
    expect(res.headers.get("x-atlas-snapshot")).toBe(NEW_ID);
    const text = await res.text();
    expect(text).toContain('"value":999999');
    expect(text).not.toContain('"value":262440');
  });

  it("falls back to the bundle when KV cannot be read", async () => {
    const bundled = await bundledSnapshot();
    const broken = { get: async () => Promise.reject(new Error("KV unavailable")) } as unknown as KVNamespace;
    const res = await createApp(bundledSnapshot).request("/api/v1/rankings/occupations-by-employment", {}, { ATLAS_KV: broken });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-atlas-snapshot")).toBe(bundled.pointer);
  });
});

describe("KV failing midway", () => {
  it("answers from the bundled snapshot when a value read fails after the pointer was read", async () => {
    const bundled = await bundledSnapshot();
    // The pointer names a published snapshot, but every value read fails (e.g. KV's read limit was reached).
    const flaky = {
      get: async (key: string) => (key === POINTER_KEY ? NEW_ID : Promise.reject(new Error("KV read limit"))),
    } as unknown as KVNamespace;
    const app = createApp(bundledSnapshot);
    for (const path of [
      "/api/v1/rankings/occupations-by-employment",
      "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca",
      "/embed/chart/occupations-by-median-wage",
    ]) {
      const res = await app.request(path, {}, { ATLAS_KV: flaky });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-atlas-snapshot"), path).toBe(bundled.pointer);
      expect(res.headers.has("x-atlas-retry-from-bundle")).toBe(false);
    }
    const missing = await app.request("/api/v1/rankings/no-such", {}, { ATLAS_KV: flaky });
    expect(missing.status).toBe(404);
  });
});

describe("ids longer than a KV key may be", () => {
  it.each(["/api/v1/rankings/", "/api/v1/charts/", "/api/v1/facts/", "/api/v1/entities/metros/", "/embed/chart/"])(
    "answers %s… with a 4xx, never a 5xx",
    async (prefix) => {
      await env.ATLAS_KV.put(POINTER_KEY, (await bundledSnapshot()).pointer);
      await Promise.all(
        Object.entries((await bundledSnapshot()).entries)
          .slice(0, 5)
          .map(([k, v]) => env.ATLAS_KV.put(k, v)),
      );
      const res = await createApp(bundledSnapshot).request(prefix + "é".repeat(400), {}, env);
      expect(res.status).toBe(404);
    },
  );
});
