// Sends a cached body with ETag, Cache-Control and snapshot headers, answering If-None-Match with 304.
import type { Cached } from "./cache";

/** Snapshot bodies are immutable per id; a publish changes the id, so browsers and CDNs may revalidate lazily. */
export const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400";

/** Open CORS on every response, errors included. */
export const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, X-Atlas-Snapshot",
} as const;

export function matchesEtag(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  // The common case, a client echoing the ETag it was sent, without splitting or regexes.
  if (header === etag) return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}

/** The cached entry as a 200, or a 304 when the request's If-None-Match matches its ETag. Headers were built with the entry. */
export function send(request: Request, cached: Cached): Response {
  if (matchesEtag(request.headers.get("If-None-Match"), cached.etag)) return new Response(null, { status: 304, headers: cached.notModified });
  return new Response(cached.bytes, { status: 200, headers: cached.ok });
}
