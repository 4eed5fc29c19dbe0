// Payloads the widgets read, written with zod/mini so the widget bundle stays small; the build validates with them too.
import * as z from "zod/mini";
import { trustLabels, units } from "./vocab";

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
  }),
  /** The rows the chart shows, for the accessible data table. */
  rows: z.array(z.object({ rank: z.number(), id: z.string(), name: z.string(), value: z.number() })),
  /** Pre-rendered at build time from the same spec; static, no scripts. */
  svg: z.string(),
  links: z.object({ vega: z.string(), csv: z.string(), json: z.string() }),
});
export type ChartEmbed = z.infer<typeof ChartEmbed>;
