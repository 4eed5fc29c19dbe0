// How to read a set of figures: the words for bounds, reliability marks, the atlas's own computations and the
// entities left out, shared by the no-JS fragments and the elements so both say the same thing.
import { formatFigure } from "./format";
import type { Unit } from "./schemas";
import { PRSE_CAUTION_THRESHOLD } from "./vocab";

/** The mark written after an estimate whose relative standard error is at or above the threshold. */
export const CAUTION_MARK = "†";

export interface MarkedFigure {
  value: number;
  unit: Unit;
  bound?: "at-least";
  qualifier?: string;
  prse?: number;
  reliability?: "use-with-caution";
  derivedFrom?: string;
}

/** The value as a table cell writes it: "≥ $239,200", "nearly 58%", "230 †". */
export function figureCell(f: MarkedFigure, locale?: string): string {
  return formatFigure(f, locale) + (f.reliability ? ` ${CAUTION_MARK}` : "");
}

/** The tooltip and accessible text of a caution mark. */
export function cautionTitle(prse: number | undefined): string {
  return `Use with caution: relative standard error ${prse ?? "?"}% (${PRSE_CAUTION_THRESHOLD}% or more)`;
}

export const BOUND_NOTE = "≥ a top code: the source publishes only that the figure is at or above this value.";
export const CAUTION_NOTE = `${CAUTION_MARK} relative standard error of ${PRSE_CAUTION_THRESHOLD}% or more: use with caution.`;

/** One line per kind of mark present among the figures, for the notes under a table. */
export function markNotes(figures: readonly MarkedFigure[]): string[] {
  return [
    ...(figures.some((f) => f.bound === "at-least") ? [BOUND_NOTE] : []),
    ...(figures.some((f) => f.reliability === "use-with-caution") ? [CAUTION_NOTE] : []),
  ];
}

/** "How the atlas made it", for each named figure that it mapped or computed rather than read. */
export function derivedNotes(rows: readonly { name: string; figure: MarkedFigure }[]): string[] {
  return rows.filter((r) => r.figure.derivedFrom).map((r) => `${r.name}: ${r.figure.derivedFrom}`);
}

/** The heading of a list of entities left out. */
export function gapsHeading(count: number): string {
  return `${count} left out: no published figure`;
}
