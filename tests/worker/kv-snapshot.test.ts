// A snapshot published to KV (new keys, then the pointer) is what the worker serves; the bundle is only a fallback.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { POINTER_KEY, snapshotKeys } from "../../core/index";
import { createApp } from "../../worker/app";
import bundle from "../../worker/generated/snapshot.json";
import type { Bundle } from "../../worker/store";

const bundled = bundle as Bundle;
const NEW_ID = "feedbeefcafe";

/** Copies the bundled snapshot under a new id with one figure changed, as a publish of a new release would. */
async function publishModifiedSnapshot() {
  const from = snapshotKeys(bundled.pointer);
  const to = snapshotKeys(NEW_ID);
  for (const [key, value] of Object.entries(bundled.entries)) {
    const newKey = key.replace(`:${bundled.pointer}:`, `:${NEW_ID}:`);
    let body = value.replaceAll(`"id":"${bundled.pointer}"`, `"id":"${NEW_ID}"`);
    if (key === from.ranking("occupations-by-employment")) body = body.replace('"value":233440', '"value":999999');
    await env.ATLAS_KV.put(newKey, body);
  }
  expect(await env.ATLAS_KV.get(to.ranking("occupations-by-employment"))).toContain("999999");
  await env.ATLAS_KV.put(POINTER_KEY, NEW_ID);
}

describe("SnapshotStore over KV", () => {
  it("serves the snapshot the KV pointer names, not the bundle", async () => {
    await publishModifiedSnapshot();
    const app = createApp(bundled);
    const res = await app.request("/api/v1/rankings/occupations-by-employment", {}, env);
    expect(res.headers.get("x-atlas-snapshot")).toBe(NEW_ID);
    const text = await res.text();
    expect(text).toContain('"value":999999');
    expect(text).not.toContain('"value":233440');
  });

  it("answers from the bundle when the pointer names the bundled snapshot", async () => {
    await env.ATLAS_KV.put(POINTER_KEY, bundled.pointer);
    const app = createApp(bundled);
    const res = await app.request("/api/v1/rankings/occupations-by-employment", {}, env);
    expect(res.headers.get("x-atlas-snapshot")).toBe(bundled.pointer);
    expect(await res.text()).toContain('"value":233440');
  });

  it("falls back to the bundle when KV cannot be read", async () => {
    const broken = { get: async () => Promise.reject(new Error("KV unavailable")) } as unknown as KVNamespace;
    const app = createApp(bundled);
    const res = await app.request("/api/v1/rankings/occupations-by-employment", {}, { ATLAS_KV: broken });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-atlas-snapshot")).toBe(bundled.pointer);
  });
});
