// A bounded in-isolate cache of ready-to-send responses (body, ETag, headers), oldest entry evicted first.
import { CACHE_CONTROL, CORS } from "./respond";

export interface Cached {
  body: string;
  /** The body encoded once, so a hit costs no re-encoding. */
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
  type: string;
  /** Every header of the 200 and the 304 answer, built once per entry (entries are per snapshot). A Response
   *  copies the Headers it is given, so these are never changed; a Headers object is the cheapest init in workerd. */
  ok: Headers;
  notModified: Headers;
}

export class ResponseCache {
  readonly #map = new Map<string, Cached>();
  constructor(readonly limit = 2000) {}

  get(key: string): Cached | undefined {
    return this.#map.get(key);
  }

  set(key: string, value: Cached): Cached {
    if (this.#map.size >= this.limit) this.#map.delete(this.#map.keys().next().value!);
    this.#map.set(key, value);
    return value;
  }

  clear() {
    this.#map.clear();
  }
}

const encoder = new TextEncoder();

/** A cache entry for `body`, served under snapshot `snapshotId` with any `extra` headers (constant per entry). */
export async function cachedOf(body: string, type: string, snapshotId: string, extra: Record<string, string> = {}): Promise<Cached> {
  const bytes = encoder.encode(body) as Uint8Array<ArrayBuffer>;
  const etag = await etagOf(bytes);
  const common = {
    ...CORS,
    ETag: etag,
    "Cache-Control": CACHE_CONTROL,
    "X-Atlas-Snapshot": snapshotId,
    Vary: "Accept-Encoding",
    ...extra,
  };
  return { body, bytes, etag, type, ok: new Headers({ "Content-Type": type, ...common }), notModified: new Headers(common) };
}

export async function etagOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", bytes);
  const hex = [...new Uint8Array(digest).slice(0, 10)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex}"`;
}
