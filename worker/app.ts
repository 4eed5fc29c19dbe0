// The Hono app: routes of the read-only API, each serving a precomputed body from the snapshot store.
import { Hono, type Context } from "hono";
import { compareRecords, comparisonCitation, comparisonGaps, CompareRecord, entityKinds, SNAPSHOT_INDEX_KEY, SnapshotDetail, SnapshotIndex, SnapshotList, SnapshotMetaBody, snapshotKeys, type EntityKind, type FragmentKind, Source } from "../core/index";
import { serveAsset, type AssetFetcher } from "./assets";
import { ApiError, KvFault, onError, problem, problemResponse, type FallbackReason } from "./errors";
import { embedsRoute } from "./embeds";
import { embedRoutes, fragmentEntry, type ResolveFragment } from "./html";
import { kvReader, type KvReader, type RateLimiter } from "./kv-reader";
import { openapi } from "./openapi";
import { pageRoutes } from "./pages/routes";
import type { Cached } from "./cache";
import { CORS, FALLBACK_HEADER, PINNED_CACHE_CONTROL, send } from "./respond";
import { SnapshotStore, type Bundle, type CompareKind, type Family, type Snapshot } from "./store";

const JSON_TYPE = "application/json; charset=utf-8";
const types = {
  json: JSON_TYPE,
  csv: "text/csv; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
} as const;

type Env = { Bindings: { ATLAS_KV: KVNamespace; ASSETS?: AssetFetcher; KV_READS?: RateLimiter } };

export interface AppOptions {
  /** How long a request may wait for KV in all before it is answered from the last good or bundled snapshot. */
  kvDeadlineMs?: number;
  /** How long the isolate trusts the pointer it read (default 30 s). */
  pointerTtlMs?: number;
  /** How long KV (or a snapshot whose index failed) is left alone after a fault (default 10 s). */
  kvRetryMs?: number;
}

const KINDS: ReadonlySet<string> = new Set(entityKinds);
const METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);
/** The problem for a missing key, built only when the key is missing (an Error captures a stack trace). */
type Missing = () => ApiError;

function formatParam(c: Context, allowed: readonly string[], fallback: string): string {
  const f = c.req.query("format") ?? fallback;
  if (!allowed.includes(f))
    throw new ApiError("bad-parameter", `format must be one of ${allowed.join(", ")}; got "${f.slice(0, 40)}"`);
  return f;
}

/** A snapshot id, as `?snapshot=` takes it. */
const SNAPSHOT_ID = /^[0-9a-f]{12}$/;
/** How long an isolate trusts that a pinned snapshot is still in KV before checking its digest again (pruning). */
const PINNED_RECHECK_MS = 3_600_000;

/** How many request URLs the isolate remembers the answer of (see `hot` below). */
const HOT_URLS = 4000;

