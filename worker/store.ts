// Reads the live snapshot: KV pointer → snapshot keys, else the last good snapshot or the bundled one.
import { Manifest, POINTER_KEY, snapshotKeys, type SnapshotKeys } from "../core/index";
import { cachedOf, ResponseCache, type Cached } from "./cache";
import { KvFault, type FallbackReason } from "./errors";
import type { KvReader, ReadKind } from "./kv-reader";

export interface Bundle {
  pointer: string;
  entries: Record<string, string>;
}

export interface Snapshot {
  id: string;
  from: "kv" | "bundle";
  keys: SnapshotKeys;
  /** Set when this is not the snapshot the KV pointer names, or KV could not be read: why, and what answers. */
  fallback?: { reason: FallbackReason; served: "last-good" | "bundle" };
  /** KV is failing: serve only what the isolate already holds of this snapshot; anything else is a fault. */
  cacheOnly?: boolean;
}

export interface CompareKind {
  entry: Manifest["compare"][number];
  ids: ReadonlySet<string>;
}

interface IndexedManifest {
  manifest: Manifest;
  compare: ReadonlyMap<string, CompareKind>;
}

/** The id sets a snapshot knows: a request for an id outside them is answered 404 without reading KV. */
export type Family = "ranking" | "chart" | "fact" | "section" | "kind" | `entity:${string}`;

/** How long an isolate trusts the pointer it read: a publish is seen within this time (KV itself takes ~60 s). */
const POINTER_TTL_MS = 30_000;
/** After a KV failure, or a snapshot whose index is missing or corrupt, wait this long before trying it again. */
const KV_RETRY_MS = 10_000;
/** Workers KV's limit on key length. */
const MAX_KEY_BYTES = 512;
const utf8 = new TextEncoder();
/** Bound of the memo of derived values (fragments), oldest evicted first. */
const MEMO_LIMIT = 1000;
/** Snapshot bodies read from KV or the bundle. A snapshot has ~1,600 keys today: all of them fit, so composed
 *  entries (many per key: origins, themes, sizes, pairs) can never evict a body and make it cost a KV read again. */
const BODY_LIMIT = 4000;

/** One per isolate: snapshot values never change under a given id, so they are cached without expiry.
 *  Only settled values are shared between requests, never a pending promise: workerd never settles a promise
 *  whose I/O belonged to a request that has already ended, so a shared one could hang every later request. */
export class SnapshotStore {
  #pointer: { id: string | null; until: number } | undefined;
  #bundle: Bundle | undefined;
  #kvDown: { reason: FallbackReason; until: number } | undefined;
  /** Snapshots whose index could not be read (keys missing or corrupt), and until when they are skipped. */
  readonly #broken = new Map<string, { reason: FallbackReason; until: number }>();
  /** KV snapshots whose index was read, most recent first (at most two): the "last good" ones. */
  #good: Snapshot[] = [];
  readonly #bodies = new ResponseCache(BODY_LIMIT);
  readonly #composed = new ResponseCache();
  readonly #manifests = new Map<string, IndexedManifest>();
  readonly #ids = new Map<string, ReadonlySet<string> | null>();
  readonly #memo = new Map<string, unknown>();

  readonly #pointerTtlMs: number;
  readonly #retryMs: number;

  constructor(
    readonly loadBundle: () => Promise<Bundle>,
    o: { pointerTtlMs?: number; kvRetryMs?: number } = {},
  ) {
    this.#pointerTtlMs = o.pointerTtlMs ?? POINTER_TTL_MS;
    this.#retryMs = o.kvRetryMs ?? KV_RETRY_MS;
  }

  async #loadedBundle(): Promise<Bundle> {
    return (this.#bundle ??= await this.loadBundle());
  }

  /** The bundled snapshot; with a reason when it answers in place of a KV snapshot. */
  async bundleSnapshot(reason?: FallbackReason): Promise<Snapshot> {
    const { pointer } = await this.#loadedBundle();
    return { id: pointer, from: "bundle", keys: snapshotKeys(pointer), ...(reason ? { fallback: { reason, served: "bundle" as const } } : {}) };
  }

