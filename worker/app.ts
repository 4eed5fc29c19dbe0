// The Hono app: the read-only API as one flat route table (paths from core/urls.ts), each handler serving a
// precomputed body from the snapshot store. worker/answer.ts runs the table for each request (and again from
// another snapshot when KV fails); worker/resources.ts says, for each resource, which key, link and problem an id has.
import { Hono, type Context } from "hono";
import {
  compareRecords,
  comparisonCitation,
  comparisonGaps,
  type CompareRecord,
  entityKinds,
  paths,
  SNAPSHOT_INDEX_KEY,
  SnapshotDetail,
  SnapshotIndex,
  SnapshotList,
  SnapshotMetaBody,
  snapshotKeys,
  type Source,
  urls,
  type EntityKind,
  type FragmentKind,
} from "../core/index";
import { Atlas, RequestStates, UrlMemo, type AtlasEnv } from "./answer";
import { serveAsset } from "./assets";
import type { Cached } from "./cache";
import { embedsHandler } from "./embeds";
import { ApiError, KvFault, onError, problemResponse } from "./errors";
import { embedApp, fragmentEntry, type FragmentSource, type ResolveFragment } from "./html";
import { kvReader, type KvReader } from "./kv-reader";
import { openapi } from "./openapi";
import { pageRoutes } from "./pages/routes";
import { releaseFiles } from "./releases";
import {
  chartResource,
  entityResource,
  factResource,
  formatOf,
  fragmentResources,
  JSON_TYPE,
  kindResource,
  rankingResource,
  sectionResource,
  type Resource,
} from "./resources";
import { CORS, PINNED_CACHE_CONTROL, send } from "./respond";
import { SnapshotStore, type Bundle, type CompareKind, type Snapshot } from "./store";

export type { AtlasEnv } from "./answer";

export interface AppOptions {
  /** How long a request may wait for KV in all before it is answered from the last good or bundled snapshot. */
  kvDeadlineMs?: number;
  /** How long the isolate trusts the pointer it read (default 30 s). */
  pointerTtlMs?: number;
  /** How long KV (or a snapshot whose index failed) is left alone after a fault (default 10 s). */
  kvRetryMs?: number;
}

type C = Context<AtlasEnv>;

const KINDS: ReadonlySet<string> = new Set(entityKinds);
const METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);
/** A snapshot id, as `?snapshot=` takes it. */
const SNAPSHOT_ID = /^[0-9a-f]{12}$/;
/** How long an isolate trusts that a pinned snapshot is still in KV before checking its digest again (pruning). */
const PINNED_RECHECK_MS = 3_600_000;

