// Widget releases at /v/{version}/…: the release this worker was deployed with from its assets, earlier ones from KV
// (widgets:publish writes every release there at deploy time and never prunes them). Each file answers the same
// bytes forever: cached as immutable, open CORS, CORP cross-origin, like every response of ours.
import { RELEASE_CACHE_CONTROL, RELEASE_FILE, WIDGET_RELEASES_KEY, WIDGET_VERSION, widgetReleaseKey } from "../core/index";
import { serveAsset, type AssetFetcher } from "./assets";
import { ApiError, problem } from "./errors";
import { kvReader, type KvReader, type RateLimiter } from "./kv-reader";
import { CORS } from "./respond";

const RELEASE_PATH = /^\/v\/([^/]*)\/(.*)$/;
/** How long an isolate trusts the list of published versions before reading it again. */
const INDEX_TTL_MS = 300_000;
/** Release files an isolate keeps (immutable, tens of KB each). */
const MAX_CACHED_FILES = 64;

interface ReleaseEnv {
  ATLAS_KV: KVNamespace;
  ASSETS?: AssetFetcher;
  KV_READS?: RateLimiter;
}

const typeOf = (file: string) => (file.endsWith(".json") ? "application/json; charset=utf-8" : "text/javascript; charset=utf-8");

/** The handler for /v/{version}/… paths: null for any other path. One per app (it holds the isolate's caches). */
export function releaseFiles() {
  // Values, never promises, are kept across requests: workerd does not settle a promise whose I/O belonged to a
  // request that has ended, so a request must not wait on another's read.
  let current: string | null | undefined;
  let index: { at: number; versions: ReadonlySet<string> } | undefined;
  const files = new Map<string, string>();

  /** The version of the release in the assets (their release.json), read once per isolate. */
  const currentVersion = async (assets: AssetFetcher | undefined, url: string): Promise<string | null> => {
    if (current !== undefined) return current;
    if (!assets) return (current = null);
    try {
      const res = await serveAsset(assets, new Request(new URL("/release.json", url)));
      const v = res ? ((await res.json()) as { version?: unknown }).version : null;
      return (current = typeof v === "string" && WIDGET_VERSION.test(v) ? v : null);
    } catch (err) {
      console.error("assets: release.json unreadable", err);
      return null; // not kept: asked again by the next request
    }
  };

  const published = async (reader: KvReader, version: string): Promise<ReadonlySet<string>> => {
    if (index && Date.now() - index.at < INDEX_TTL_MS) return index.versions;
    const raw = await reader.get(WIDGET_RELEASES_KEY, "index", `widgets ${version}`);
    let versions: string[] = [];
    if (raw) {
      const parsed = JSON.parse(raw) as { releases?: { version?: unknown }[] };
      versions = (parsed.releases ?? []).flatMap((r) => (typeof r.version === "string" ? [r.version] : []));
    }
    index = { at: Date.now(), versions: new Set(versions) };
    return index.versions;
  };

  const immutable = (res: Response) => {
    res.headers.set("Cache-Control", RELEASE_CACHE_CONTROL);
    return res;
  };

  return async function serveRelease(request: Request, env: ReleaseEnv): Promise<Response | null> {
    const m = RELEASE_PATH.exec(new URL(request.url).pathname);
    if (!m) return null;
    const [, version, file] = m as unknown as [string, string, string];
    const unknown = () =>
      problem(
        request.url,
        "unknown-widget-version",
        `No widget release "${version.slice(0, 40)}". The latest is at /widgets.js; /release.json names its version.`,
      );
    if (!WIDGET_VERSION.test(version)) return unknown();
    const missing = () => problem(request.url, "not-found", `Release ${version} has no file ${file.slice(0, 80)}.`);
    if (version === (await currentVersion(env.ASSETS, request.url))) {
      const asset = RELEASE_FILE.test(file) && env.ASSETS ? await serveAsset(env.ASSETS, request) : null;
      return asset ? immutable(asset) : missing();
    }
    const key = widgetReleaseKey(version, file);
    let body = files.get(key);
    if (body === undefined) {
      // The request's KV reads share one deadline; a file read counts against the per-client rate limit, the list
      // of versions (once per isolate and period) does not.
      const reader = kvReader(env.ATLAS_KV, { limiter: env.KV_READS, client: request.headers.get("CF-Connecting-IP") });
      try {
        if (!(await published(reader, version)).has(version)) return unknown();
        if (!RELEASE_FILE.test(file)) return missing();
        const value = await reader.get(key, "value", `widgets ${version}`);
        if (value === null) return missing();
        body = value;
      } catch (err) {
        if (err instanceof ApiError) return problem(request.url, err.code, err.detail, err.headers);
        console.error(`widget release ${version}: KV read failed`, err);
        return problem(request.url, "widget-release-unavailable", `Release ${version} could not be read just now; try again shortly.`, { "Retry-After": "10" });
      }
      if (files.size >= MAX_CACHED_FILES) files.delete(files.keys().next().value!);
      files.set(key, body);
    }
    return immutable(
      new Response(request.method === "HEAD" ? null : body, {
        headers: { "Content-Type": typeOf(file), ...CORS },
      }),
    );
  };
}
