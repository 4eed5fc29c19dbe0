// data:publish: keys first, digest, index, previous, pointer last; never other bytes under a published id; the
// newest N snapshots stay readable by id and older ones are pruned after the flip. The logic runs against a KV held
// in a Map; one test publishes two real snapshots into wrangler's local KV and reads them back.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { POINTER_KEY, PREVIOUS_POINTER_KEY, SNAPSHOT_INDEX_KEY, SnapshotIndex, snapshotKeys } from "../../core/index";
import { publish, wranglerKv, type KvClient } from "../../data/publish";
import { readBulk } from "./helpers";

/** A KV namespace in memory that records each write, in order. */
function memoryKv(initial: Record<string, string> = {}) {
  const store = new Map(Object.entries(initial));
  const writes: string[] = [];
  const kv: KvClient = {
    get: (k) => store.get(k),
    put: (k, v) => {
      writes.push(`put ${k}`);
      store.set(k, v);
    },
    bulkPut: (entries) => {
      writes.push(`bulk put ${entries.length}`);
      for (const e of entries) store.set(e.key, e.value);
    },
    // Like KV's listing, at most 1,000 keys per call.
    list: (prefix) => [...store.keys()].filter((k) => k.startsWith(prefix)).slice(0, 1000),
    bulkDelete: (keys) => {
      writes.push(`bulk delete ${keys.length}`);
      for (const k of keys) store.delete(k);
    },
  };
  return { kv, store, writes };
}

const current = join(inject("snapshotDir"), "kv-bulk.json");
const previous = join(inject("previousSnapshotDir"), "kv-bulk.json");
const idOf = (file: string) => readBulk(file).id;
const index = (store: Map<string, string>) => SnapshotIndex.parse(JSON.parse(store.get(SNAPSHOT_INDEX_KEY)!));

describe("data:publish", () => {
  it("writes the snapshot keys, then its digest and the index, records the live snapshot, and flips the pointer last", () => {
    const { kv, store, writes } = memoryKv({ [POINTER_KEY]: "aaaaaaaaaaaa" });
    const id = idOf(current);
    publish({ kv, file: current, now: "2026-12-01T00:00:00Z" });
    expect(writes).toEqual([
      `bulk put ${readBulk(current).bulk.length - 2}`,
      `put ${snapshotKeys(id).digest}`,
      `put ${SNAPSHOT_INDEX_KEY}`,
      `put ${PREVIOUS_POINTER_KEY}`,
      `put ${POINTER_KEY}`,
    ]);
    expect(store.get(PREVIOUS_POINTER_KEY)).toBe("aaaaaaaaaaaa");
    expect(store.get(POINTER_KEY)).toBe(id);
    expect(index(store).snapshots).toEqual([
      {
        id,
        builtAt: "2026-01-01T00:00:00Z",
        publishedAt: "2026-12-01T00:00:00Z",
        release: "May 2025",
        periods: expect.arrayContaining(["May 2024", "May 2025"]),
      },
    ]);
  });

  it("refuses to write keys of a snapshot id that KV already holds with other bytes, and writes none", () => {
    const { kv, writes } = memoryKv({ [snapshotKeys(idOf(current)).digest]: "0".repeat(64) });
    expect(() => publish({ kv, file: current })).toThrow(/already in KV with other bytes/);
    expect(writes).toEqual([]);
  });

  it("re-publishing the same bytes writes no snapshot key, only the index and the pointer", () => {
    const { kv, writes } = memoryKv();
    publish({ kv, file: current });
    writes.length = 0;
    publish({ kv, file: current });
    expect(writes).toEqual([`put ${SNAPSHOT_INDEX_KEY}`, `put ${POINTER_KEY}`]);
  });

  it("keeps the newest N snapshots readable, prunes older ones after the flip, and remembers their ids", () => {
    const { kv, store, writes } = memoryKv();
    const [a, b] = [idOf(previous), idOf(current)];
    publish({ kv, file: previous, retain: 2 });
    // A third snapshot, made by copying the current one under another id, stands for next year's.
    const c = "c0ffeec0ffee";
    const bulkC = readBulk(current).bulk.map((e) => ({ key: e.key.replace(b, c), value: e.value.replaceAll(b, c) }));
    publish({ kv, file: current, retain: 2 });
    expect(store.get(PREVIOUS_POINTER_KEY)).toBe(a);
    const file = join(mkdtempSync(join(tmpdir(), "atlas-c-")), "kv-bulk.json");
    writeFileSync(file, JSON.stringify(bulkC));
    writes.length = 0;
    const r = publish({ kv, file, retain: 2 });
    expect(r).toMatchObject({ id: c, retained: [b, c], pruned: [a] });
    expect(writes.indexOf(`put ${POINTER_KEY}`)).toBeLessThan(writes.findIndex((w) => w.startsWith("bulk delete")));
    expect([...store.keys()].filter((k) => k.startsWith(snapshotKeys(a).prefix))).toEqual([]);
    expect([...store.keys()].filter((k) => k.startsWith(snapshotKeys(b).prefix)).length).toBeGreaterThan(1000);
    expect(index(store)).toMatchObject({ snapshots: [{ id: b }, { id: c }], pruned: [a] });
  });

  it("rolls back by flipping the pointer to the recorded previous snapshot, if it is still there", () => {
    const { kv, store } = memoryKv();
    publish({ kv, file: previous });
    publish({ kv, file: current });
    publish({ kv, rollback: true });
    expect(store.get(POINTER_KEY)).toBe(idOf(previous));
    expect(store.get(PREVIOUS_POINTER_KEY)).toBe(idOf(current));
    store.delete(snapshotKeys(idOf(current)).digest);
    expect(() => publish({ kv, rollback: true })).toThrow(/no longer in KV/);
  });

  // About ten wrangler runs of a few seconds each: a generous bound so only a hang fails it.
  it("publishes a real snapshot into wrangler's local KV, which then holds its bodies, its digest, the index and the pointer", { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-kv-"));
    try {
      const kv = wranglerKv({ local: true, persistTo: dir });
      publish({ kv, file: previous });
      const a = idOf(previous);
      expect(kv.get(POINTER_KEY)).toBe(a);
      expect(kv.get(snapshotKeys(a).digest)).toBe(readBulk(previous).map.get(snapshotKeys(a).digest));
      expect(SnapshotIndex.parse(JSON.parse(kv.get(SNAPSHOT_INDEX_KEY)!)).snapshots.map((s) => s.id)).toEqual([a]);
      expect(kv.get(snapshotKeys(a).ranking("occupations-by-employment"))).toBe(
        readBulk(previous).map.get(snapshotKeys(a).ranking("occupations-by-employment")),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
