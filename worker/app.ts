// The Hono app: routes of the read-only API, each serving a precomputed body from the snapshot store.
import { Hono, type Context } from "hono";
import { compareRecords, comparisonGaps, CompareRecord, entityKinds, type EntityKind, type FragmentKind, Source } from "../core/index";
import { ApiError, onError, problemResponse, RETRY_FROM_BUNDLE } from "./errors";
import { embedsRoute } from "./embeds";
import { embedRoutes, fragmentEntry, type ResolveFragment } from "./html";
import { openapi } from "./openapi";
import type { Cached } from "./cache";
import { CORS, send } from "./respond";
import { SnapshotStore, type Bundle, type CompareKind, type Snapshot } from "./store";

const JSON_TYPE = "application/json; charset=utf-8";
const types = {
  json: JSON_TYPE,
  csv: "text/csv; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
} as const;

type Env = { Bindings: { ATLAS_KV: KVNamespace } };

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

/** How many request URLs the isolate remembers the answer of (see `hot` below). */
const HOT_URLS = 4000;

export function createApp(loadBundle: () => Promise<Bundle>) {
  const store = new SnapshotStore(loadBundle);
  const app = new Hono<Env>();
  // A GET whose URL was answered from the response cache before, under the same snapshot, gets the same
  // entry again without routing: the answer depends only on the URL and the snapshot (If-None-Match is
  // checked by `send` as usual). Errors and OPTIONS always take the routes. Bounded, oldest evicted first.
  const hot = new Map<string, { snapshot: string; cached: Cached }>();
  const remember = (request: Request, s: Snapshot, cached: Cached) => {
    if (hot.size >= HOT_URLS) hot.delete(hot.keys().next().value!);
    hot.set(request.url, { snapshot: s.id, cached });
    return send(request, cached);
  };
  app.onError(onError);
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

  const snap = (c: Context<Env>) => store.current(c.env.ATLAS_KV);
  const need = async (c: Context<Env>, s: Snapshot, key: string, type: string, missing: Missing): Promise<Cached> => {
    const cached = await store.read(c.env.ATLAS_KV, s, key, type);
    if (!cached) throw missing();
    return cached;
  };
  const serveKey = async (c: Context<Env>, s: Snapshot, key: string, type: string, missing: Missing) =>
    remember(c.req.raw, s, await need(c, s, key, type, missing));

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
    return serveKey(c, s, s.keys.entityList(kind), JSON_TYPE, () => new ApiError("unknown-kind", `No entities of kind "${kind}".`));
  });
  app.get("/api/v1/entities/:kind/:id", async (c) => {
    const kind = kindOf(c);
    const id = c.req.param("id");
    const s = await snap(c);
    return serveKey(c, s, s.keys.entity(kind, id), JSON_TYPE, () => new ApiError("unknown-entity", `No ${kind} entity "${id.slice(0, 80)}". See /api/v1/entities/${kind}.`));
  });
  app.get("/api/v1/sections/:id", async (c) => {
    const id = c.req.param("id");
    const s = await snap(c);
    return serveKey(c, s, s.keys.section(id), JSON_TYPE, () => new ApiError("unknown-section", `No section "${id.slice(0, 80)}". See /api/v1/sections.`));
  });
  const unknownFact = (id: string) => () => new ApiError("unknown-fact", `No fact "${id.slice(0, 80)}". See /api/v1/facts.`);
  app.get("/api/v1/facts/:id", async (c) => {
    const id = c.req.param("id");
    const format = formatParam(c, ["json", "html"], "json");
    const s = await snap(c);
    if (format === "html") return fragment(c, s, "fact", id);
    return serveKey(c, s, s.keys.fact(id), JSON_TYPE, unknownFact(id));
  });

  const unknownRanking = (id: string) => () => new ApiError("unknown-ranking", `No ranking "${id.slice(0, 80)}". See /api/v1/rankings.`);
  app.get("/api/v1/rankings/:id", async (c) => {
    const id = c.req.param("id");
    const format = formatParam(c, ["json", "csv", "html"], "json");
    const s = await snap(c);
    const missing = unknownRanking(id);
    if (format === "html") return fragment(c, s, "ranking", id);
    if (format === "csv") {
      const key = s.keys.rankingCsv(id);
      const cached = await store.read(c.env.ATLAS_KV, s, key, types.csv, { "Content-Disposition": `attachment; filename="${id}.csv"` });
      if (!cached) throw missing();
      return remember(c.req.raw, s, cached);
    }
    return serveKey(c, s, s.keys.ranking(id), JSON_TYPE, missing);
  });

  const unknownChart = (id: string) => () => new ApiError("unknown-chart", `No chart "${id.slice(0, 80)}". See /api/v1/charts.`);
  app.get("/api/v1/charts/:id", async (c) => {
    const id = c.req.param("id");
    const format = formatParam(c, ["vega-lite", "vega", "svg", "embed", "html"], "vega-lite");
    const s = await snap(c);
    const missing = unknownChart(id);
    if (format === "html") return fragment(c, s, "chart", id);
    if (format === "svg") return serveKey(c, s, s.keys.chartSvg(id), types.svg, missing);
    if (format === "embed") return serveKey(c, s, s.keys.chartEmbed(id), JSON_TYPE, missing);
    return serveKey(c, s, format === "vega" ? s.keys.chartVega(id) : s.keys.chart(id), JSON_TYPE, missing);
  });

  async function comparable(c: Context<Env>, s: Snapshot, kindParam: string): Promise<CompareKind> {
    const found = (await store.compareKinds(c.env.ATLAS_KV, s)).get(kindParam);
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
      return { key: pairKey, cached: await need(c, s, pairKey, JSON_TYPE, () => new ApiError("unknown-entity", "pair missing")) };
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
        JSON.stringify({ snapshot: (await store.manifest(c.env.ATLAS_KV, s)).snapshot, kind: entry.kind, mode: entry.mode, ids: entry.ids, example: `/api/v1/compare/${entry.kind}?a=${entry.ids[0]}&b=${entry.ids[1]}` }),
      );
      return remember(c.req.raw, s, cached);
    }
    if (format === "html") return fragment(c, s, "compare", entry.kind);
    return remember(c.req.raw, s, (await comparison(c, s, kind, a, b)).cached);
  });

  /** The JSON a script-free fragment is rendered from, validated as the JSON routes validate it. */
  const resolve: ResolveFragment = async (c, s, kind, id, query) => {
    switch (kind) {
      case "chart":
        return { kind, key: s.keys.chartEmbed(id), self: `/api/v1/charts/${id}`, json: () => need(c, s, s.keys.chartEmbed(id), JSON_TYPE, unknownChart(id)) };
      case "ranking":
        return { kind, key: s.keys.ranking(id), self: `/api/v1/rankings/${id}`, json: () => need(c, s, s.keys.ranking(id), JSON_TYPE, unknownRanking(id)) };
      case "fact":
        return { kind, key: s.keys.fact(id), self: `/api/v1/facts/${id}`, json: () => need(c, s, s.keys.fact(id), JSON_TYPE, unknownFact(id)) };
      case "compare": {
        const found = await comparable(c, s, id);
        const [a, b] = [query.get("a"), query.get("b")];
        const { key, cached } = await comparison(c, s, found, a, b);
        return { kind, key, self: `/api/v1/compare/${found.entry.kind}?a=${a}&b=${b}`, json: async () => cached };
      }
      default:
        throw new ApiError("not-found", `No fragment kind "${String(kind)}".`);
    }
  };
  const fragment = async (c: Context<Env>, s: Snapshot, kind: FragmentKind, id: string) =>
    remember(c.req.raw, s, await fragmentEntry(c, store, s, await resolve(c, s, kind, id, new URL(c.req.url).searchParams)));
  embedRoutes(app, store, snap, resolve, remember);
  embedsRoute(app, store, snap, remember);

  async function joinRecords(c: Context<Env>, s: Snapshot, entry: CompareKind["entry"], a: string, b: string) {
    return store.compose(s, `${s.keys.comparePair(entry.kind, a, b)}:join:${a}`, JSON_TYPE, async () => {
      const [ra, rb] = await Promise.all(
        [a, b].map(async (id) => {
          const raw = await store.read(c.env.ATLAS_KV, s, s.keys.compareRecord(entry.kind, id), JSON_TYPE);
          if (!raw) throw new ApiError("unknown-entity", `No ${entry.kind} entity "${id}".`);
          return JSON.parse(raw.body) as { record: CompareRecord; sources: Source[] };
        }),
      );
      const sources = new Map([...ra!.sources, ...rb!.sources].map((src) => [src.id, src]));
      const manifest = await store.manifest(c.env.ATLAS_KV, s);
      return JSON.stringify({
        snapshot: manifest.snapshot,
        comparison: {
          kind: entry.kind,
          a: ra!.record,
          b: rb!.record,
          differences: compareRecords(ra!.record, rb!.record),
          gaps: comparisonGaps(ra!.record, rb!.record),
          sources: [...sources.values()].sort((x, y) => x.id.localeCompare(y.id)),
        },
      });
    });
  }

  const openapiBody = JSON.stringify(openapi);
  app.get("/openapi.json", async (c) => {
    const s = await snap(c);
    // Cached per snapshot: the entry's headers carry the snapshot id.
    const cached = await store.compose(s, `${s.keys.manifest}:openapi`, JSON_TYPE, async () => openapiBody);
    return remember(c.req.raw, s, cached);
  });

  app.notFound((c) =>
    METHODS.has(c.req.method)
      ? problemResponse(c, "not-found", `Nothing at ${new URL(c.req.url).pathname.slice(0, 120)}. Start at /api/v1.`)
      : problemResponse(c, "method-not-allowed", `${c.req.method} is not allowed; this API is read-only.`, { Allow: "GET, HEAD, OPTIONS" }),
  );

  const route = app.fetch;
  app.fetch = (request, env, ctx) => {
    const method = request.method;
    if (method === "GET" || method === "HEAD") {
      const hit = hot.get(request.url);
      if (hit && hit.snapshot === store.fresh()?.id) {
        const res = send(request, hit.cached);
        return method === "HEAD" ? new Response(null, res) : res;
      }
    }
    return answer(request, env, ctx);
  };
  // A KV read that fails midway switches the store to the bundled snapshot; the request is answered once more
  // from it (the same answer as when the pointer itself cannot be read), never with a 5xx.
  const answer = async (request: Request, env: Parameters<typeof route>[1], ctx: Parameters<typeof route>[2]) => {
    const res = await route(request, env, ctx);
    return res.headers.has(RETRY_FROM_BUNDLE) ? route(request, env, ctx) : res;
  };
  return app;
}
