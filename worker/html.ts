// Script-free HTML: fragments for `?format=html`, whole pages under /embed/… for iframes, and oEmbed for blog platforms.
import { Hono, type Context } from "hono";
import {
  cardOfFragment,
  chartFragment,
  comparisonFragment,
  comparisonTitle,
  EMBED_CSP,
  EMBED_CSS,
  embedHeights,
  embedPage,
  embedKinds,
  embedThemes,
  esc,
  formats,
  factFragment,
  headlineRows,
  problems,
  profileFragment,
  profileTitle,
  rankingFragment,
  type ChartEmbed,
  type ComparisonPayload,
  type EmbedTheme,
  type FactPayload,
  type FragmentKind,
  type ProfilePayload,
  type RankingPayload,
  paths,
  urls,
} from "../core/index";
import type { AtlasEnv } from "./answer";
import { ApiError } from "./errors";
import { CORS } from "./respond";
import type { Cached } from "./cache";
import type { Snapshot, SnapshotStore } from "./store";

export const HTML_TYPE = "text/html; charset=utf-8";
const CSS_PATH = paths.embedCss;

export interface Fragment {
  title: string;
  html: string;
  /** The generated summary (a chart's or ranking's, a fact's text), for social cards. */
  summary: string;
}

/** Where a fragment's JSON comes from: the route resolves (and validates) it, this module only renders. */
export type FragmentSource = { kind: FragmentKind; key: string; json: () => Promise<Cached>; self: string };

/** The fragment of one resource, rendered once per isolate from the JSON body the API serves anyway. */
export function fragmentOf(store: SnapshotStore, origin: string, src: FragmentSource): Promise<Fragment> {
  return store.memo(`${src.key}:fragment:${origin}`, async () => {
    const body = JSON.parse((await src.json()).body) as unknown;
    const ctx = { origin };
    switch (src.kind) {
      case "chart": {
        const e = body as ChartEmbed;
        return { title: e.chart.title, html: chartFragment(e, ctx), summary: e.chart.summary };
      }
      case "ranking": {
        const r = body as RankingPayload;
        return { title: r.ranking.title, html: rankingFragment(r, ctx), summary: r.ranking.summary };
      }
      case "compare": {
        const p = body as ComparisonPayload;
        const n = p.comparison.differences.length;
        const title = comparisonTitle(p.comparison);
        const summary = `${title}: ${n} ${n === 1 ? "figure" : "figures"} side by side, each with its source, period and trust label.`;
        return { title, html: comparisonFragment(p, ctx, src.self), summary };
      }
      case "fact": {
        const f = body as FactPayload;
        return { title: f.fact.title, html: factFragment(f, ctx), summary: f.fact.text };
      }
      case "profile": {
        const p = body as ProfilePayload;
        const n = headlineRows(p.profile).length;
        const summary = `${p.profile.name} (${p.profile.noun.toLowerCase()}): ${n} ${n === 1 ? "figure" : "figures"}, each with its rank and the U.S. figure where one exists, its period and trust label.`;
        return { title: profileTitle(p.profile), html: profileFragment(p, ctx), summary };
      }
      default:
        throw new ApiError("not-found", `No fragment kind "${String(src.kind)}".`);
    }
  });
}

/** A fragment opened on its own is a page of ours: nothing runs in it, and only our own pages may frame it. */
export const FRAGMENT_CSP = `${EMBED_CSP}; frame-ancestors 'self'`;

/** The cache entry of a fragment (links in it are absolute, so it is cached per origin). */
export async function fragmentEntry(c: Context, store: SnapshotStore, s: Snapshot, src: FragmentSource): Promise<Cached> {
  const origin = new URL(c.req.url).origin;
  return store.compose(s, `${src.key}:html:${origin}`, HTML_TYPE, async () => (await fragmentOf(store, origin, src)).html, {
    "Content-Security-Policy": FRAGMENT_CSP,
  });
}

/** Whether the client asked for HTML (a browser loading an iframe does; API clients and fetch() do not). */
const wantsHtml = (c: Context) => (c.req.header("Accept") ?? "").includes("text/html");

/** Answers with a cache entry (immutable for caches when the URL is pinned to a snapshot). */
export type Reply = (request: Request, s: Snapshot, cached: Cached) => Response;

/** What a page under /embed/ can show (core/urls.ts's embed kinds): /embed/chart/{id} shows what the chart's
 *  `?format=html` fragment does, etc. */
const EMBED_KINDS: ReadonlySet<string> = new Set<string>(embedKinds);
const kindList = `${embedKinds.slice(0, -1).join(", ")} or ${embedKinds.at(-1)}`;

export type ResolveFragment = (c: Context, s: Snapshot, kind: FragmentKind, id: string, query: URLSearchParams) => Promise<FragmentSource>;

function themeOf(raw: string | undefined): EmbedTheme {
  const theme = raw ?? "auto";
  if (!(embedThemes as readonly string[]).includes(theme))
    throw new ApiError("bad-parameter", `theme must be one of ${embedThemes.join(", ")}; got "${theme.slice(0, 40)}"`);
  return theme as EmbedTheme;
}

export interface EmbedDeps {
  store: SnapshotStore;
  snap: (c: Context<AtlasEnv>) => Promise<Snapshot>;
  resolve: ResolveFragment;
  reply: Reply;
}

