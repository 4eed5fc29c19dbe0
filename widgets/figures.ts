// How every element writes a figure: a top code as "≥ $239,200", an estimate to use with caution marked "†" with
// its relative standard error, and one legend of the marks shown and the entities left out.
import { html, nothing } from "lit";
import { formatFigure, reliabilityText } from "../core/format";
import { PRSE_CAUTION_THRESHOLD, type units } from "../core/vocab";

type Unit = (typeof units)[number];

/** The mark written after an estimate its source advises to use with caution. */
export const CAUTION_MARK = "†";

const caution = (r: { reliability?: string }) => r.reliability === "use-with-caution";
const cautionTitle = (r: { prse?: number }) => {
  const text = r.prse === undefined ? "use with caution" : reliabilityText(r.prse);
  return text[0]!.toUpperCase() + text.slice(1);
};

/** A figure as its table cell and its bar write it: "≥ $239,200" for a top code, a marked caution. */
export function figureText(r: { value: number; bound?: "at-least"; reliability?: string; prse?: number }, unit: Unit, lang: string | undefined) {
  const text = formatFigure({ value: r.value, unit, bound: r.bound }, lang);
  return caution(r) ? html`${text} <span class="mark" title=${cautionTitle(r)}>${CAUTION_MARK}</span>` : text;
}

/** The legend of the marks present and the entities left out, each once, below the chart or table. */
export function marksNote(rows: readonly { bound?: string; reliability?: string }[], gaps: readonly { name: string; reason: string }[] = []) {
  const notes = [
    ...(rows.some((r) => r.bound === "at-least") ? ["≥ top-coded: the source publishes only that the value is at least this"] : []),
    ...(rows.some(caution) ? [`${CAUTION_MARK} relative standard error of ${PRSE_CAUTION_THRESHOLD}% or more: use with caution`] : []),
    ...(gaps.length ? [`Left out for want of a published figure: ${gaps.map((g) => `${g.name} (${g.reason})`).join("; ")}`] : []),
  ];
  return notes.length ? html`<ul class="notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing;
}