export function createApp(loadBundle: () => Promise<Bundle>, options: AppOptions = {}) {
  const store = new SnapshotStore(loadBundle, options);
  const app = new Hono<Env>();
  // Per request: its KV reader (one deadline for all its reads), the snapshot it was answered from, the KV
  // fault that ended an attempt, and what the next attempt must avoid (see `answer` below).
  const readers = new WeakMap<Request, KvReader>();
  const used = new WeakMap<Request, Snapshot>();
  const faults = new WeakMap<Request, KvFault>();
  const retries = new WeakMap<Request, { snapshot: string; reason: FallbackReason; bundle: boolean }>();
  // A GET whose URL was answered from the response cache before, under the same snapshot, gets the same
  // entry again without routing: the answer depends only on the URL and the snapshot (If-None-Match is
  // checked by `send` as usual). Errors and OPTIONS always take the routes. Bounded, oldest evicted first.
  const hot = new Map<string, { snapshot: string; cached: Cached }>();
  const remember = (request: Request, s: Snapshot, cached: Cached) => {
    if (pinnedRequests.has(request)) {
      // Pinned: immutable for caches; not remembered in `hot`, whose entries answer as the moving latest.
      const res = send(request, cached);
      res.headers.set("Cache-Control", PINNED_CACHE_CONTROL);
      return res;
    }
    if (!s.fallback) {
      if (hot.size >= HOT_URLS) hot.delete(hot.keys().next().value!);
      hot.set(request.url, { snapshot: s.id, cached });
    }
    return send(request, cached);
  };
  app.onError((err, c) => {
    if (!(err instanceof KvFault)) return onError(err, c);
    faults.set(c.req.raw, err);
    return new Response(null, { status: 503 });
  });
  // CORS headers are part of every response `send` and `problemResponse` build (cheaper than a middleware);
  // preflights (e.g. for If-None-Match) are answered here.
  app.options("*", (c) =>
    c.body(null, 204, {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": c.req.header("Access-Control-Request-Headers") ?? "",
      "Access-Control-Max-Age": "86400",
    }),
  );

  // The API is read-only: every other method is refused for every path. Only GET (which Hono also uses for
  // HEAD) and OPTIONS have routes, so any other method ends in `notFound` below, which answers 405; no
  // middleware runs on the GET path.

  const kv = (c: Context<Env>): KvReader => {
    let r = readers.get(c.req.raw);
    if (!r) {
      r = kvReader(c.env.ATLAS_KV, { deadlineMs: options.kvDeadlineMs, limiter: c.env.KV_READS, client: c.req.header("CF-Connecting-IP") });
      readers.set(c.req.raw, r);
    }
    return r;
  };
  /** Pinned snapshot ids this isolate has seen complete in KV (their digest key is written last by a publish). */
  const complete = new Map<string, number>();
  const pinnedRequests = new WeakSet<Request>();
  /** The snapshot a `?snapshot={id}` URL names: the bundled or current one, or a retained one in KV; a pruned id
   *  answers 410 and an unknown one 404, both naming the current snapshot. */
  const pinned = async (c: Context<Env>, id: string): Promise<Snapshot> => {
    if (!SNAPSHOT_ID.test(id)) throw new ApiError("bad-parameter", "snapshot must be a snapshot id (12 hex digits); see /api/v1/snapshots.");
    pinnedRequests.add(c.req.raw);
    const bundle = await store.bundleSnapshot();
    if (bundle.id === id) return bundle;
    const current = await store.current(kv(c));
    if (current.id === id && !current.fallback) return current;
    const seen = complete.get(id);
    if (seen === undefined || seen < Date.now()) {
      const digest = await kv(c).get(snapshotKeys(id).digest, "index", id);
      if (!digest) {
        const index = await kv(c).get(SNAPSHOT_INDEX_KEY, "index", current.id);
        const pruned = index ? (JSON.parse(index) as SnapshotIndex).pruned.includes(id) : false;
        const here = `The current snapshot is ${current.id}: /api/v1/snapshots/${current.id}`;
        throw pruned
          ? new ApiError("snapshot-gone", `Snapshot ${id} is no longer kept (older snapshots are pruned). ${here}`)
          : new ApiError("unknown-snapshot", `No snapshot ${id}. ${here}`);
      }
      complete.set(id, Date.now() + PINNED_RECHECK_MS);
    }
    return { id, from: "kv", keys: snapshotKeys(id) };
  };
  const snap = async (c: Context<Env>) => {
    const id = c.req.query("snapshot");
    if (id !== undefined) {
      // A pinned snapshot is never answered from another one: while KV fails, a pinned URL says so (503).
      if (retries.has(c.req.raw) && (await store.bundleSnapshot()).id !== id)
        throw new ApiError("snapshot-unavailable", `Snapshot ${id.slice(0, 12)} cannot be read just now; the unpinned URL answers from the newest readable snapshot.`, { "Retry-After": "10" });
      const s = await pinned(c, id);
      used.set(c.req.raw, s);
      return s;
    }
    const retry = retries.get(c.req.raw);
    const s = retry?.bundle ? await store.bundleSnapshot(retry.reason) : await store.current(kv(c), retry);
    used.set(c.req.raw, s);
    return s;
  };
  /** Whether the snapshot holds `id`: unknown ids are refused here, with no KV read (the snapshot knows its ids). */
  const known = async (c: Context<Env>, s: Snapshot, family: Family, id: string, missing: Missing): Promise<boolean> => {
    const has = await store.has(kv(c), s, family, id);
    if (has === false) throw missing();
    return has === true;
  };
  const need = async (c: Context<Env>, s: Snapshot, key: string, type: string, missing: Missing, expected = false, extra?: Record<string, string>): Promise<Cached> => {
    const cached = await store.read(kv(c), s, key, type, extra, expected);
    if (!cached) throw missing();
    return cached;
  };
  const serveKey = async (c: Context<Env>, s: Snapshot, key: string, type: string, missing: Missing, expected = false) =>
    remember(c.req.raw, s, await need(c, s, key, type, missing, expected));

  const list = (name: Parameters<Snapshot["keys"]["list"]>[0]) => async (c: Context<Env>) => {
    const s = await snap(c);
    return serveKey(c, s, s.keys.list(name), JSON_TYPE, () => new ApiError("not-found", `list ${name} is missing`));
  };
  app.get("/api/v1", list("api"));
  app.get("/api/v1/rankings", list("rankings"));
  app.get("/api/v1/charts", list("charts"));
  app.get("/api/v1/compare", list("compare"));
  app.get("/api/v1/sources", list("sources"));
  app.get("/api/v1/entities", list("entities"));
  app.get("/api/v1/sections", list("sections"));
  app.get("/api/v1/facts", list("facts"));

  const kindOf = (c: Context<Env>) => {
    const raw = c.req.param("kind") ?? "";
    if (!KINDS.has(raw)) throw new ApiError("unknown-kind", `No kind "${raw.slice(0, 40)}". See /api/v1/entities.`);
    return raw as EntityKind;
  };
  app.get("/api/v1/entities/:kind", async (c) => {
    const kind = kindOf(c);
    const s = await snap(c);
    const missing = () => new ApiError("unknown-kind", `No entities of kind "${kind}".`);
    return serveKey(c, s, s.keys.entityList(kind), JSON_TYPE, missing, await known(c, s, "kind", kind, missing));
  });
  app.get("/api/v1/entities/:kind/:id", async (c) => {
    const kind = kindOf(c);
    const id = c.req.param("id");
    const s = await snap(c);
    const missing = () => new ApiError("unknown-entity", `No ${kind} entity "${id.slice(0, 80)}". See /api/v1/entities/${kind}.`);
    return serveKey(c, s, s.keys.entity(kind, id), JSON_TYPE, missing, await known(c, s, `entity:${kind}`, id, missing));
  });
  app.get("/api/v1/sections/:id", async (c) => {
    const id = c.req.param("id");
    const s = await snap(c);
    const missing = () => new ApiError("unknown-section", `No section "${id.slice(0, 80)}". See /api/v1/sections.`);
    return serveKey(c, s, s.keys.section(id), JSON_TYPE, missing, await known(c, s, "section", id, missing));
  });
  const unknownFact = (id: string) => () => new ApiError("unknown-fact", `No fact "${id.slice(0, 80)}". See /api/v1/facts.`);
  app.get("/api/v1/facts/:id", async (c) => {
    const id = c.req.param("id");
    const format = formatParam(c, ["json", "html"], "json");
    const s = await snap(c);
    if (format === "html") return fragment(c, s, "fact", id);
    return serveKey(c, s, s.keys.fact(id), JSON_TYPE, unknownFact(id), await known(c, s, "fact", id, unknownFact(id)));
  });

  const unknownRanking = (id: string) => () => new ApiError("unknown-ranking", `No ranking "${id.slice(0, 80)}". See /api/v1/rankings.`);
  app.get("/api/v1/rankings/:id", async (c) => {
    const id = c.req.param("id");
    const format = formatParam(c, ["json", "csv", "html"], "json");
    const s = await snap(c);
    const missing = unknownRanking(id);
    if (format === "html") return fragment(c, s, "ranking", id);
    const expected = await known(c, s, "ranking", id, missing);
    if (format === "csv")
      return remember(c.req.raw, s, await need(c, s, s.keys.rankingCsv(id), types.csv, missing, expected, { "Content-Disposition": `attachment; filename="${id}.csv"` }));
    return serveKey(c, s, s.keys.ranking(id), JSON_TYPE, missing, expected);
  });

  const unknownChart = (id: string) => () => new ApiError("unknown-chart", `No chart "${id.slice(0, 80)}". See /api/v1/charts.`);
  app.get("/api/v1/charts/:id", async (c) => {
    const id = c.req.param("id");
    const format = formatParam(c, ["vega-lite", "vega", "svg", "embed", "html", "png"], "vega-lite");
    if (format === "png") return pages.chartCard(c, id);
    const s = await snap(c);
    const missing = unknownChart(id);
    if (format === "html") return fragment(c, s, "chart", id);
    const expected = await known(c, s, "chart", id, missing);
    if (format === "svg") return serveKey(c, s, s.keys.chartSvg(id), types.svg, missing, expected);
    if (format === "embed") return serveKey(c, s, s.keys.chartEmbed(id), JSON_TYPE, missing, expected);
    return serveKey(c, s, format === "vega" ? s.keys.chartVega(id) : s.keys.chart(id), JSON_TYPE, missing, expected);
  });

  async function comparable(c: Context<Env>, s: Snapshot, kindParam: string): Promise<CompareKind> {
    const found = (await store.compareKinds(kv(c), s)).get(kindParam);
    if (!found) throw new ApiError("unknown-kind", `Cannot compare "${kindParam.slice(0, 40)}". See /api/v1/compare.`);
    return found;
  }

  /** The comparison body of two entities: a precomputed pair (small kinds) or a join of two records (large kinds). */
  async function comparison(c: Context<Env>, s: Snapshot, { entry, ids }: CompareKind, a: string | null | undefined, b: string | null | undefined) {
    if (!a || !b) throw new ApiError("bad-parameter", `Give two ${entry.kind} ids as ?a=…&b=… (see /api/v1/compare).`);
    if (a === b) throw new ApiError("bad-parameter", "a and b must be different entities.");
    for (const id of [a, b])
      if (!ids.has(id)) throw new ApiError("unknown-entity", `No ${entry.kind} entity "${id.slice(0, 80)}".`);
    const pairKey = s.keys.comparePair(entry.kind, a, b);
    if (entry.mode === "pair")
      return { key: pairKey, cached: await need(c, s, pairKey, JSON_TYPE, () => new ApiError("unknown-entity", "pair missing"), true) };
    return { key: `${pairKey}:join:${a}`, cached: await joinRecords(c, s, entry, a, b) };
  }

  app.get("/api/v1/compare/:kind", async (c) => {
    const format = formatParam(c, ["json", "html"], "json");
    const s = await snap(c);
    const kind = await comparable(c, s, c.req.param("kind"));
    const { entry } = kind;
    const [a, b] = [c.req.query("a"), c.req.query("b")];
    if (a === undefined && b === undefined && format === "json") {
      // The kind's own page: which ids can be compared and an example.
      const cached = await store.compose(s, `${s.keys.manifest}:compare:${entry.kind}`, JSON_TYPE, async () =>
        JSON.stringify({ snapshot: (await store.manifest(kv(c), s)).snapshot, kind: entry.kind, mode: entry.mode, ids: entry.ids, example: `/api/v1/compare/${entry.kind}?a=${entry.ids[0]}&b=${entry.ids[1]}` }),
      );
      return remember(c.req.raw, s, cached);
    }
    if (format === "html") return fragment(c, s, "compare", entry.kind);
    return remember(c.req.raw, s, (await comparison(c, s, kind, a, b)).cached);
  });

  /** The JSON a script-free fragment is rendered from, validated as the JSON routes validate it. */
  const resolve: ResolveFragment = async (c, s, kind, id, query) => {
    switch (kind) {
      case "chart": {
        const expected = await known(c, s, "chart", id, unknownChart(id));
        return { kind, key: s.keys.chartEmbed(id), self: `/api/v1/charts/${id}`, json: () => need(c, s, s.keys.chartEmbed(id), JSON_TYPE, unknownChart(id), expected) };
      }
      case "ranking": {
        const expected = await known(c, s, "ranking", id, unknownRanking(id));
        return { kind, key: s.keys.ranking(id), self: `/api/v1/rankings/${id}`, json: () => need(c, s, s.keys.ranking(id), JSON_TYPE, unknownRanking(id), expected) };
      }
      case "fact": {
        const expected = await known(c, s, "fact", id, unknownFact(id));
        return { kind, key: s.keys.fact(id), self: `/api/v1/facts/${id}`, json: () => need(c, s, s.keys.fact(id), JSON_TYPE, unknownFact(id), expected) };
      }
      case "compare": {
        const found = await comparable(c, s, id);
        const [a, b] = [query.get("a"), query.get("b")];
        const { key, cached } = await comparison(c, s, found, a, b);
        return { kind, key, self: `/api/v1/compare/${found.entry.kind}?a=${a}&b=${b}`, json: async () => cached };
      }
      case "profile": {
        const entity = query.get("entity") ?? "";
        return { kind, key: `${s.keys.manifest}:profile:${id}:${entity}`, self: `/api/v1/profiles/${id}/${entity}`, json: () => pages.profileJson(c, s, id, entity) };
      }
      default:
        throw new ApiError("not-found", `No fragment kind "${String(kind)}".`);
    }
  };
  const fragment = async (c: Context<Env>, s: Snapshot, kind: FragmentKind, id: string) =>
    remember(c.req.raw, s, await fragmentEntry(c, store, s, await resolve(c, s, kind, id, new URL(c.req.url).searchParams)));
  embedRoutes(app, store, snap, resolve, remember);
  const pages = pageRoutes(app, { store, kv, snap, resolve, reply: remember });
  embedsRoute(app, store, snap, remember, kv);

  async function joinRecords(c: Context<Env>, s: Snapshot, entry: CompareKind["entry"], a: string, b: string) {
    return store.compose(s, `${s.keys.comparePair(entry.kind, a, b)}:join:${a}`, JSON_TYPE, async () => {
      const [ra, rb] = await Promise.all(
        [a, b].map(async (id) => {
          // Both ids are in the manifest, so both records exist in a complete snapshot.
          const raw = await need(c, s, s.keys.compareRecord(entry.kind, id), JSON_TYPE, () => new ApiError("unknown-entity", `No ${entry.kind} entity "${id}".`), true);
          return JSON.parse(raw.body) as { record: CompareRecord; sources: Source[] };
        }),
      );
      const sources = new Map([...ra!.sources, ...rb!.sources].map((src) => [src.id, src]));
      const manifest = await store.manifest(kv(c), s);
      const comparison = {
        kind: entry.kind,
        a: ra!.record,
        b: rb!.record,
        differences: compareRecords(ra!.record, rb!.record),
        gaps: comparisonGaps(ra!.record, rb!.record),
        sources: [...sources.values()].sort((x, y) => x.id.localeCompare(y.id)),
      };
      return JSON.stringify({ snapshot: manifest.snapshot, comparison, citation: comparisonCitation(comparison, manifest.snapshot.id) });
    });
  }

  // The snapshots this deployment keeps: the index data:publish writes (or, before any publish, the current one).
  const snapshotEntry = (e: { id: string; builtAt: string; publishedAt?: string; release?: string; periods: string[] }, current: string) => ({
    ...e,
    current: e.id === current,
    links: { self: `/api/v1/snapshots/${e.id}`, api: `/api/v1?snapshot=${e.id}` },
  });
  const metaOf = async (c: Context<Env>, s: Snapshot) => {
    const raw = await store.read(kv(c), s, s.keys.meta, JSON_TYPE);
    return raw ? SnapshotMetaBody.parse(JSON.parse(raw.body)) : { id: s.id, builtAt: "", schemaVersion: 1 as const, periods: [] };
  };
  app.get("/api/v1/snapshots", async (c) => {
    if (c.req.query("snapshot") !== undefined) throw new ApiError("bad-parameter", "The list of snapshots is not itself pinned.");
    const s = await snap(c);
    const cached = await store.compose(s, `${s.keys.manifest}:snapshots`, JSON_TYPE, async () => {
      const raw = await kv(c).get(SNAPSHOT_INDEX_KEY, "index", s.id);
      const meta = await metaOf(c, s);
      const index = raw ? SnapshotIndex.parse(JSON.parse(raw)) : { snapshots: [{ id: meta.id, builtAt: meta.builtAt, release: meta.release, periods: meta.periods }], pruned: [] };
      return JSON.stringify(
        SnapshotList.parse({
          snapshot: { id: s.id, builtAt: meta.builtAt || new Date(0).toISOString(), schemaVersion: 1 },
          current: s.id,
          snapshots: index.snapshots.map((e) => snapshotEntry(e, s.id)),
          pruned: index.pruned,
        }),
      );
    });
    return remember(c.req.raw, s, cached);
  });
  app.get("/api/v1/snapshots/:id", async (c) => {
    const id = c.req.param("id");
    const s = await pinned(c, id);
    used.set(c.req.raw, s);
    const cached = await store.compose(s, `${s.keys.meta}:detail`, JSON_TYPE, async () => {
      const meta = await metaOf(c, s);
      const changes = await store.read(kv(c), s, s.keys.changes, JSON_TYPE);
      return JSON.stringify(
        SnapshotDetail.parse({
          snapshot: { id: s.id, builtAt: meta.builtAt || new Date(0).toISOString(), schemaVersion: 1 },
          periods: meta.periods,
          changes: changes ? JSON.parse(changes.body) : null,
          links: { api: `/api/v1?snapshot=${s.id}`, list: "/api/v1/snapshots" },
        }),
      );
    });
    return remember(c.req.raw, s, cached);
  });

  const openapiBody = JSON.stringify(openapi);
  app.get("/openapi.json", async (c) => {
    const s = await snap(c);
    // Cached per snapshot: the entry's headers carry the snapshot id.
    const cached = await store.compose(s, `${s.keys.manifest}:openapi`, JSON_TYPE, async () => openapiBody);
    return remember(c.req.raw, s, cached);
  });

  // No route: a static file (widgets.js, its chunks, the demo page) for GET and HEAD, else a problem. The worker
  // runs before the assets layer for every request (run_worker_first in wrangler.toml), so static paths answer
  // every method as the API does, with problem+json, CORS and the security headers.
  app.notFound(async (c) => {
    if (!METHODS.has(c.req.method))
      return problemResponse(c, "method-not-allowed", `${c.req.method} is not allowed; this API is read-only.`, { Allow: "GET, HEAD, OPTIONS" });
    const asset = c.env.ASSETS && (await serveAsset(c.env.ASSETS, c.req.raw));
    return asset || problemResponse(c, "not-found", `Nothing at ${new URL(c.req.url).pathname.slice(0, 120)}. Start at /api/v1.`);
  });

  const route = app.fetch;
  app.fetch = (request, env, ctx) => {
    const method = request.method;
    if (method === "GET" || method === "HEAD") {
      const hit = hot.get(request.url);
      if (hit && hit.snapshot === store.fresh()) {
        const res = send(request, hit.cached);
        return method === "HEAD" ? new Response(null, res) : res;
      }
    }
    return answer(request, env, ctx);
  };
  // A KV fault (a read that throws or misses the deadline, a corrupt body, a snapshot whose keys are missing)
  // ends an attempt; the request is answered again, avoiding the snapshot that failed: from the last good
  // snapshot, else the bundled one, which needs no KV. Never a 5xx, and all attempts share one KV deadline.
  const answer = async (request: Request, env: Parameters<typeof route>[1], ctx: Parameters<typeof route>[2]) => {
    for (let attempt = 1; ; attempt++) {
      const res = await route(request, env, ctx);
      const fault = faults.get(request);
      if (!fault) {
        const s = used.get(request);
        if (!s?.fallback) return res;
        const marked = new Response(res.body, res);
        marked.headers.set(FALLBACK_HEADER, `${s.fallback.served}; reason=${s.fallback.reason}`);
        return marked;
      }
      faults.delete(request);
      if (attempt >= 3) {
        // The third attempt is answered from the bundle, which reads no KV: a fault there is a bug.
        console.error("unhandled error", fault);
        return problem(request.url, "internal", "The server could not answer this request.");
      }
      retries.set(request, { snapshot: fault.snapshot, reason: fault.reason, bundle: attempt >= 2 });
    }
  };
  return app;
}
