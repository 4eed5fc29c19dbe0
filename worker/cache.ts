// A bounded in-isolate cache of ready-to-send responses (body, ETag, content type), oldest entry evicted first.

export interface Cached {
  body: string;
  /** The body encoded once, so a hit costs no re-encoding. */
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
  type: string;
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

export async function cachedOf(body: string, type: string): Promise<Cached> {
  const bytes = encoder.encode(body) as Uint8Array<ArrayBuffer>;
  return { body, bytes, etag: await etagOf(bytes), type };
}

export async function etagOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", bytes);
  const hex = [...new Uint8Array(digest).slice(0, 10)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex}"`;
}
