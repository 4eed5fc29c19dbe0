// Pinned snapshots in workerd, with the real editions: A is the atlas before the May 2025 national release
// (dist/previous, bound as PREVIOUS_BULK), B the bundled one. A is published, then B; `?snapshot=A` keeps
// answering A's bytes, immutable, while the unpinned URL moves to B; once A is pruned it answers 410 naming B.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { POINTER_KEY, PREVIOUS_POINTER_KEY, SNAPSHOT_INDEX_KEY, snapshotKeys, type SnapshotIndex } from "../../core/index";
import { createApp } from "../../worker/app";
import { bundledSnapshot } from "../../worker/bundle";

const previous = JSON.parse((env as unknown as { PREVIOUS_BULK: string }).PREVIOUS_BULK) as { key: string; value: string }[];
const A = previous.find((e) => e.key === POINTER_KEY)?.value ?? "";
const kv = env.ATLAS_KV;
const app = () => createApp(bundledSnapshot, { pointerTtlMs: 0 });
const get = (path: string, init: RequestInit = {}) => app().request(path, init, env);

/** What data:publish does: the keys, the index entry, the previous pointer, then the pointer. */
async function publish(entries: { key: string; value: string }[], id: string, index: SnapshotIndex) {
  await Promise.all(entries.filter((e) => e.key !== POINTER_KEY).map((e) => kv.put(e.key, e.value)));
  await kv.put(SNAPSHOT_INDEX_KEY, JSON.stringify(index));
  const live = await kv.get(POINTER_KEY);
  if (live) await kv.put(PREVIOUS_POINTER_KEY, live);
  await kv.put(POINTER_KEY, id);
}

const employment = async (res: Response) =>
  ((await res.json()) as { ranking: { items: { id: string; figure: { value: number; period: string } }[] } }).ranking.items.find(
    (i) => i.id === "data-scientists",
  )!.figure;

describe("pinned snapshots (A = May 2024 edition, B = May 2025 edition)", () => {
  it("keeps A's answers byte-identical and immutable after B is published, while the unpinned URL moves to B; pruned, A answers 410 naming B", async () => {
    expect(A, "npm test builds dist/previous before the workers project").toMatch(/^[0-9a-f]{12}$/);
    const bundle = await bundledSnapshot();
    const B = bundle.pointer;
    expect(A).not.toBe(B);
    const entry = (id: string, periods: string[]) => ({ id, builtAt: "2026-01-01T00:00:00Z", publishedAt: "2026-12-01T00:00:00Z", periods });
    const path = "/api/v1/rankings/occupations-by-employment";

    // Publish A.
    await publish(previous, A, { snapshots: [entry(A, ["May 2024"])], pruned: [] });
    const unpinnedA = await get(path);
    expect(unpinnedA.headers.get("x-atlas-snapshot")).toBe(A);
    expect(await employment(unpinnedA)).toMatchObject({ value: 233440, period: "May 2024" });
    const pinnedBefore = await get(`${path}?snapshot=${A}`);
    const bodyBefore = await pinnedBefore.text();
    const etag = pinnedBefore.headers.get("etag");
    expect(pinnedBefore.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");

    // Publish B.
    await publish(
      Object.entries(bundle.entries).map(([key, value]) => ({ key, value })),
      B,
      { snapshots: [entry(A, ["May 2024"]), entry(B, ["May 2025"])], pruned: [] },
    );
    const unpinnedB = await get(path);
    expect(unpinnedB.headers.get("x-atlas-snapshot")).toBe(B);
    expect(unpinnedB.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=86400");
    expect(await employment(unpinnedB)).toMatchObject({ value: 262440, period: "May 2025" });
    const pinnedAfter = await get(`${path}?snapshot=${A}`);
    expect(pinnedAfter.status).toBe(200);
    expect(await pinnedAfter.text()).toBe(bodyBefore);
    expect(pinnedAfter.headers.get("etag")).toBe(etag);
    expect(pinnedAfter.headers.get("x-atlas-snapshot")).toBe(A);
    expect(pinnedAfter.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await get(`${path}?snapshot=${A}`, { headers: { "If-None-Match": etag! } })).status).toBe(304);
    // Every kind of answer takes the pin: fragments, embed pages, comparisons.
    for (const p of [
      `/api/v1/rankings/occupations-by-employment?format=html&snapshot=${A}`,
      `/embed/ranking/occupations-by-employment?snapshot=${A}`,
      `/api/v1/compare/occupations?a=data-scientists&b=statisticians&snapshot=${A}`,
    ]) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get("x-atlas-snapshot"), p).toBe(A);
      expect(await res.text(), p).toMatch(/233,440|233440/);
    }

    // The list of snapshots and one snapshot.
    const list = (await (await get("/api/v1/snapshots")).json()) as { current: string; snapshots: { id: string; current: boolean }[] };
    expect(list.current).toBe(B);
    expect(list.snapshots.map((s) => [s.id, s.current])).toEqual([
      [A, false],
      [B, true],
    ]);
    const one = (await (await get(`/api/v1/snapshots/${B}`)).json()) as { periods: string[] };
    expect(one.periods).toContain("May 2025");

    // Prune A: its keys go, its id is remembered.
    for (let listed = await kv.list({ prefix: snapshotKeys(A).prefix }); listed.keys.length; listed = await kv.list({ prefix: snapshotKeys(A).prefix }))
      await Promise.all(listed.keys.map((k) => kv.delete(k.name)));
    await kv.put(SNAPSHOT_INDEX_KEY, JSON.stringify({ snapshots: [entry(B, ["May 2025"])], pruned: [A] }));
    const gone = await get(`${path}?snapshot=${A}`);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await gone.json()) as { code: string; detail: string };
    expect(problem.code).toBe("snapshot-gone");
    expect(problem.detail).toContain(`/api/v1/snapshots/${B}`);
    const unknown = await get(`${path}?snapshot=0123456789ab`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe("unknown-snapshot");
    expect((await get(`${path}?snapshot=not-an-id`)).status).toBe(400);
  });
});
