// The one URL space, as core/keys.ts is the one KV layout: the API's prefix, every resource's path pattern and the
// formats it answers, the embed page kinds and themes, and the builders every link is written with. The worker
// registers its routes from `paths`, the OpenAPI document and the data build's links derive from it, and widgets
// fetch through its builders. It imports nothing, so the widget loader can take it whole (a few hundred bytes).

/** Where the API lives; its version is part of every API URL. */
export const API_PREFIX = "/api/v1";

// The collections (module constants, so a bundle that only builds URLs leaves `paths` out).
const RANKINGS = `${API_PREFIX}/rankings`;
const CHARTS = `${API_PREFIX}/charts`;
const EMBEDS = `${API_PREFIX}/embeds`;
const COMPARE = `${API_PREFIX}/compare`;
const SOURCES = `${API_PREFIX}/sources`;
const ENTITIES = `${API_PREFIX}/entities`;
const SECTIONS = `${API_PREFIX}/sections`;
const FACTS = `${API_PREFIX}/facts`;
const SNAPSHOTS = `${API_PREFIX}/snapshots`;
const PROFILES = `${API_PREFIX}/profiles`;
// The reader pages.
const REPORT = "/report";
const PROFILE_PAGES = "/profile";
const CARDS = "/cards";

/** Every route's path pattern, in Hono's `:param` style (see `templated` for OpenAPI's `{param}`). */
export const paths = /* @__PURE__ */ (() =>
  ({
    index: API_PREFIX,
    rankings: RANKINGS,
    ranking: `${RANKINGS}/:id`,
    charts: CHARTS,
    chart: `${CHARTS}/:id`,
    embeds: EMBEDS,
    comparisons: COMPARE,
    compare: `${COMPARE}/:kind`,
    sources: SOURCES,
    entityKinds: ENTITIES,
    entities: `${ENTITIES}/:kind`,
    entity: `${ENTITIES}/:kind/:id`,
    sections: SECTIONS,
    section: `${SECTIONS}/:id`,
    facts: FACTS,
    fact: `${FACTS}/:id`,
    snapshots: SNAPSHOTS,
    snapshot: `${SNAPSHOTS}/:id`,
    profile: `${PROFILES}/:kind/:id`,
    embedPage: "/embed/:kind/:id",
    embedCss: "/embed/atlas.css",
    oembed: "/oembed",
    openapi: "/openapi.json",
    widgets: "/widgets.js",
    front: "/",
    report: REPORT,
    reportSection: `${REPORT}/:section`,
    profiles: PROFILE_PAGES,
    profileKind: `${PROFILE_PAGES}/:kind`,
    profilePage: `${PROFILE_PAGES}/:kind/:id`,
    card: `${CARDS}/:kind/:file`,
    robots: "/robots.txt",
    sitemap: "/sitemap.xml",
  }) as const)();
export type PathName = keyof typeof paths;

/** A path pattern as OpenAPI (and the API index's link templates) write it: `/api/v1/rankings/{id}`. */
export const templated = (path: string): string => path.replace(/:([a-z]+)/g, "{$1}");

/** The values `?format=` takes on each resource that has more than one representation; the first is the default. */
export const formats = {
  ranking: ["json", "csv", "html"],
  chart: ["vega-lite", "vega", "svg", "embed", "html", "png"],
  compare: ["json", "html"],
  fact: ["json", "html"],
  profile: ["json", "html"],
  oembed: ["json"],
} as const;
export type FormatOf<R extends keyof typeof formats> = (typeof formats)[R][number];

/** What a script-free page under /embed/ (and a `?format=html` fragment) can show. */
export const embedKinds = ["chart", "ranking", "fact", "compare", "profile"] as const;
export type EmbedKind = (typeof embedKinds)[number];
/** The fragment kinds are the embed kinds. */
export type FragmentKind = EmbedKind;

/** `?theme=` of an embed page and the widgets; `auto` follows the reader's colour scheme. */
export const embedThemes = ["light", "dark", "auto"] as const;
export type EmbedTheme = (typeof embedThemes)[number];

const enc = encodeURIComponent;

