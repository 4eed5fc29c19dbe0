// Sends a cached body with ETag, Cache-Control and snapshot headers, answering If-None-Match with 304.
import type { Context } from "hono";
import type { Cached } from "./cache";
import type { Snapshot } from "./store";

/** Snapshot bodies are immutable per id; a publish changes the id, so browsers and CDNs may revalidate lazily. */
export const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400";

/** Open CORS on every response, errors included. */
export const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, X-Atlas-Snapshot",
} as const;

export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}

export function send(c: Context, cached: Cached, snap: Snapshot, extra: Record<string, string> = {}) {
  const headers = {
    ...CORS,
    ETag: cached.etag,
    "Cache-Control": CACHE_CONTROL,
    "X-Atlas-Snapshot": snap.id,
    Vary: "Accept-Encoding",
    ...extra,
  };
  if (matchesEtag(c.req.header("If-None-Match"), cached.etag)) return c.body(null, 304, headers);
  return c.body(cached.bytes, 200, { "Content-Type": cached.type, ...headers });
}
