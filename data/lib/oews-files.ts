// Reads OEWS files that carry `#` provenance lines above the header, and turns a row into provenance-carrying figures.
import type { Figure, Source } from "../../core/index";
import { importOews, numberOf, type OewsNumericColumn, type OewsRow } from "./oews";

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
export const CIRS_PLAN: Plan = [
  ["cirs-employment", "TOT_EMP", "jobs"],
  ["cirs-median-annual-wage", "A_MEDIAN", "usd-per-year"],
];

/**
 * Adds the row's published numbers to `figures`; special values (`*`, `**`, `#`, `~`) are never turned into
 * numbers: they are returned as "not published" notes.
 */
export function addRowFigures(
  figures: Record<string, Figure>,
  row: OewsRow,
  plan: Plan,
  src: Source,
  note: string,
): string[] {
  const notPublished: string[] = [];
  for (const [metric, column, unit] of plan) {
    const v = numberOf(row[column]);
    if (v !== undefined) figures[metric] = fig(v, unit, src, { note });
    else if (row[column].kind === "special") notPublished.push(`${metric} (${row[column].code})`);
  }
  return notPublished;
}

export const DS = "Data scientists (SOC 15-2051)";
export const CIRS = "Computer and information research scientists (SOC 15-1221)";
