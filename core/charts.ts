// Vega-Lite spec builders: a ranking becomes a horizontal bar chart with its data and provenance inlined.
import { chartCitation } from "./cite";
import { periodsOf } from "./format";
import { BOUND_NOTE, CAUTION_NOTE, figureCell } from "./notes";
import type { ChartMeta, Ranking, Unit } from "./schemas";

export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
export const CHART_WIDTH = 560;
/** Charts of long rankings show the top rows; the full list stays in the ranking and its CSV. */
export const CHART_MAX_ROWS = 20;

export const axisFormat: Record<Unit, { format: string; title: string }> = {
  jobs: { format: ",d", title: "Employment (jobs)" },
  "usd-per-year": { format: "$,.0f", title: "US dollars per year" },
  "usd-per-hour": { format: "$,.2f", title: "US dollars per hour" },
  percent: { format: ".1f", title: "Percent" },
  ratio: { format: ".2f", title: "Ratio" },
  "per-1000-jobs": { format: ".2f", title: "Per 1,000 jobs" },
};

export function rankingBarChart(ranking: Ranking, meta: Omit<ChartMeta, "ranking" | "title" | "summary" | "sources" | "citation">) {
  const rows = ranking.items.slice(0, CHART_MAX_ROWS).map((it) => ({
    rank: it.rank,
    id: it.id,
    name: it.name,
    value: it.figure.value,
    ...(it.figure.bound ? { bound: it.figure.bound } : {}),
    ...(it.figure.prse !== undefined ? { prse: it.figure.prse } : {}),
    ...(it.figure.reliability ? { reliability: it.figure.reliability } : {}),
    /** The value as the table writes it: "≥ $239,200" for a top code, "†" after an estimate to use with caution. */
    label: figureCell(it.figure),
  }));
  const marks = [...(rows.some((r) => r.bound) ? [BOUND_NOTE] : []), ...(rows.some((r) => r.reliability) ? [CAUTION_NOTE] : [])];
  const axis = axisFormat[ranking.unit];
  const shown = rows.length < ranking.items.length ? ` (top ${rows.length} of ${ranking.items.length})` : "";
  const title = ranking.title + shown;
  const usermeta: ChartMeta = {
    ...meta,
    ranking: ranking.id,
    title,
    summary: ranking.summary,
    sources: ranking.sources,
    citation: chartCitation(
      { id: meta.id, title, sources: ranking.sources },
      ranking.items.slice(0, rows.length).map((it) => it.figure),
      meta.snapshot.id,
    ),
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: usermeta.title,
      subtitle: [
        `Figures for ${periodsOf(ranking.items.map((it) => it.figure))}`,
        `Source: ${[...new Set(ranking.sources.map((s) => s.organisation))].join("; ")}`,
        ...marks,
      ],
      anchor: "start" as const,
      limit: CHART_WIDTH,
      subtitleFontSize: 10,
    },
    description: ranking.summary,
    width: CHART_WIDTH,
    // The width is the whole chart's, so an embed can fit it to its container by setting one signal.
    autosize: { type: "fit-x" as const, contains: "padding" as const },
    height: { step: 22 },
    data: { values: rows },
    encoding: {
      y: { field: "name", type: "nominal" as const, sort: { field: "rank", order: "ascending" as const }, title: null, axis: { labelLimit: 180 } },
      x: { field: "value", type: "quantitative" as const, title: axis.title, axis: { format: axis.format } },
      tooltip: [
        { field: "rank", type: "ordinal" as const, title: "Rank" },
        { field: "name", type: "nominal" as const, title: "Name" },
        { field: "label", type: "nominal" as const, title: axis.title },
      ],
    },
    layer: [
      // A top-coded bar is drawn lighter: its true length is unknown beyond the bound.
      { mark: { type: "bar" as const, tooltip: true }, encoding: { opacity: { condition: { test: "datum.bound", value: 0.45 }, value: 1 } } },
      { mark: { type: "text" as const, align: "left" as const, dx: 3, fontSize: 10 }, encoding: { text: { field: "label", type: "nominal" as const } } },
    ],
    usermeta,
  };
}

/** The same chart without its title block, for embeds that show title and sources in their own markup. */
export function untitled<T extends { title?: unknown }>(spec: T): Omit<T, "title"> {
  const { title: _title, ...rest } = spec;
  return rest;
}
