// Payloads the widgets read, written with zod/mini so the widget bundle stays small; the build validates with them too.
import * as z from "zod/mini";
import { bounds, reliabilityMarks, trustLabels, units } from "./vocab";

const EmbedSource = z.object({
  id: z.string(),
  organisation: z.string(),
  title: z.string(),
  url: z.nullable(z.string()),
  period: z.string(),
  trust: z.enum(trustLabels),
});
export type EmbedSource = z.infer<typeof EmbedSource>;

const EmbedSnapshot = z.object({ id: z.string(), builtAt: z.string() });

/** "Cite this" as the body carries it (see core/cite.ts): the pinned path is relative to the API's origin. */
const EmbedCitation = z.object({ text: z.string(), bibtex: z.string(), url: z.string() });
export type EmbedCitation = z.infer<typeof EmbedCitation>;

/** How a figure is to be read: a bound (top code) and its reliability, where the source publishes them. */
const FigureMarks = {
  bound: z.optional(z.enum(bounds)),
  prse: z.optional(z.number()),
  reliability: z.optional(z.enum(reliabilityMarks)),
};
const EmbedGap = z.object({ id: z.string(), name: z.string(), reason: z.string() });
export type EmbedGap = z.infer<typeof EmbedGap>;

/** `?format=embed` of a chart: what a widget needs for first paint without the chart runtime. */
export const ChartEmbed = z.object({
  snapshot: EmbedSnapshot,
  chart: z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    ranking: z.string(),
    unit: z.enum(units),
    valueLabel: z.string(),
    sources: z.array(EmbedSource),
    /** Entities left out for want of a published figure, with the reason. */
    gaps: z.optional(z.array(EmbedGap)),
  }),
  /** The rows the chart shows, for the accessible data table. */
  rows: z.array(z.object({ rank: z.number(), id: z.string(), name: z.string(), value: z.number(), ...FigureMarks })),
  /** Pre-rendered at build time from the same spec; static, no scripts. */
  svg: z.string(),
  links: z.object({ vega: z.string(), csv: z.string(), json: z.string() }),
  citation: z.optional(EmbedCitation),
});
export type ChartEmbed = z.infer<typeof ChartEmbed>;

const PayloadFigure = z.object({
  value: z.number(),
  unit: z.enum(units),
  source: z.string(),
  period: z.string(),
  trust: z.enum(trustLabels),
  derivedFrom: z.optional(z.string()),
  derivedSources: z.optional(z.array(z.string())),
  qualifier: z.optional(z.string()),
  note: z.optional(z.string()),
  ...FigureMarks,
});

/** `/api/v1/rankings/{id}` as a widget reads it (unknown fields are ignored). */
export const RankingPayload = z.object({
  snapshot: EmbedSnapshot,
  ranking: z.object({
    id: z.string(),
    title: z.string(),
    unit: z.enum(units),
    summary: z.string(),
    sources: z.array(EmbedSource),
    items: z.array(z.object({ rank: z.number(), id: z.string(), name: z.string(), figure: PayloadFigure })),
    gaps: z.optional(z.array(EmbedGap)),
    links: z.object({ self: z.string(), csv: z.string() }),
  }),
  citation: z.optional(EmbedCitation),
});
export type RankingPayload = z.infer<typeof RankingPayload>;

const PayloadRecord = z.object({ id: z.string(), name: z.string(), figures: z.record(z.string(), PayloadFigure) });

/** `/api/v1/compare/{kind}?a=&b=` as a widget reads it. */
export const ComparisonPayload = z.object({
  snapshot: EmbedSnapshot,
  comparison: z.object({
    kind: z.string(),
    a: PayloadRecord,
    b: PayloadRecord,
    differences: z.array(
      z.object({
        metric: z.string(),
        period: z.optional(z.string()),
        unit: z.enum(units),
        a: z.number(),
        b: z.number(),
        difference: z.nullable(z.number()),
        ratio: z.nullable(z.number()),
      }),
    ),
    gaps: z.optional(z.array(z.object({ metric: z.string(), missing: z.string(), name: z.string(), reason: z.string() }))),
    sources: z.array(EmbedSource),
  }),
  citation: z.optional(EmbedCitation),
});
export type ComparisonPayload = z.infer<typeof ComparisonPayload>;

const PayloadLabelledFigure = z.extend(PayloadFigure, { id: z.string(), label: z.string() });

/** `/api/v1/facts/{id}` as a widget reads it. */
export const FactPayload = z.object({
  snapshot: EmbedSnapshot,
  fact: z.object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    figure: PayloadLabelledFigure,
    beside: z.array(PayloadLabelledFigure),
    claims: z.array(z.object({ text: z.string(), trust: z.literal("article") })),
    links: z.object({ self: z.string() }),
    sources: z.array(EmbedSource),
  }),
  citation: z.optional(EmbedCitation),
});
export type FactPayload = z.infer<typeof FactPayload>;

/** `/api/v1/profiles/{kind}/{id}`: one entity's figures with rank and national figure, as the profile element reads it. */
export const ProfilePayload = z.object({
  snapshot: EmbedSnapshot,
  profile: z.object({
    kind: z.string(),
    id: z.string(),
    name: z.string(),
    /** What the entity is, e.g. "Metro area". */
    noun: z.string(),
    rows: z.array(
      z.object({
        metric: z.string(),
        label: z.string(),
        /** Ranked among its kind: the compact card shows these (see `headlineRows`); every row is on the profile page. */
        headline: z.boolean(),
        figure: PayloadFigure,
        /** Where the entity stands in the ranking of this metric, in words ("24th highest of 263 metro areas"). */
        rank: z.optional(z.object({ phrase: z.string(), ranking: z.string(), title: z.string() })),
        /** The national cross-industry figure of the same occupation, measure and period. */
        national: z.optional(PayloadFigure),
      }),
    ),
    /** Figures the sources publish none for: `id` is the metric, `name` its label. */
    gaps: z.array(EmbedGap),
    sources: z.array(EmbedSource),
    links: z.object({ self: z.string(), page: z.string() }),
  }),
});
export type ProfilePayload = z.infer<typeof ProfilePayload>;