/** `path` with the defined parameters as its query, in the order given. */
function withQuery(path: string, query: Record<string, string | undefined>): string {
  let q = "";
  for (const k in query) if (query[k] !== undefined) q += `${q ? "&" : "?"}${k}=${enc(query[k]!)}`;
  return path + q;
}

/** `?snapshot=` pins any URL to a published snapshot. */
type Pin = { snapshot?: string };

// Builders of every URL the atlas links to or fetches: the path (ids encoded) and its query. Each is its own export,
// so a bundle keeps only the ones it calls; core/index.ts exports them together as `urls` (`urls.ranking(id)`).

export const index = (o: Pin = {}) => withQuery(API_PREFIX, { snapshot: o.snapshot });
export const rankings = () => RANKINGS;
export const ranking = (id: string, o: Pin & { format?: FormatOf<"ranking"> } = {}) =>
  withQuery(`${RANKINGS}/${enc(id)}`, { format: o.format, snapshot: o.snapshot });
export const charts = () => CHARTS;
export const chart = (id: string, o: Pin & { format?: FormatOf<"chart"> } = {}) =>
  withQuery(`${CHARTS}/${enc(id)}`, { format: o.format, snapshot: o.snapshot });
/** Several charts' widget payloads in one request (ids joined by commas, each encoded). */
export const embeds = (ids: readonly string[], o: Pin = {}) => `${EMBEDS}?charts=${ids.map(enc).join(",")}${o.snapshot ? `&snapshot=${enc(o.snapshot)}` : ""}`;
export const comparisons = () => COMPARE;
/** A comparable kind's page, or the comparison of `a` and `b`. */
export const compare = (kind: string, o: Pin & { a?: string; b?: string; format?: FormatOf<"compare"> } = {}) =>
  withQuery(`${COMPARE}/${enc(kind)}`, { a: o.a, b: o.b, format: o.format, snapshot: o.snapshot });
export const sources = () => SOURCES;
export const entityKinds = () => ENTITIES;
export const entities = (kind: string) => `${ENTITIES}/${enc(kind)}`;
export const entity = (kind: string, id: string) => `${ENTITIES}/${enc(kind)}/${enc(id)}`;
export const sections = () => SECTIONS;
export const section = (id: string) => `${SECTIONS}/${enc(id)}`;
export const facts = () => FACTS;
export const fact = (id: string, o: Pin & { format?: FormatOf<"fact"> } = {}) => withQuery(`${FACTS}/${enc(id)}`, { format: o.format, snapshot: o.snapshot });
export const snapshots = () => SNAPSHOTS;
export const snapshot = (id: string) => `${SNAPSHOTS}/${enc(id)}`;
export const profile = (kind: string, id: string, o: Pin & { format?: FormatOf<"profile"> } = {}) =>
  withQuery(`${PROFILES}/${enc(kind)}/${enc(id)}`, { format: o.format, snapshot: o.snapshot });
/** The script-free page of a widget, e.g. /embed/compare/metros?a=…&b=…, /embed/profile/metros?entity=…. */
export function embed(kind: EmbedKind, id: string, query: { a?: string; b?: string; entity?: string; theme?: string } = {}): string {
  const q = new URLSearchParams();
  for (const k of ["a", "b", "entity", "theme"] as const) if (query[k]) q.set(k, query[k]!);
  const qs = q.toString();
  return `/embed/${kind}/${enc(id)}${qs ? `?${qs}` : ""}`;
}

// The reader pages: the report and its sections, the profile finder, a kind's list and one profile, the social cards.

/** The report, one of its sections, or an anchor in the report's index ("#how-to-read"). */
export const report = (section?: string, hash?: string) => `${section ? `${REPORT}/${enc(section)}` : REPORT}${hash ? `#${hash}` : ""}`;
/** The profile finder, a kind's list of profiles, or one profile page. */
export const profilePage = (kind?: string, id?: string) =>
  kind === undefined ? PROFILE_PAGES : id === undefined ? `${PROFILE_PAGES}/${enc(kind)}` : `${PROFILE_PAGES}/${enc(kind)}/${enc(id)}`;
/** A social card PNG rendered at build time (a chart's is its `?format=png`, see core/cards.ts). */
export const card = (kind: string, id: string) => `${CARDS}/${enc(kind)}/${enc(id)}.png`;
