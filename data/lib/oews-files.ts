// Turns an OEWS row into provenance-carrying figures: plans of metric → column, bounds, PRSE and stated gaps.
import { metrics, PRSE_CAUTION_THRESHOLD, type Figure, type Metric, type Source } from "../../core/index";
import { BuildError } from "./build-error";
import { numberOf, type OewsNumericColumn, type OewsRow } from "./oews";
import { gapReason } from "./oews-value";
import type { TopCode } from "./sources";

export const fig = (value: number, unit: Figure["unit"], src: Source, extra: Partial<Figure> = {}): Figure => ({
  value,
  unit,
  source: src.id,
  period: src.period,
  trust: src.trust,
  ...extra,
});

/** Which OEWS column each metric is read from; the unit is the metric's own (core/metrics.ts owns units). */
export type Plan = [metric: Metric, column: OewsNumericColumn][];

export const DS_PLAN: Plan = [
  ["employment", "TOT_EMP"],
  ["median-annual-wage", "A_MEDIAN"],
  ["mean-annual-wage", "A_MEAN"],
  ["p10-annual-wage", "A_PCT10"],
  ["p25-annual-wage", "A_PCT25"],
  ["p75-annual-wage", "A_PCT75"],
  ["p90-annual-wage", "A_PCT90"],
  ["median-hourly-wage", "H_MEDIAN"],
  ["location-quotient", "LOC_QUOTIENT"],
  ["jobs-per-1000", "JOBS_1000"],
];
/** National and industry rows: no location quotient or jobs per 1,000 (BLS gives those for areas only). */
export const WAGE_PLAN: Plan = DS_PLAN.filter(([m]) => m !== "location-quotient" && m !== "jobs-per-1000");
export const CIRS_PLAN: Plan = [
  ["cirs-employment", "TOT_EMP"],
  ["cirs-median-annual-wage", "A_MEDIAN"],
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
export function addRowFigures(target: { figures: Record<string, Figure>; gaps: Record<string, string> }, row: OewsRow, plan: Plan, from: RowSource): void {
  const extra = from.note ? { note: from.note } : {};
  for (const [metric, column] of plan) {
    const unit = metrics[metric].unit;
    const cell = row[column];
    const prseColumn = PRSE_OF[column];
    const prse = prseColumn ? numberOf(row[prseColumn]) : undefined;
    if (cell.kind === "number") {
      target.figures[metric] = fig(cell.value, unit, from.src, { ...extra, ...reliabilityOf(prse) });
      delete target.gaps[metric];
    } else if (cell.kind === "special" && cell.code === "#") {
      if (!from.topCode) throw new BuildError(from.file, row.line, column, "# (a wage at or above the top code) but sources.json gives this source no topCode");
      const value = column.startsWith("H_") ? from.topCode.hourly : from.topCode.annual;
      target.figures[metric] = fig(value, unit, from.src, {
        ...extra,
        bound: "at-least",
        note: `${from.note ? `${from.note}; ` : ""}top-coded: BLS publishes only that this wage is at or above ${unit === "usd-per-hour" ? `$${value.toFixed(2)} per hour` : `$${value.toLocaleString("en-US")} per year`}`,
      });
      delete target.gaps[metric];
    } else if (!target.figures[metric]) target.gaps[metric] = gapReason(cell);
  }
}

export const DS = "Data scientists (SOC 15-2051)";
export const CIRS = "Computer and information research scientists (SOC 15-1221)";
