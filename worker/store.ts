// Reads the live snapshot: KV pointer → snapshot keys, with the bundled snapshot when KV is empty or failing.
import { Manifest, POINTER_KEY, snapshotKeys, type SnapshotKeys } from "../core/index";
import { cachedOf, ResponseCache, type Cached } from "./cache";

export interface Bundle {
  pointer: string;
  entries: Record<string, string>;
}

export interface Snapshot {
  id: string;
  from: "kv" | "bundle";
  keys: SnapshotKeys;
}

export interface CompareKind {
  entry: Manifest["compare"][number];
  ids: ReadonlySet<string>;
}

interface IndexedManifest {
  manifest: Manifest;
  compare: ReadonlyMap<string, CompareKind>;
}

/** How long an isolate trusts the pointer it read: a publish is seen within this time (KV itself takes ~60 s). */
const POINTER_TTL_MS = 30_000;
/** After a KV failure, serve the bundle for this long before trying KV again. */
const KV_RETRY_MS = 10_000;
/** Workers KV's limit on key length. */
const MAX_KEY_BYTES = 512;
const utf8 = new TextEncoder();
/** Bound of the memo of derived values (fragments), oldest evicted first. */
const MEMO_LIMIT = 1000;

/** A KV value could not be read. The store has switched to the bundled snapshot; the request is answered again from it. */
export class KvUnavailable extends Error {
  constructor(cause: unknown) {
    super("KV value unreadable", { cause });
    this.name = "KvUnavailable";
  }
}

/** One per isolate: snapshot values never change under a given id, so they are cached without expiry. */
export class SnapshotStore {
  #pointer: { snapshot: Snapshot; until: number } | undefined;
  #bundle: Bundle | undefined;
  readonly #responses = new ResponseCache();
  readonly #manifests = new Map<string, IndexedManifest>();
  readonly #memo = new Map<string, Promise<unknown>>();

  constructor(readonly loadBundle: () => Promise<Bundle>) {}

  async #bundleSnapshot(): Promise<Snapshot> {
    this.#bundle ??= await this.loadBundle();
    return { id: this.#bundle.pointer, from: "bundle", keys: snapshotKeys(this.#bundle.pointer) };
  }

  async current(kv: KVNamespace): Promise<Snapshot> {
    const now = Date.now();
    if (this.#pointer && this.#pointer.until > now) return this.#pointer.snapshot;
    let snapshot: Snapshot;
    let ttl = POINTER_TTL_MS;
    try {
      const id = await kv.get(POINTER_KEY);
      snapshot = id ? { id, from: "kv", keys: snapshotKeys(id) } : await this.#bundleSnapshot();
    } catch (err) {
      console.error("KV pointer unreadable, serving the bundled snapshot", err);
      snapshot = await this.#bundleSnapshot();
      ttl = KV_RETRY_MS;
    }
    this.#pointer = { snapshot, until: now + ttl };
    return snapshot;
  }

  /** The snapshot the pointer named, while it is still trusted (no await, no KV); undefined once it expires. */
  fresh(): Snapshot | undefined {
    const p = this.#pointer;
    return p && p.until > Date.now() ? p.snapshot : undefined;
  }

  async #raw(kv: KVNamespace, snap: Snapshot, key: string): Promise<string | null> {
    if (snap.from === "bundle") return this.#bundle?.entries[key] ?? null;
    // KV refuses keys over 512 bytes; no snapshot key is that long, so such an id names nothing.
    if (key.length > MAX_KEY_BYTES / 3 && utf8.encode(key).length > MAX_KEY_BYTES) return null;
    try {
      return await kv.get(key);
    } catch (err) {
      console.error("KV value unreadable, serving the bundled snapshot", err);
      this.#pointer = { snapshot: await this.#bundleSnapshot(), until: Date.now() + KV_RETRY_MS };
      throw new KvUnavailable(err);
    }
  }
  /** A ready response for `key`, from the isolate cache, else KV or the bundle; null if the key is absent.
   *  `key` must belong to `snap` (keys embed the snapshot id) and `extra` headers must be constant per key. */
  async read(kv: KVNamespace, snap: Snapshot, key: string, type: string, extra?: Record<string, string>): Promise<Cached | null> {
    const hit = this.#responses.get(key);
    if (hit) return hit;
    const body = await this.#raw(kv, snap, key);
    if (body === null) return null;
    return this.#responses.set(key, await cachedOf(body, type, snap.id, extra));
  }

  /** A response the worker composes itself (a join of two records, an HTML fragment), cached under `key`, which
   *  must belong to `snap`; `extra` headers must be constant per key. */
  async compose(snap: Snapshot, key: string, type: string, make: () => Promise<string>, extra?: Record<string, string>): Promise<Cached> {
    const hit = this.#responses.get(key);
    if (hit) return hit;
    const body = await make();
    return this.#responses.set(key, await cachedOf(body, type, snap.id, extra));
  }

  /** Any value derived from snapshot bodies (e.g. a rendered fragment), computed once per isolate under `key`. */
  memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.#memo.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    if (this.#memo.size >= MEMO_LIMIT) this.#memo.delete(this.#memo.keys().next().value!);
    const value = make();
    this.#memo.set(key, value);
    // A failure is not remembered: the next request tries again.
    value.catch(() => this.#memo.delete(key));
    return value;
  }

  async manifest(kv: KVNamespace, snap: Snapshot): Promise<Manifest> {
    return (await this.#indexed(kv, snap)).manifest;
  }

  /** The manifest's comparable kinds by name, each with its ids as a Set (one lookup per request, not a scan). */
  async compareKinds(kv: KVNamespace, snap: Snapshot): Promise<ReadonlyMap<string, CompareKind>> {
    return (await this.#indexed(kv, snap)).compare;
  }

  async #indexed(kv: KVNamespace, snap: Snapshot): Promise<IndexedManifest> {
    const hit = this.#manifests.get(snap.id);
    if (hit) return hit;
    const raw = await this.#raw(kv, snap, snap.keys.manifest);
    if (raw === null) throw new Error(`snapshot ${snap.id} has no manifest`);
    const manifest = Manifest.parse(JSON.parse(raw));
    const compare = new Map(manifest.compare.map((entry) => [entry.kind as string, { entry, ids: new Set(entry.ids) }]));
    const indexed = { manifest, compare };
    this.#manifests.set(snap.id, indexed);
    return indexed;
  }
}