/** The embed pages: /embed/{kind}/{id}, their stylesheet and /oembed (mounted with `app.route`). */
export function embedApp({ store, snap, resolve, reply }: EmbedDeps): Hono<AtlasEnv> {
  const app = new Hono<AtlasEnv>();
  app.get(CSS_PATH, async (c) => {
    const s = await snap(c);
    const cached = await store.compose(s, `${s.keys.manifest}:embed-css`, "text/css; charset=utf-8", async () => EMBED_CSS);
    return reply(c.req.raw, s, cached);
  });

  app.get(paths.embedPage, async (c) => {
    try {
      return await embedPageResponse(c);
    } catch (err) {
      if (!(err instanceof ApiError) || !wantsHtml(c)) throw err;
      // An iframe shows a readable page, not JSON; the status and code stay those of the API. Any other client
      // gets the problem+json every other error is.
      const { status, title } = problems[err.code];
      const body =
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><link rel="stylesheet" href="${CSS_PATH}"></head>` +
        `<body><p role="alert" data-code="${esc(err.code)}">${esc(err.detail)}</p></body></html>`;
      return c.body(body, status, { "Content-Type": HTML_TYPE, "Cache-Control": "no-store", "Content-Security-Policy": EMBED_CSP, ...CORS, ...err.headers });
    }
  });

  const embedPageResponse = async (c: Context<AtlasEnv>) => {
    const kind = c.req.param("kind")!;
    if (!EMBED_KINDS.has(kind)) throw new ApiError("not-found", `No embed kind "${kind.slice(0, 40)}"; use ${kindList}.`);
    const url = new URL(c.req.url);
    const theme = themeOf(c.req.query("theme"));
    const s = await snap(c);
    const src = await resolve(c, s, kind as FragmentKind, c.req.param("id")!, url.searchParams);
    const page = await store.compose(
      s,
      `${src.key}:page:${theme}:${url.origin}`,
      HTML_TYPE,
      async () => {
        const f = await fragmentOf(store, url.origin, src);
        const canonical = url.origin + urls.embed(kind as FragmentKind, c.req.param("id")!, queryOf(url.searchParams));
        const oembed = `${url.origin}${paths.oembed}?url=${encodeURIComponent(canonical)}&format=json`;
        const social = { url: canonical, description: f.summary, image: url.origin + cardOfFragment(kind as FragmentKind, c.req.param("id")!) };
        return embedPage({ title: f.title, fragment: f.html, theme, oembed, css: CSS_PATH, social });
      },
      { "Content-Security-Policy": EMBED_CSP },
    );
    return reply(c.req.raw, s, page);
  };

  // oEmbed 1.0 (https://oembed.com): a blog platform sends the page URL and gets an iframe to paste.
  app.get(paths.oembed, async (c) => {
    // Only JSON (core/urls.ts's formats.oembed); oEmbed's XML is not offered.
    const format = c.req.query("format") ?? formats.oembed[0];
    if (!(formats.oembed as readonly string[]).includes(format))
      throw new ApiError("bad-parameter", `format must be ${formats.oembed.join(" or ")}; got "${format.slice(0, 40)}"`);
    const raw = c.req.query("url");
    if (!raw) throw new ApiError("bad-parameter", `Give the URL of an embed page as ?url=, e.g. ${urls.embed("chart", "occupations-by-median-wage")}.`);
    let target: URL;
    try {
      target = new URL(raw, c.req.url);
    } catch {
      throw new ApiError("bad-parameter", "url is not a valid URL.");
    }
    const here = new URL(c.req.url);
    const m = /^\/embed\/([a-z]+)\/([a-z0-9-]+)$/.exec(target.pathname);
    if (target.origin !== here.origin || !m || !EMBED_KINDS.has(m[1]!))
      throw new ApiError("not-found", `Only ${here.origin}/embed/{${embedKinds.join("|")}}/{id} pages can be embedded.`);
    const kind = m[1] as FragmentKind;
    const s = await snap(c);
    const src = await resolve(c, s, kind, m[2]!, target.searchParams);
    const f = await fragmentOf(store, here.origin, src);
    const width = clamp(c.req.query("maxwidth"), 640);
    const height = clamp(c.req.query("maxheight"), embedHeights[kind]);
    const pageUrl = here.origin + urls.embed(kind, m[2]!, queryOf(target.searchParams));
    const iframe = `<iframe src="${esc(pageUrl)}" title="${esc(f.title)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
    const body = JSON.stringify({
      version: "1.0",
      type: "rich",
      title: f.title,
      provider_name: "ML Employer Atlas",
      provider_url: `${here.origin}/`,
      cache_age: 300,
      html: iframe,
      width,
      height,
      thumbnail_url: here.origin + cardOfFragment(kind, m[2]!),
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    const cached = await store.compose(s, `${s.keys.manifest}:oembed:${pageUrl}:${width}:${height}`, "application/json; charset=utf-8", async () => body);
    return reply(c.req.raw, s, cached);
  });
  return app;
}

/** The query parameters an embed page understands. */
const queryOf = (q: URLSearchParams) => ({
  a: q.get("a") ?? undefined,
  b: q.get("b") ?? undefined,
  entity: q.get("entity") ?? undefined,
  theme: q.get("theme") ?? undefined,
});

/** A positive integer no larger than `fallback`, else the fallback (oEmbed's maxwidth/maxheight are upper bounds). */
function clamp(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? Math.min(n, fallback) : fallback;
}
