// A bounded in-isolate cache of ready-to-send responses (body, ETag, content type), oldest entry evicted first.

export interface Cached {
  body: string;
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

export async function etagOf(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest).slice(0, 10)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex}"`;
}
