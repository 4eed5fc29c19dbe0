// Static files (widgets.js, its chunks, the manifest and types, the demo page) through the assets binding, with
// the headers every response of ours carries.
import { CORS, PAGE_CSP } from "./respond";

/** The part of the ASSETS binding (a Fetcher) the worker uses. */
export interface AssetFetcher {
  fetch(request: Request): Promise<Response>;
}

/** The file for a GET or HEAD, or null when there is none (the caller answers a 404 problem). Range requests are
 *  served whole: the files are small, and a 416 from the assets layer would be an error that is not problem+json. */
export async function serveAsset(assets: AssetFetcher, request: Request): Promise<Response | null> {
  const headers = new Headers(request.headers);
  headers.delete("Range");
  headers.delete("If-Range");
  const res = await assets.fetch(new Request(request.url, { method: request.method, headers }));
  if (res.status >= 400) {
    if (res.status !== 404) console.error(`assets layer answered ${res.status} for ${request.method} ${new URL(request.url).pathname}`);
    await res.body?.cancel();
    return null;
  }
  const out = new Response(res.body, res);
  for (const [name, value] of Object.entries(CORS)) out.headers.set(name, value);
  if ((out.headers.get("Content-Type") ?? "").startsWith("text/html")) out.headers.set("Content-Security-Policy", PAGE_CSP);
  return out;
}
