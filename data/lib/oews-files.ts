// Reads OEWS files that carry `#` provenance lines above the header, and turns a row into provenance-carrying figures.
import { PRSE_CAUTION_THRESHOLD, type Figure, type Source } from "../../core/index";
import { BuildError } from "./csv";
import { importOews, numberOf, type OewsNumericColumn, type OewsRow } from "./oews";
import { gapReason } from "./oews-value";
import type { TopCode } from "./sources";

/** `#` lines are blanked, not removed, so every row keeps its real line number in error messages. */
export function importOewsWithPreamble(text: string, file: string): OewsRow[] {
  const lines = text.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith("#")) lines[i++] = "";
  return importOews(lines.join("\n"), file);
}

export const fig = (value: number, unit: Figure["unit"], src: Source, extra: Partial<Figure> = {}): Figure => ({
  value,
  unit,
  source: src.id,
  period: src.period,
  trust: src.trust,
  ...extra,
});

export type Plan = [metric: string, column: OewsNumericColumn, unit: Figure["unit"]][];

export const DS_PLAN: Plan = [
  ["employment", "TOT_EMP", "jobs"],
  ["median-annual-wage", "A_MEDIAN", "usd-per-year"],
  ["mean-annual-wage", "A_MEAN", "usd-per-year"],
  ["p10-annual-wage", "A_PCT10", "usd-per-year"],
  ["p25-annual-wage", "A_PCT25", "usd-per-year"],
  ["p75-annual-wage", "A_PCT75", "usd-per-year"],
  ["p90-annual-wage", "A_PCT90", "usd-per-year"],
  ["median-hourly-wage", "H_MEDIAN", "usd-per-hour"],
  ["location-quotient", "LOC_QUOTIENT", "ratio"],
  ["jobs-per-1000", "JOBS_1000", "per-1000-jobs"],
];
/** National and industry rows: no location quotient or jobs per 1,000 (BLS gives those for areas only). */
export const WAGE_PLAN: Plan = DS_PLAN.filter(([m]) => m !== "location-quotient" && m !== "jobs-per-1000");
export const CIRS_PLAN: Plan = [
  ["cirs-employment", "TOT_EMP", "jobs"],
  ["cirs-median-annual-wage", "A_MEDIAN", "usd-per-year"],
];

/** Where the figures of a row come from: the source, the file (for errors) and the release's top code. */
export interface RowSource {
  src: Source;
  file: string;
  topCode?: TopCode;
  /** Says which occupation the figures are of, where the entity is a place or an industry. */
  note?: string;
}

/** The relative standard error BLS publishes beside a column's estimate, if any. */
const PRSE_OF: Partial<Record<OewsNumericColumn, OewsNumericColumn>> = { TOT_EMP: "EMP_PRSE", A_MEAN: "MEAN_PRSE", H_MEAN: "MEAN_PRSE" };

/** The PRSE of a figure and, when it is at or above the threshold, the reliability mark. */
export function reliabilityOf(prse: number | undefined): Partial<Figure> {
  if (prse === undefined) return {};
  return prse >= PRSE_CAUTION_THRESHOLD ? { prse, reliability: "use-with-caution" } : { prse };
}

/**
 * Adds the row's published figures to `figures`, and to `gaps` the reason, in BLS's words, for each figure it
 * does not publish. A `#` wage is a bound (at or above the release's top code), never a gap and never a number
 * it is not.
 */
export function addRowFigures(
  target: { figures: Record<string, Figure>; gaps: Record<string, string> },
  row: OewsRow,
  plan: Plan,
  from: RowSource,
): void {
  const extra = from.note ? { note: from.note } : {};
  for (const [metric, column, unit] of plan) {
    const cell = row[column];
    const prseColumn = PRSE_OF[column];
    const prse = prseColumn ? numberOf(row[prseColumn]) : undefined;
    if (cell.kind === "number") {
      target.figures[metric] = fig(cell.value, unit, from.src, { ...extra, ...reliabilityOf(prse) });
      delete target.gaps[metric];
    } else if (cell.kind === "special" && cell.code === "#") {
      if (!from.topCode) throw new BuildError(from.file, row.line, column, "# (a wage at or above the top code) but sources.json gives this source no topCode");
      const value = column.startsWith("H_") ? from.topCode.hourly : from.topCode.annual;
      target.figures[metric] = fig(value, unit, from.src, { ...extra, bound: "at-least", note: `${from.note ? `${from.note}; ` : ""}top-coded: BLS publishes only that this wage is at or above ${unit === "usd-per-hour" ? `$${value.toFixed(2)} per hour` : `$${value.toLocaleString("en-US")} per year`}` });
      delete target.gaps[metric];
    } else if (!target.figures[metric]) target.gaps[metric] = gapReason(cell);
  }
}

export const DS = "Data scientists (SOC 15-2051)";
export const CIRS = "Computer and information research scientists (SOC 15-1221)";
