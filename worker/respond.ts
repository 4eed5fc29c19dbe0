// Sends a cached body with ETag, Cache-Control and snapshot headers, answering If-None-Match with 304.
import type { Cached } from "./cache";

/** Snapshot bodies are immutable per id; a publish changes the id, so browsers and CDNs may revalidate lazily. */
export const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400";

/** A URL pinned to a snapshot (`?snapshot={id}`) answers the same bytes forever (until the snapshot is pruned). */
export const PINNED_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** Says which snapshot answered when it is not the one the KV pointer names (see SnapshotStore). */
export const FALLBACK_HEADER = "X-Atlas-Fallback";

/** Open CORS and the security headers, on every response the worker sends, errors and static files included.
 *  Everything here is public data meant to be embedded: any origin may read it (CORS) or load it as a
 *  subresource (CORP cross-origin, e.g. widgets.js on a page with COEP); nothing may be sniffed into another
 *  type; no Referer leaks the page a reader came from to the sources we link to. */
export const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": `ETag, X-Atlas-Snapshot, ${FALLBACK_HEADER}, Retry-After`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "cross-origin",
} as const;

/** CSP of our own HTML pages (the demo page and `?format=html` fragments opened directly): only our scripts,
 *  styles and API; framed only by our own pages. Embed pages use EMBED_CSP (no script at all, framed by anyone). */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

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
