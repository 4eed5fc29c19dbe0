// Zod schemas for everything the data build publishes and the worker and widgets read.
import { z } from "zod";
import { bounds, reliabilityMarks, trustLabels, units } from "./vocab";

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
  /** How the atlas computed or mapped this figure; set on every figure the project made rather than read. */
  derivedFrom: z.string().optional(),
  /** Every source the derived figure was computed from (set exactly when `derivedFrom` is). */
  derivedSources: z.array(slug).min(1).optional(),
  /** A hedge the source puts before the number ("nearly ", "~"), kept next to it wherever it is shown. */
  qualifier: z.string().min(1).optional(),
  note: z.string().optional(),
  /** "at-least": the source publishes only that the estimate is at or above `value` (a top code). */
  bound: z.enum(bounds).optional(),
  /** Percent relative standard error the source publishes for this estimate (OEWS EMP_PRSE, MEAN_PRSE). */
  prse: z.number().nonnegative().optional(),
  /** Set when `prse` is at or above PRSE_CAUTION_THRESHOLD. */
  reliability: z.enum(reliabilityMarks).optional(),
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
  /** Metric → why its source publishes no figure for this entity, in the source's words. */
  gaps: z.record(z.string(), z.string().min(1)).default({}),
  claims: z.array(Claim).default([]),
  /** Figures of every release of a series (national OEWS, oldest first), each point with its own period and source. */
  series: z
    .object({
      points: z.record(z.string(), z.array(Figure)),
      /** Where the series starts or breaks, and why (a classification change is stated, never bridged). */
      gaps: z.array(z.string().min(1)),
    })
    .optional(),
});
export type Entity = z.infer<typeof Entity>;

/** The one way to key an entity across kinds: "occupations/data-scientists". */
export const entityKey = (e: { kind: string; id: string }) => `${e.kind}/${e.id}`;

export const RankingItem = z.object({
  rank: z.number().int().positive(),
  id: slug,
  name: z.string().min(1),
  figure: Figure,
});
export type RankingItem = z.infer<typeof RankingItem>;

/** An entity left out of a ranking, chart or comparison because its source publishes no figure, and why. */
export const Gap = z.object({ id: slug, name: z.string().min(1), reason: z.string().min(1) });
export type Gap = z.infer<typeof Gap>;

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
  /** Entities of the kind with no figure for the metric: stated, never silently dropped. */
  gaps: z.array(Gap),
  links: z.object({ self: z.string(), chart: z.string(), csv: z.string() }),
});
export type Ranking = z.infer<typeof Ranking>;

/** What the data build stores per entity so two records can be joined into a comparison. */
export const CompareRecord = z.object({
  kind: EntityKind,
  id: slug,
  name: z.string().min(1),
  figures: z.record(z.string(), Figure),
  gaps: z.record(z.string(), z.string().min(1)).default({}),
});
export type CompareRecord = z.infer<typeof CompareRecord>;

export const Difference = z.object({
  metric: z.string(),
  /** The period of both figures, or "A / B" when the two differ (said, never silently mixed). */
  period: z.string(),
  unit: Unit,
  a: z.number(),
  b: z.number(),
  /** Null when either figure is a top code: only a bound is known, so no exact difference or ratio is given. */
  difference: z.number().nullable(),
  ratio: z.number().nullable(),
  derivedFrom: z.string(),
});
export type Difference = z.infer<typeof Difference>;

export const ComparisonGap = z.object({ metric: z.string(), missing: slug, name: z.string(), reason: z.string().min(1) });
export type ComparisonGap = z.infer<typeof ComparisonGap>;

export const Comparison = z.object({
  kind: EntityKind,
  a: CompareRecord,
  b: CompareRecord,
  differences: z.array(Difference),
  /** Figures one of the two has and the other lacks, and why the other's is missing. */
  gaps: z.array(ComparisonGap),
  sources: z.array(Source),
});
export type Comparison = z.infer<typeof Comparison>;

/** "Cite this" (core/cite.ts): plain text and BibTeX naming the title, the atlas, the sources, the figures' periods,
 *  the snapshot and the pinned URL (`url`, relative to the API's origin like every link; the reader adds the date). */
export const Citation = z.object({
  text: z.string().min(1),
  bibtex: z.string().startsWith("@misc{"),
  url: z
    .string()
    .startsWith("/")
    .regex(/[?&]snapshot=[0-9a-f]{12}$/, "must be pinned to a snapshot"),
});
export type Citation = z.infer<typeof Citation>;

export const ChartMeta = z.object({
  id: slug,
  title: z.string(),
  ranking: slug,
  summary: z.string(),
  sources: z.array(Source).min(1),
  snapshot: SnapshotMeta,
  citation: Citation,
});
export type ChartMeta = z.infer<typeof ChartMeta>;

/** A Vega-Lite (or compiled Vega) spec: opaque JSON here, validated against Vega-Lite's own schema in tests. */
export const ChartSpec = z.looseObject({
  $schema: z.string(),
  usermeta: ChartMeta,
});
export type ChartSpec = z.infer<typeof ChartSpec>;

/** `meta` of a snapshot: its identity and the reference periods its figures cover. */
export const SnapshotMetaBody = z.object({
  id: z.string(),
  builtAt: z.iso.datetime(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** The national OEWS release the snapshot's current national figures are from ("May 2025"). */
  release: z.string().optional(),
  periods: z.array(z.string()),
});
export type SnapshotMetaBody = z.infer<typeof SnapshotMetaBody>;

/** The published snapshots, oldest first; pruned ids are remembered so a pinned URL of one answers 410, not 404. */
export const SnapshotIndex = z.object({
  snapshots: z.array(z.object({ id: z.string(), builtAt: z.string(), publishedAt: z.string(), release: z.string().optional(), periods: z.array(z.string()) })),
  pruned: z.array(z.string()),
});
export type SnapshotIndex = z.infer<typeof SnapshotIndex>;

/** Every API JSON body carries the snapshot it came from. */
export const withSnapshot = <T extends z.ZodRawShape>(shape: T) => z.object({ snapshot: SnapshotMeta, ...shape });

export const RankingResponse = withSnapshot({ ranking: Ranking, citation: Citation });
export type RankingResponse = z.infer<typeof RankingResponse>;
export const ComparisonResponse = withSnapshot({ comparison: Comparison, citation: Citation });
export type ComparisonResponse = z.infer<typeof ComparisonResponse>;
