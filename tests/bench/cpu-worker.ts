// Bench-only worker: runs the real app in-process many times inside workerd and reports µs per request.
// It has the same disk-backed KV binding as the API service, so cold requests take the real KV path.
import { createApp } from "../../worker/app";
import { bundledSnapshot, inflate } from "../../worker/bundle";
import gz from "../../worker/generated/snapshot.json.gz";

type App = ReturnType<typeof createApp>;
type Env = { ATLAS_KV: KVNamespace };
const ORIGIN = "https://atlas.bench";
/** workerd's clock is coarse (1 ms); loops run at least this long so the mean is precise. */
const MIN_LOOP_MS = 150;

async function timeLoop(n: number, body: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await body(i);
  return performance.now() - t0;
}

/** Grows n until a loop takes MIN_LOOP_MS, then returns ms per iteration and the n used. */
async function perIteration(body: (i: number) => Promise<unknown> | unknown, max: number) {
  let n = 8;
  for (;;) {
    const ms = await timeLoop(n, body);
    if (ms >= MIN_LOOP_MS || n >= max) return { ms: ms / n, n };
    n = Math.min(max, n * 4);
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/ping") return new Response(null, { status: 204 });
    if (url.pathname === "/startup") {
      // The fallback path only (KV empty or failing): gunzip + JSON.parse of the bundled snapshot.
      const r = await perIteration(() => inflate(gz), 50);
      return Response.json({ inflateMs: r.ms, gzBytes: gz.byteLength });
    }
    if (url.pathname === "/misses") return misses(env, Number(url.searchParams.get("n") ?? 1000));
    const path = url.searchParams.get("path") ?? "/api/v1";
    const inm = url.searchParams.get("inm");
    const headers: Record<string, string> = inm ? { "If-None-Match": inm } : {};
    // Counts KV reads, so the report can show the cold path really read KV (and the warm path did not).
    let kvGets = 0;
    const kv = env.ATLAS_KV;
    const counted: Env = {
      ATLAS_KV: {
        get: (key: string) => {
          kvGets++;
          return kv.get(key);
        },
      },
    };
    let calls = 0;
    const call = async (app: App) => {
      calls++;
      const res = await app.fetch(new Request(ORIGIN + path, { headers }), counted);
      await res.arrayBuffer();
      return res;
    };
    const first = await call(createApp(bundledSnapshot));
    const status = first.status;
    const firstKvGets = kvGets;

    // Warm: one isolate-lifetime app whose response cache already holds the body.
    const warmApp = createApp(bundledSnapshot);
    await call(warmApp);
    kvGets = 0;
    calls = 0;
    const warm = await perIteration(() => call(warmApp), 200_000);
    const warmCalls = calls;

    // Cold: the first request of a fresh app (KV pointer + value reads, response encoding), minus building the app.
    let apps: App[] = [];
    const prepare = (n: number) => (apps = Array.from({ length: n }, () => createApp(bundledSnapshot)));
    const warmKvGets = kvGets;
    let n = 16;
    let coldMs = 0;
    for (;;) {
      prepare(n);
      kvGets = 0;
      coldMs = await timeLoop(n, (i) => call(apps[i]!));
      if (coldMs >= MIN_LOOP_MS || n >= 4096) break;
      n *= 4;
    }
    const coldKvGets = kvGets / n;
    apps = [];
    const createMs = await timeLoop(n, () => createApp(bundledSnapshot));
    return Response.json({
      status,
      firstKvGets,
      warmKvGets,
      warmKvGetsPerRequest: warmKvGets / warmCalls,
      coldKvGets,
      warmUs: warm.ms * 1000,
      warmN: warm.n,
      coldUs: (coldMs / n) * 1000,
      coldN: n,
      createAppUs: (createMs / n) * 1000,
    });
  },
};

/** Paths with ids no snapshot has, on every route that takes an id (what a scanner or a random-id flood sends). */
const MISS_ROUTES = [
  (x: string) => `/api/v1/rankings/${x}`,
  (x: string) => `/api/v1/rankings/${x}?format=csv`,
  (x: string) => `/api/v1/charts/${x}?format=svg`,
  (x: string) => `/api/v1/charts/${x}?format=embed`,
  (x: string) => `/api/v1/facts/${x}`,
  (x: string) => `/api/v1/sections/${x}`,
  (x: string) => `/api/v1/entities/metros/${x}`,
  (x: string) => `/api/v1/entities/occupations/${x}`,
  (x: string) => `/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=${x}`,
  (x: string) => `/embed/chart/${x}`,
  (x: string) => `/api/v1/rankings/${x}?format=html`,
];

/** KV reads per 404 in a warm isolate: one request per route first (the isolate learns the snapshot's ids), then
 *  `n` unknown ids spread over the routes, counting KV reads and timing them. */
async function misses(env: Env, n: number): Promise<Response> {
  let kvGets = 0;
  const kv = env.ATLAS_KV;
  const counted: Env = {
    ATLAS_KV: {
      get: (key: string) => {
        kvGets++;
        return kv.get(key);
      },
    },
  };
  const app = createApp(bundledSnapshot);
  const ask = async (path: string) => {
    const res = await app.fetch(new Request(ORIGIN + path), counted);
    await res.arrayBuffer();
    return res.status;
  };
  for (const route of MISS_ROUTES) await ask(route("warm-up-miss"));
  const warmupKvGets = kvGets;
  kvGets = 0;
  const statuses: Record<number, number> = {};
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const status = await ask(MISS_ROUTES[i % MISS_ROUTES.length]!(`no-such-${(i * 2654435761) % 1e9}`));
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const ms = performance.now() - t0;
  return Response.json({ n, routes: MISS_ROUTES.length, warmupKvGets, kvGets, kvGetsPer404: kvGets / n, usPer404: (ms / n) * 1000, statuses });
}
