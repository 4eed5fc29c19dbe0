// Every resource with an id, written once: the family the snapshot's id index knows its ids by, the KV key of each
// body it serves, its link, and the problem an unknown id answers. The API routes, the `?format=html` fragments and
// the /embed/ pages all look ids up through this table.
import type { Context } from "hono";
import { formats, urls, type EntityKind, type FormatOf, type ProblemCode, type SnapshotKeys } from "../core/index";
import { ApiError } from "./errors";
import type { Family } from "./store";

export const JSON_TYPE = "application/json; charset=utf-8";
export const CSV_TYPE = "text/csv; charset=utf-8";
export const SVG_TYPE = "image/svg+xml; charset=utf-8";

/** One body of a resource: its KV key, its Content-Type, and any header of its own. */
export interface Body {
  key: (keys: SnapshotKeys, id: string) => string;
  type: string;
  headers?: (id: string) => Record<string, string>;
}

export interface Resource<F extends string = string> {
  family: Family;
  /** The bodies by `?format=`. */
  bodies: Record<F, Body>;
  /** The body its script-free fragment is rendered from, if it has one. */
  fragment?: F;
  self: (id: string) => string;
  /** The problem for an id the snapshot does not have (built only then: an Error captures a stack trace). */
  missing: (id: string) => ApiError;
}

const json = (key: Body["key"]): Body => ({ key, type: JSON_TYPE });
const unknown = (code: ProblemCode, noun: string, list: string) => (id: string) => new ApiError(code, `No ${noun} "${id.slice(0, 80)}". See ${list}.`);

export const rankingResource: Resource<"json" | "csv"> = {
  family: "ranking",
  bodies: {
    json: json((k, id) => k.ranking(id)),
    csv: { key: (k, id) => k.rankingCsv(id), type: CSV_TYPE, headers: (id) => ({ "Content-Disposition": `attachment; filename="${id}.csv"` }) },
  },
  fragment: "json",
  self: (id) => urls.ranking(id),
  missing: unknown("unknown-ranking", "ranking", urls.rankings()),
};

export const chartResource: Resource<"vega-lite" | "vega" | "svg" | "embed"> = {
  family: "chart",
  bodies: {
    "vega-lite": json((k, id) => k.chart(id)),
    vega: json((k, id) => k.chartVega(id)),
    svg: { key: (k, id) => k.chartSvg(id), type: SVG_TYPE },
    embed: json((k, id) => k.chartEmbed(id)),
  },
  fragment: "embed",
  self: (id) => urls.chart(id),
  missing: unknown("unknown-chart", "chart", urls.charts()),
};

export const factResource: Resource<"json"> = {
  family: "fact",
  bodies: { json: json((k, id) => k.fact(id)) },
  fragment: "json",
  self: (id) => urls.fact(id),
  missing: unknown("unknown-fact", "fact", urls.facts()),
};

export const sectionResource: Resource<"json"> = {
  family: "section",
  bodies: { json: json((k, id) => k.section(id)) },
  self: (id) => urls.section(id),
  missing: unknown("unknown-section", "section", urls.sections()),
};

/** The entities of a kind (the id is the kind). */
export const kindResource: Resource<"json"> = {
  family: "kind",
  bodies: { json: json((k, kind) => k.entityList(kind as EntityKind)) },
  self: (kind) => urls.entities(kind),
  missing: (kind) => new ApiError("unknown-kind", `No entities of kind "${kind}".`),
};

/** One entity of `kind`. */
export const entityResource = (kind: EntityKind): Resource<"json"> => ({
  family: `entity:${kind}`,
  bodies: { json: json((k, id) => k.entity(kind, id)) },
  self: (id) => urls.entity(kind, id),
  missing: (id) => new ApiError("unknown-entity", `No ${kind} entity "${id.slice(0, 80)}". See ${urls.entities(kind)}.`),
});

/** The fragment kinds whose JSON is one body of one id. */
export const fragmentResources = { chart: chartResource, ranking: rankingResource, fact: factResource } as const;

/** `?format=` of a resource: one of the values core/urls.ts lists for it (the first when absent), else a 400. */
export function formatOf<R extends keyof typeof formats>(c: Context, resource: R): FormatOf<R> {
  const allowed: readonly string[] = formats[resource];
  const f = c.req.query("format") ?? allowed[0]!;
  if (!allowed.includes(f)) throw new ApiError("bad-parameter", `format must be one of ${allowed.join(", ")}; got "${f.slice(0, 40)}"`);
  return f as FormatOf<R>;
}
