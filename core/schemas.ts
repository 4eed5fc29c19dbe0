// Zod schemas for everything the data build publishes and the worker and widgets read.
import { z } from "zod";
import { trustLabels, units } from "./vocab";

export { trustLabels, units };

export const SCHEMA_VERSION = 1;

export const TrustLabel = z.enum(trustLabels);
export type TrustLabel = z.infer<typeof TrustLabel>;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug");
export const Slug = slug;

export const Source = z.object({
  id: slug,
  organisation: z.string().min(1),
  title: z.string().min(1),
  /** Null only where the source has no public address (the article was supplied as text). http(s) only: it
   *  becomes a link in fragments and elements, where a javascript: URL would run on click. */
  url: z.url({ protocol: /^https?$/, error: "must be an http or https URL" }).nullable(),
  period: z.string().min(1),
  trust: TrustLabel,
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const Unit = z.enum(units);
export type Unit = z.infer<typeof Unit>;

/** One published number with its provenance. `derivedFrom` says how a derived figure was made. */
export const Figure = z.object({
  value: z.number().finite(),
  unit: Unit,
  source: slug,
  period: z.string().min(1),
  trust: TrustLabel,
  derivedFrom: z.string().optional(),
  note: z.string().optional(),
});
export type Figure = z.infer<typeof Figure>;

/** A claim of the article with no published figure behind it: shown as text, labelled `article`. */
export const Claim = z.object({
  text: z.string().min(1),
  source: slug,
  trust: z.literal("article"),
});
export type Claim = z.infer<typeof Claim>;

export const entityKinds = [
  "occupations",
  "metros",
  "states",
  "industries",
  "employer-types",
  "employer-sizes",
  "roles",
  /** Official NAICS sectors (2-digit) with OEWS figures. */
  "naics-sectors",
  /** Official NAICS 3- and 4-digit industries with OEWS figures. */
  "naics-industries",
  /** Federal, state and local government (OEWS ownership estimates). */
  "government-levels",
] as const;
export const EntityKind = z.enum(entityKinds);
export type EntityKind = z.infer<typeof EntityKind>;

export const Entity = z.object({
  kind: EntityKind,
  id: slug,
  name: z.string().min(1),
  /** Official code where one exists (SOC for occupations, NAICS for industries). */
  code: z.string().optional(),
  description: z.string().optional(),
  figures: z.record(z.string(), Figure),
  claims: z.array(Claim).default([]),
});
export type Entity = z.infer<typeof Entity>;

export const RankingItem = z.object({
  rank: z.number().int().positive(),
  id: slug,
  name: z.string().min(1),
  figure: Figure,
});
export type RankingItem = z.infer<typeof RankingItem>;

export const SnapshotMeta = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/),
  builtAt: z.iso.datetime(),
  schemaVersion: z.literal(SCHEMA_VERSION),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

export const Ranking = z.object({
  id: slug,
  title: z.string().min(1),
  kind: EntityKind,
  metric: z.string().min(1),
  unit: Unit,
  order: z.enum(["desc", "asc"]),
  summary: z.string().min(1),
  sources: z.array(Source).min(1),
  items: z.array(RankingItem).min(1),
  links: z.object({ self: z.string(), chart: z.string(), csv: z.string() }),
});
export type Ranking = z.infer<typeof Ranking>;

/** What the data build stores per entity so two records can be joined into a comparison. */
export const CompareRecord = z.object({
  kind: EntityKind,
  id: slug,
  name: z.string().min(1),
  figures: z.record(z.string(), Figure),
});
export type CompareRecord = z.infer<typeof CompareRecord>;

export const Difference = z.object({
  metric: z.string(),
  unit: Unit,
  a: z.number(),
  b: z.number(),
  difference: z.number(),
  ratio: z.number().nullable(),
  derivedFrom: z.string(),
});
export type Difference = z.infer<typeof Difference>;

export const Comparison = z.object({
  kind: EntityKind,
  a: CompareRecord,
  b: CompareRecord,
  differences: z.array(Difference),
  sources: z.array(Source),
});
export type Comparison = z.infer<typeof Comparison>;

export const ChartMeta = z.object({
  id: slug,
  title: z.string(),
  ranking: slug,
  summary: z.string(),
  sources: z.array(Source).min(1),
  snapshot: SnapshotMeta,
});
export type ChartMeta = z.infer<typeof ChartMeta>;

/** A Vega-Lite (or compiled Vega) spec: opaque JSON here, validated against Vega-Lite's own schema in tests. */
export const ChartSpec = z.looseObject({
  $schema: z.string(),
  usermeta: ChartMeta,
});
export type ChartSpec = z.infer<typeof ChartSpec>;

/** Every API JSON body carries the snapshot it came from. */
export const withSnapshot = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ snapshot: SnapshotMeta, ...shape });

export const RankingResponse = withSnapshot({ ranking: Ranking });
export type RankingResponse = z.infer<typeof RankingResponse>;
export const ComparisonResponse = withSnapshot({ comparison: Comparison });
export type ComparisonResponse = z.infer<typeof ComparisonResponse>;