export function createApp(loadBundle: () => Promise<Bundle>, options: AppOptions = {}): Atlas {
  const store = new SnapshotStore(loadBundle, options);
  const serveRelease = releaseFiles();
  const states = new RequestStates();
  const memo = new UrlMemo(() => store.fresh());
  const state = (c: C) => states.of(c.req.raw);

  // ── The request's snapshot and KV reader ─────────────────────────────────────────────────────────────────────

  const kv = (c: C): KvReader => {
    const st = state(c);
    return (st.reader ??= kvReader(c.env.ATLAS_KV, { deadlineMs: options.kvDeadlineMs, limiter: c.env.KV_READS, client: c.req.header("CF-Connecting-IP") }));
  };
  /** Pinned snapshot ids this isolate has seen complete in KV (their digest key is written last by a publish). */
  const complete = new Map<string, number>();
  /** The snapshot a `?snapshot={id}` URL names: the bundled or current one, or a retained one in KV; a pruned id
   *  answers 410 and an unknown one 404, both naming the current snapshot. */
  const pinned = async (c: C, id: string): Promise<Snapshot> => {
    if (!SNAPSHOT_ID.test(id)) throw new ApiError("bad-parameter", `snapshot must be a snapshot id (12 hex digits); see ${urls.snapshots()}.`);
    state(c).pinned = true;
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
        const here = `The current snapshot is ${current.id}: ${urls.snapshot(current.id)}`;
        throw pruned
          ? new ApiError("snapshot-gone", `Snapshot ${id} is no longer kept (older snapshots are pruned). ${here}`)
          : new ApiError("unknown-snapshot", `No snapshot ${id}. ${here}`);
      }
      complete.set(id, Date.now() + PINNED_RECHECK_MS);
    }
    return { id, from: "kv", keys: snapshotKeys(id) };
  };
  /** The snapshot this attempt answers from: the pinned one, else the pointer's (or, retrying, the last good or bundled). */
  const snap = async (c: C): Promise<Snapshot> => {
    const st = state(c);
    const id = c.req.query("snapshot");
    if (id !== undefined) {
      // A pinned snapshot is never answered from another one: while KV fails, a pinned URL says so (503).
      if (st.retry && (await store.bundleSnapshot()).id !== id)
        throw new ApiError(
          "snapshot-unavailable",
          `Snapshot ${id.slice(0, 12)} cannot be read just now; the unpinned URL answers from the newest readable snapshot.`,
          { "Retry-After": "10" },
        );
      return (st.used = await pinned(c, id));
    }
    const retry = st.retry;
    return (st.used = retry?.bundle ? await store.bundleSnapshot(retry.reason) : await store.current(kv(c), retry));
  };
  /** Sends a cache entry; a pinned URL's answer is immutable for caches, any other is held by the URL memo. */
  const reply = (request: Request, s: Snapshot, cached: Cached): Response => {
    const res = send(request, cached);
    if (states.of(request).pinned) res.headers.set("Cache-Control", PINNED_CACHE_CONTROL);
    else memo.remember(request, s, cached);
    return res;
  };

  // ── Resources by id (worker/resources.ts) ────────────────────────────────────────────────────────────────────

  /** Whether the snapshot holds `id`: unknown ids are refused here, with no KV read (the snapshot knows its ids). */
  const known = async (c: C, s: Snapshot, r: Resource, id: string): Promise<boolean> => {
    const has = await store.has(kv(c), s, r.family, id);
    if (has === false) throw r.missing(id);
    return has === true;
  };
  /** One body of a resource; `expected` says the snapshot's index lists the id (so a missing key is a KV fault). */
  const read = async <F extends string>(c: C, s: Snapshot, r: Resource<F>, format: F, id: string, expected: boolean): Promise<Cached> => {
    const b = r.bodies[format];
    const cached = await store.read(kv(c), s, b.key(s.keys, id), b.type, b.headers?.(id), expected);
    if (!cached) throw r.missing(id);
    return cached;
  };
  const body = async <F extends string>(c: C, s: Snapshot, r: Resource<F>, format: F, id: string) => read(c, s, r, format, id, await known(c, s, r, id));

  const comparable = async (c: C, s: Snapshot, kindParam: string): Promise<CompareKind> => {
    const found = (await store.compareKinds(kv(c), s)).get(kindParam);
    if (!found) throw new ApiError("unknown-kind", `Cannot compare "${kindParam.slice(0, 40)}". See ${urls.comparisons()}.`);
    return found;
  };
  /** The comparison of two entities: a precomputed pair (small kinds) or a join of two records (large kinds). */
  const comparison = async (c: C, s: Snapshot, { entry, ids }: CompareKind, a: string | null | undefined, b: string | null | undefined) => {
    if (!a || !b) throw new ApiError("bad-parameter", `Give two ${entry.kind} ids as ?a=…&b=… (see ${urls.comparisons()}).`);
    if (a === b) throw new ApiError("bad-parameter", "a and b must be different entities.");
    for (const id of [a, b]) if (!ids.has(id)) throw new ApiError("unknown-entity", `No ${entry.kind} entity "${id.slice(0, 80)}".`);
    const pairKey = s.keys.comparePair(entry.kind, a, b);
    if (entry.mode === "pair") {
      const cached = await store.read(kv(c), s, pairKey, JSON_TYPE, undefined, true);
      if (!cached) throw new ApiError("unknown-entity", "pair missing");
      return { key: pairKey, cached };
    }
    return { key: `${pairKey}:join:${a}`, cached: await joinRecords(c, s, entry, a, b) };
  };
  const joinRecords = (c: C, s: Snapshot, entry: CompareKind["entry"], a: string, b: string) =>
    store.compose(s, `${s.keys.comparePair(entry.kind, a, b)}:join:${a}`, JSON_TYPE, async () => {
      const [ra, rb] = await Promise.all(
        [a, b].map(async (id) => {
          // Both ids are in the manifest, so both records exist in a complete snapshot.
          const raw = await store.read(kv(c), s, s.keys.compareRecord(entry.kind, id), JSON_TYPE, undefined, true);
          if (!raw) throw new ApiError("unknown-entity", `No ${entry.kind} entity "${id}".`);
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

  /** The JSON a script-free fragment (and an /embed/ page) is rendered from, validated as the JSON routes validate it. */
  const resolve: ResolveFragment = async (c, s, kind, id, query): Promise<FragmentSource> => {
    if (kind === "compare") {
      const found = await comparable(c, s, id);
      const [a, b] = [query.get("a"), query.get("b")];
      const { key, cached } = await comparison(c, s, found, a, b);
      return { kind, key, self: urls.compare(found.entry.kind, { a: a!, b: b! }), json: async () => cached };
    }
    if (kind === "profile") {
      const entity = query.get("entity") ?? "";
      return { kind, key: `${s.keys.manifest}:profile:${id}:${entity}`, self: urls.profile(id, entity), json: () => pages.profileJson(c, s, id, entity) };
    }
    const r: Resource = fragmentResources[kind];
    const expected = await known(c, s, r, id);
    const format = r.fragment!;
    return { kind, key: r.bodies[format]!.key(s.keys, id), self: r.self(id), json: () => read(c, s, r, format, id, expected) };
  };
  const fragment = async (c: C, s: Snapshot, kind: FragmentKind, id: string) =>
    reply(c.req.raw, s, await fragmentEntry(c, store, s, await resolve(c, s, kind, id, new URL(c.req.url).searchParams)));

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────────────────────

  const list = (name: Parameters<Snapshot["keys"]["list"]>[0]) => async (c: C) => {
    const s = await snap(c);
    const cached = await store.read(kv(c), s, s.keys.list(name), JSON_TYPE);
    if (!cached) throw new ApiError("not-found", `list ${name} is missing`);
    return reply(c.req.raw, s, cached);
  };
  const kindOf = (c: C) => {
    const raw = c.req.param("kind") ?? "";
    if (!KINDS.has(raw)) throw new ApiError("unknown-kind", `No kind "${raw.slice(0, 40)}". See ${urls.entityKinds()}.`);
    return raw as EntityKind;
  };
  const entities = async (c: C) => {
    const kind = kindOf(c);
    const s = await snap(c);
    return reply(c.req.raw, s, await body(c, s, kindResource, "json", kind));
  };
  const entity = async (c: C) => {
    const kind = kindOf(c);
    const s = await snap(c);
    return reply(c.req.raw, s, await body(c, s, entityResource(kind), "json", c.req.param("id")!));
  };
  const section = async (c: C) => {
    const s = await snap(c);
    return reply(c.req.raw, s, await body(c, s, sectionResource, "json", c.req.param("id")!));
  };
  const fact = async (c: C) => {
    const id = c.req.param("id")!;
    const format = formatOf(c, "fact");
    const s = await snap(c);
    if (format === "html") return fragment(c, s, "fact", id);
    return reply(c.req.raw, s, await body(c, s, factResource, format, id));
  };
  const ranking = async (c: C) => {
    const id = c.req.param("id")!;
    const format = formatOf(c, "ranking");
    const s = await snap(c);
    if (format === "html") return fragment(c, s, "ranking", id);
    return reply(c.req.raw, s, await body(c, s, rankingResource, format, id));
  };
  const chart = async (c: C) => {
    const id = c.req.param("id")!;
    const format = formatOf(c, "chart");
    if (format === "png") return pages.chartCard(c, id);
    const s = await snap(c);
    if (format === "html") return fragment(c, s, "chart", id);
    return reply(c.req.raw, s, await body(c, s, chartResource, format, id));
  };
  const compare = async (c: C) => {
    const format = formatOf(c, "compare");
    const s = await snap(c);
    const kind = await comparable(c, s, c.req.param("kind")!);
    const { entry } = kind;
    const [a, b] = [c.req.query("a"), c.req.query("b")];
    if (a === undefined && b === undefined && format === "json") {
      // The kind's own page: which ids can be compared and an example.
      const cached = await store.compose(s, `${s.keys.manifest}:compare:${entry.kind}`, JSON_TYPE, async () =>
        JSON.stringify({
          snapshot: (await store.manifest(kv(c), s)).snapshot,
          kind: entry.kind,
          mode: entry.mode,
          ids: entry.ids,
          example: urls.compare(entry.kind, { a: entry.ids[0], b: entry.ids[1] }),
        }),
      );
      return reply(c.req.raw, s, cached);
    }
    if (format === "html") return fragment(c, s, "compare", entry.kind);
    return reply(c.req.raw, s, (await comparison(c, s, kind, a, b)).cached);
  };

  // The snapshots this deployment keeps: the index data:publish writes (or, before any publish, the current one).
  const snapshotEntry = (e: { id: string; builtAt: string; publishedAt?: string; release?: string; periods: string[] }, current: string) => ({
    ...e,
    current: e.id === current,
    links: { self: urls.snapshot(e.id), api: urls.index({ snapshot: e.id }) },
  });
  const metaOf = async (c: C, s: Snapshot) => {
    const raw = await store.read(kv(c), s, s.keys.meta, JSON_TYPE);
    return raw ? SnapshotMetaBody.parse(JSON.parse(raw.body)) : { id: s.id, builtAt: "", schemaVersion: 1 as const, periods: [] };
  };
  const snapshotList = async (c: C) => {
    if (c.req.query("snapshot") !== undefined) throw new ApiError("bad-parameter", "The list of snapshots is not itself pinned.");
    const s = await snap(c);
    const cached = await store.compose(s, `${s.keys.manifest}:snapshots`, JSON_TYPE, async () => {
      const raw = await kv(c).get(SNAPSHOT_INDEX_KEY, "index", s.id);
      const meta = await metaOf(c, s);
      const index = raw
        ? SnapshotIndex.parse(JSON.parse(raw))
        : { snapshots: [{ id: meta.id, builtAt: meta.builtAt, release: meta.release, periods: meta.periods }], pruned: [] };
      return JSON.stringify(
        SnapshotList.parse({
          snapshot: { id: s.id, builtAt: meta.builtAt || new Date(0).toISOString(), schemaVersion: 1 },
          current: s.id,
          snapshots: index.snapshots.map((e) => snapshotEntry(e, s.id)),
          pruned: index.pruned,
        }),
      );
    });
    return reply(c.req.raw, s, cached);
  };
  const snapshotDetail = async (c: C) => {
    const s = await pinned(c, c.req.param("id")!);
    state(c).used = s;
    const cached = await store.compose(s, `${s.keys.meta}:detail`, JSON_TYPE, async () => {
      const meta = await metaOf(c, s);
      const changes = await store.read(kv(c), s, s.keys.changes, JSON_TYPE);
      return JSON.stringify(
        SnapshotDetail.parse({
          snapshot: { id: s.id, builtAt: meta.builtAt || new Date(0).toISOString(), schemaVersion: 1 },
          periods: meta.periods,
          changes: changes ? JSON.parse(changes.body) : null,
          links: { api: urls.index({ snapshot: s.id }), list: urls.snapshots() },
        }),
      );
    });
    return reply(c.req.raw, s, cached);
  };
  const openapiBody = JSON.stringify(openapi);
  const openapiDocument = async (c: C) => {
    const s = await snap(c);
    // Cached per snapshot: the entry's headers carry the snapshot id.
    return reply(c.req.raw, s, await store.compose(s, `${s.keys.manifest}:openapi`, JSON_TYPE, async () => openapiBody));
  };
  // CORS headers are part of every response `send` and `problemResponse` build (cheaper than a middleware);
  // preflights (e.g. for If-None-Match) are answered here.
  const preflight = (c: C) =>
    c.body(null, 204, {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": c.req.header("Access-Control-Request-Headers") ?? "",
      "Access-Control-Max-Age": "86400",
    });
  // No route: a static file (widgets.js, its chunks, the demo page) for GET and HEAD, else a problem. The worker
  // runs before the assets layer for every request (run_worker_first in wrangler.toml), so static paths answer
  // every method as the API does, with problem+json, CORS and the security headers.
  const noRoute = async (c: C) => {
    if (!METHODS.has(c.req.method))
      return problemResponse(c, "method-not-allowed", `${c.req.method} is not allowed; this API is read-only.`, { Allow: "GET, HEAD, OPTIONS" });
    // /v/{version}/…: a widget release, from the assets or KV (worker/releases.ts).
    const release = await serveRelease(c.req.raw, c.env);
    if (release) return release;
    const asset = c.env?.ASSETS && (await serveAsset(c.env.ASSETS, c.req.raw));
    return asset || problemResponse(c, "not-found", `Nothing at ${new URL(c.req.url).pathname.slice(0, 120)}. Start at ${urls.index()}.`);
  };

  // ── The route table ──────────────────────────────────────────────────────────────────────────────────────────
  // The API is read-only: only GET (which Hono also uses for HEAD) and OPTIONS have routes, so any other method
  // ends in `noRoute`, which answers 405; no middleware runs on the GET path.

  const deps = { store, kv, snap, resolve, reply };
  const app = new Hono<AtlasEnv>();
  app.onError((err, c) => {
    if (!(err instanceof KvFault)) return onError(err, c);
    // The attempt ends here; worker/answer.ts answers the request again from another snapshot.
    state(c).fault = err;
    return new Response(null, { status: 503 });
  });
  app.options("*", preflight);
  app.get(paths.index, list("api"));
  app.get(paths.rankings, list("rankings"));
  app.get(paths.charts, list("charts"));
  app.get(paths.comparisons, list("compare"));
  app.get(paths.sources, list("sources"));
  app.get(paths.entityKinds, list("entities"));
  app.get(paths.sections, list("sections"));
  app.get(paths.facts, list("facts"));
  app.get(paths.entities, entities);
  app.get(paths.entity, entity);
  app.get(paths.section, section);
  app.get(paths.fact, fact);
  app.get(paths.ranking, ranking);
  app.get(paths.chart, chart);
  app.get(paths.compare, compare);
  app.get(paths.embeds, embedsHandler(deps));
  app.get(paths.snapshots, snapshotList);
  app.get(paths.snapshot, snapshotDetail);
  app.get(paths.openapi, openapiDocument);
  app.route("/", embedApp(deps));
  const pages = pageRoutes(app, deps);
  app.notFound(noRoute);
  return new Atlas(app, states, memo);
}