  /** The last good KV snapshot other than `avoid`, else the bundle, marked as a fallback for `reason`. */
  async #fallback(reason: FallbackReason, o: { avoid?: string; cacheOnly: boolean }): Promise<Snapshot> {
    const good = this.#good.find((s) => s.id !== o.avoid);
    if (good) return { ...good, fallback: { reason, served: "last-good" }, ...(o.cacheOnly ? { cacheOnly: true } : {}) };
    return this.bundleSnapshot(reason);
  }

  #kvFailed(fault: KvFault) {
    console.error(`KV unreadable (${fault.reason}); serving the last good or bundled snapshot for ${this.#retryMs / 1000} s`, fault.cause ?? "");
    this.#kvDown = { reason: fault.reason, until: Date.now() + this.#retryMs };
  }

  /** The snapshot to answer from. `avoid` names a snapshot that just failed this request (see app.ts). */
  async current(kv: KvReader, avoid?: { snapshot: string; reason: FallbackReason }): Promise<Snapshot> {
    const now = Date.now();
    if (this.#kvDown && this.#kvDown.until > now) return this.#fallback(this.#kvDown.reason, { cacheOnly: true });
    let id: string | null;
    if (this.#pointer && this.#pointer.until > now) id = this.#pointer.id;
    else {
      try {
        id = await kv.get(POINTER_KEY, "pointer", "pointer");
      } catch (err) {
        if (!(err instanceof KvFault)) throw err;
        this.#kvFailed(err);
        return this.#fallback(err.reason, { cacheOnly: true });
      }
      this.#pointer = { id, until: now + this.#pointerTtlMs };
    }
    // No pointer: nothing was ever published to this namespace, and the bundle is the snapshot (not a fallback).
    if (!id) return this.bundleSnapshot();
    if (avoid?.snapshot === id) return this.#fallback(avoid.reason, { avoid: id, cacheOnly: false });
    const broken = this.#broken.get(id);
    if (broken && broken.until > now) return this.#fallback(broken.reason, { avoid: id, cacheOnly: false });
    const snap: Snapshot = { id, from: "kv", keys: snapshotKeys(id) };
    // A snapshot is served once its index is readable; until then (keys still propagating, or corrupt), the last good one.
    try {
      await this.#indexed(kv, snap);
    } catch (err) {
      if (!(err instanceof KvFault)) throw err;
      if (err.reason === "kv-error" || err.reason === "kv-timeout") {
        this.#kvFailed(err);
        return this.#fallback(err.reason, { cacheOnly: true });
      }
      console.error(`snapshot ${id} named by the pointer is unusable (${err.reason}); serving the last good or bundled one`);
      this.#broken.set(id, { reason: err.reason, until: now + this.#retryMs });
      return this.#fallback(err.reason, { avoid: id, cacheOnly: false });
    }
    if (this.#good[0]?.id !== id) this.#good = [snap, ...this.#good.filter((s) => s.id !== id)].slice(0, 2);
    return this.#good[0]!;
  }

  /** The id of the snapshot the pointer names while it is trusted and served as is (no await, no KV). */
  fresh(): string | undefined {
    const now = Date.now();
    const p = this.#pointer;
    if (!p || p.until <= now || (this.#kvDown && this.#kvDown.until > now)) return undefined;
    if (p.id === null) return this.#bundle?.pointer;
    return this.#good[0]?.id === p.id ? p.id : undefined;
  }

  async #raw(kv: KvReader, snap: Snapshot, key: string, kind: ReadKind): Promise<string | null> {
    if (snap.from === "bundle") return (await this.#loadedBundle()).entries[key] ?? null;
    if (snap.cacheOnly) throw new KvFault(snap.fallback?.reason ?? "kv-error", snap.id);
    // KV refuses keys over 512 bytes; no snapshot key is that long, so such an id names nothing.
    if (key.length > MAX_KEY_BYTES / 3 && utf8.encode(key).length > MAX_KEY_BYTES) return null;
    try {
      return await kv.get(key, kind, snap.id);
    } catch (err) {
      if (err instanceof KvFault) this.#kvFailed(err);
      throw err;
    }
  }

  /** A ready response for `key`, from the isolate cache, else KV or the bundle; null if the key is absent.
   *  `expected`: the snapshot's index lists this key, so its absence means the snapshot is incomplete here
   *  (keys still propagating), not that the resource does not exist. JSON bodies are checked to parse.
   *  `key` must belong to `snap` (keys embed the snapshot id) and `extra` headers must be constant per key. */
  async read(kv: KvReader, snap: Snapshot, key: string, type: string, extra?: Record<string, string>, expected = false): Promise<Cached | null> {
    const hit = this.#bodies.get(key);
    if (hit) return hit;
    const body = await this.#raw(kv, snap, key, "value");
    if (body === null) {
      if (expected && snap.from === "kv") throw new KvFault("snapshot-incomplete", snap.id);
      return null;
    }
    if (type.startsWith("application/json") && snap.from === "kv") {
      try {
        JSON.parse(body);
      } catch (err) {
        throw new KvFault("kv-corrupt", snap.id, err);
      }
    }
    return this.#bodies.set(key, await cachedOf(body, type, snap.id, extra));
  }

  /** A response the worker composes itself (a join of two records, an HTML fragment), cached under `key`, which
   *  must belong to `snap`; `extra` headers must be constant per key. */
  async compose(snap: Snapshot, key: string, type: string, make: () => Promise<string>, extra?: Record<string, string>): Promise<Cached> {
    const hit = this.#composed.get(key);
    if (hit) return hit;
    const body = await make();
    return this.#composed.set(key, await cachedOf(body, type, snap.id, extra));
  }

  /** Any value derived from snapshot bodies (e.g. a rendered fragment), kept once per isolate under `key`. Two
   *  concurrent requests may both compute it: each awaits only its own work. */
  async memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const value = await make();
    if (this.#memo.size >= MEMO_LIMIT) this.#memo.delete(this.#memo.keys().next().value!);
    this.#memo.set(key, value);
    return value;
  }

  async manifest(kv: KvReader, snap: Snapshot): Promise<Manifest> {
    return (await this.#indexed(kv, snap)).manifest;
  }

  /** The manifest's comparable kinds by name, each with its ids as a Set (one lookup per request, not a scan). */
  async compareKinds(kv: KvReader, snap: Snapshot): Promise<ReadonlyMap<string, CompareKind>> {
    return (await this.#indexed(kv, snap)).compare;
  }

  /** Whether `id` is one of the snapshot's ids of `family`: from the manifest (rankings, charts) or the list
   *  bodies the API serves anyway (facts, sections, entity kinds and entities), read once per snapshot and
   *  isolate. undefined when the snapshot cannot tell (a list of an unexpected shape): then the key is read. */
  async has(kv: KvReader, snap: Snapshot, family: Family, id: string): Promise<boolean | undefined> {
    const mapKey = `${snap.id}|${family}`;
    let ids = this.#ids.get(mapKey);
    if (ids === undefined) {
      ids = await this.#idsOf(kv, snap, family);
      this.#ids.set(mapKey, ids);
    }
    return ids ? ids.has(id) : undefined;
  }

  async #idsOf(kv: KvReader, snap: Snapshot, family: Family): Promise<ReadonlySet<string> | null> {
    if (family === "ranking" || family === "chart") {
      const m = await this.manifest(kv, snap);
      return new Set((family === "ranking" ? m.rankings : m.charts).map((x) => x.id));
    }
    if (family.startsWith("entity:")) {
      const kind = family.slice("entity:".length);
      // A kind the snapshot does not list has no entities in it (and no list to read).
      if ((await this.has(kv, snap, "kind", kind)) === false) return new Set();
    }
    const [key, field, prop] =
      family === "fact"
        ? [snap.keys.list("facts"), "facts", "id"]
        : family === "section"
          ? [snap.keys.list("sections"), "sections", "id"]
          : family === "kind"
            ? [snap.keys.list("entities"), "kinds", "kind"]
            : [snap.keys.entityList(family.slice("entity:".length) as Parameters<SnapshotKeys["entityList"]>[0]), "entities", "id"];
    // Every snapshot has these lists: a missing one means the snapshot is incomplete here (a fault, not a 404).
    const list = await this.read(kv, snap, key, "application/json; charset=utf-8", undefined, true);
    if (!list) return null;
    const items = (JSON.parse(list.body) as Record<string, unknown>)[field];
    if (!Array.isArray(items)) return null;
    const ids = items.map((x) => (x as Record<string, unknown>)?.[prop]);
    return ids.every((x) => typeof x === "string") ? new Set(ids as string[]) : null;
  }

  async #indexed(kv: KvReader, snap: Snapshot): Promise<IndexedManifest> {
    const hit = this.#manifests.get(snap.id);
    if (hit) return hit;
    const raw =
      snap.from === "bundle" ? ((await this.#loadedBundle()).entries[snap.keys.manifest] ?? null) : await this.#raw(kv, snap, snap.keys.manifest, "index");
    if (raw === null) {
      if (snap.from === "bundle") throw new Error(`bundled snapshot ${snap.id} has no manifest`);
      throw new KvFault("snapshot-incomplete", snap.id);
    }
    let manifest: Manifest;
    try {
      manifest = Manifest.parse(JSON.parse(raw));
    } catch (err) {
      if (snap.from === "bundle") throw err;
      throw new KvFault("kv-corrupt", snap.id, err);
    }
    const compare = new Map(manifest.compare.map((entry) => [entry.kind as string, { entry, ids: new Set(entry.ids) }]));
    const indexed = { manifest, compare };
    this.#manifests.set(snap.id, indexed);
    return indexed;
  }
}
