// Misses cost nothing: the snapshot knows its ids (manifest and list bodies), so an unknown id is answered 404 with
// no KV read; a known one is read, and a new snapshot's ids are learnt with it.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { POINTER_KEY, snapshotKeys } from "../../core/index";
import { createApp } from "../../worker/app";
import { bundledSnapshot } from "../../worker/bundle";
import { rng } from "../helpers/rng";
import { counting, publishCopy } from "./kv-fixtures";

const A = "a1a1a1a1a1a1";
const B = "b2b2b2b2b2b2";
const SEED = 20261202;
const MISSES = 600;
const KINDS = [
  "occupations",
  "metros",
  "states",
  "naics-sectors",
  "naics-industries",
  "government-levels",
  "industries",
  "employer-types",
  "employer-sizes",
  "roles",
];

beforeAll(async () => {
  await publishCopy(A, 111111, { pointer: true });
});

/** An id no snapshot has: a slug, as a scanner trying ids would send. */
const unknownId = (r: ReturnType<typeof rng>) => `x${r.int(1e9).toString(36)}-${r.pick(["data", "ml", "ai", "jobs"])}${r.chance(0.2) ? `-${r.int(99)}` : ""}`;

/** Every route that takes an id, with an unknown id in it. */
function missPath(r: ReturnType<typeof rng>): string {
  const x = unknownId(r);
  return r.pick([
    () => `/api/v1/rankings/${x}`,
    () => `/api/v1/rankings/${x}?format=csv`,
    () => `/api/v1/rankings/${x}?format=html`,
    () => `/api/v1/charts/${x}`,
    () => `/api/v1/charts/${x}?format=${r.pick(["svg", "vega", "embed", "html"])}`,
    () => `/api/v1/facts/${x}`,
    () => `/api/v1/facts/${x}?format=html`,
    () => `/api/v1/sections/${x}`,
    () => `/api/v1/entities/${r.pick(KINDS)}/${x}`,
    () => `/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=${x}`,
    () => `/api/v1/compare/occupations?a=${x}&b=data-scientists&format=html`,
    () => `/embed/${r.pick(["chart", "ranking", "fact"])}/${x}`,
    () => `/embed/compare/states?a=${x}&b=texas`,
    () => `/oembed?url=${encodeURIComponent(`http://atlas.test/embed/chart/${x}`)}`,
  ])();
}

describe("unknown ids", () => {
  it(`answers ${MISSES} unknown ids (seed ${SEED}) on every id route with 404 problem+json and 0 KV reads`, async () => {
    const { kv, reads } = counting();
    const app = createApp(bundledSnapshot);
    const ask = (path: string) => app.request(`http://atlas.test${path}`, {}, { ATLAS_KV: kv });
    // The isolate learns the snapshot's ids once: the manifest and the list bodies (which it serves anyway).
    for (const path of [
      "/api/v1/rankings/occupations-by-median-wage",
      "/api/v1/facts/data-scientist-growth-2023-33",
      "/api/v1/sections/geography",
      ...KINDS.map((k) => `/api/v1/entities/${k}`),
    ])
      expect((await ask(path)).status, path).toBe(200);
    const warmup = reads.length;
    reads.length = 0;
    const r = rng(SEED);
    const statuses = new Map<number, number>();
    for (let i = 0; i < MISSES; i++) {
      const path = missPath(r);
      const res = await ask(path);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("application/problem+json");
      await res.arrayBuffer();
    }
    expect(Object.fromEntries(statuses)).toEqual({ 404: MISSES });
    expect(reads).toEqual([]);
    expect(warmup).toBeLessThanOrEqual(20);
  });

  it("a warm request reads no KV either", async () => {
    const { kv, reads } = counting();
    const app = createApp(bundledSnapshot);
    const paths = [
      "/api/v1/rankings/occupations-by-median-wage",
      "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca",
      "/embed/ranking/occupations-by-median-wage",
    ];
    for (const p of paths) await (await app.request(`http://atlas.test${p}`, {}, { ATLAS_KV: kv })).arrayBuffer();
    reads.length = 0;
    for (const p of paths) expect((await app.request(`http://atlas.test${p}`, {}, { ATLAS_KV: kv })).status).toBe(200);
    expect(reads).toEqual([]);
  });
});

describe("a new snapshot's ids", () => {
  it("are known as soon as its pointer is: an id unknown to the old snapshot is served from the new one", async () => {
    // B is A plus one ranking, as a release that adds a ranking would publish it.
    await publishCopy(B, 222222);
    const keys = snapshotKeys(B);
    const manifest = JSON.parse((await env.ATLAS_KV.get(keys.manifest))!) as { rankings: { id: string }[] };
    manifest.rankings.push({ ...manifest.rankings[0]!, id: "brand-new-ranking" });
    await env.ATLAS_KV.put(keys.manifest, JSON.stringify(manifest));
    await env.ATLAS_KV.put(keys.ranking("brand-new-ranking"), (await env.ATLAS_KV.get(keys.ranking("occupations-by-median-wage")))!);

    const { kv, reads } = counting();
    const app = createApp(bundledSnapshot, { pointerTtlMs: 0 });
    const ask = (path: string) => app.request(`http://atlas.test${path}`, {}, { ATLAS_KV: kv });
    expect((await ask("/api/v1/rankings/brand-new-ranking")).status).toBe(404);
    await env.ATLAS_KV.put(POINTER_KEY, B);
    try {
      reads.length = 0;
      const res = await ask("/api/v1/rankings/brand-new-ranking");
      expect(res.status).toBe(200);
      expect(res.headers.get("x-atlas-snapshot")).toBe(B);
      expect(reads).toContain(keys.ranking("brand-new-ranking"));
    } finally {
      await env.ATLAS_KV.put(POINTER_KEY, A);
    }
  });
});
