// Widget releases at /v/{version}/…: the release this worker was deployed with from its assets, earlier ones from KV
// (widgets:publish writes every release there at deploy time and never prunes them). Each file answers the same
// bytes forever: cached as immutable, open CORS, CORP cross-origin, like every response of ours.
import { RELEASE_CACHE_CONTROL, RELEASE_FILE, WIDGET_RELEASES_KEY, WIDGET_VERSION, widgetReleaseKey } from "../core/index";
import { serveAsset, type AssetFetcher } from "./assets";
import { problem } from "./errors";
import { CORS } from "./respond";

const RELEASE_PATH = /^\/v\/([^/]*)\/(.*)$/;
/** How long an isolate trusts the list of published versions before reading it again. */
const INDEX_TTL_MS = 300_000;
/** How long a KV read for a release may take before the request is answered 503 (try again). */
const KV_DEADLINE_MS = 5_000;
/** Release files an isolate keeps (immutable, tens of KB each). */
const MAX_CACHED_FILES = 64;

interface ReleaseEnv {
  ATLAS_KV: KVNamespace;
  ASSETS?: AssetFetcher;
}

const typeOf = (file: string) => (file.endsWith(".json") ? "application/json; charset=utf-8" : "text/javascript; charset=utf-8");

function withDeadline<T>(p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error("KV deadline")), KV_DEADLINE_MS)));
  return Promise.race([p, late]).finally(() => timer && clearTimeout(timer));
}

/** The handler for /v/{version}/… paths: null for any other path. One per app (it holds the isolate's caches). */
export function releaseFiles() {
  let current: Promise<string | null> | undefined;
  let index: { at: number; versions: ReadonlySet<string> } | undefined;
  const files = new Map<string, string>();

  /** The version of the release in the assets (their release.json), read once per isolate. */
  const currentVersion = (assets: AssetFetcher | undefined, url: string) =>
    (current ??= (async () => {
      if (!assets) return null;
      const res = await serveAsset(assets, new Request(new URL("/release.json", url)));
      if (!res) return null;
      try {
        const v = ((await res.json()) as { version?: unknown }).version;
        return typeof v === "string" && WIDGET_VERSION.test(v) ? v : null;
      } catch {
        return null;
      }
    })());

  const published = async (kv: KVNamespace): Promise<ReadonlySet<string>> => {
    if (index && Date.now() - index.at < INDEX_TTL_MS) return index.versions;
    const raw = await withDeadline(kv.get(WIDGET_RELEASES_KEY));
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
      problem(request.url, "unknown-widget-version", `No widget release "${version.slice(0, 40)}". The latest is at /widgets.js; /release.json names its version.`);
    if (!WIDGET_VERSION.test(version)) return unknown();
    const missing = () => problem(request.url, "not-found", `Release ${version} has no file ${file.slice(0, 80)}.`);
    if (version === (await currentVersion(env.ASSETS, request.url))) {
      const asset = RELEASE_FILE.test(file) && env.ASSETS ? await serveAsset(env.ASSETS, request) : null;
      return asset ? immutable(asset) : missing();
    }
    const key = widgetReleaseKey(version, file);
    let body = files.get(key);
    if (body === undefined) {
      try {
        if (!(await published(env.ATLAS_KV)).has(version)) return unknown();
        if (!RELEASE_FILE.test(file)) return missing();
        const value = await withDeadline(env.ATLAS_KV.get(key));
        if (value === null) return missing();
        body = value;
      } catch (err) {
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
