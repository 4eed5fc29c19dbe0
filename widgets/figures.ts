// How every element writes a figure, in the words core/notes.ts gives the no-JS fragments too: a top code as
// "≥ $239,200", a quoted hedge kept ("nearly 58%"), and an estimate to use with caution marked "†", the mark
// named by its relative standard error for screen readers and as a tooltip.
import { html } from "lit";
import { formatFigure } from "../core/format";
import { CAUTION_MARK, cautionTitle, type MarkedFigure } from "../core/notes";
import type { units } from "../core/vocab";

type Unit = (typeof units)[number];

/** A figure as its table cell and its bar write it. */
export function figureText(r: Omit<MarkedFigure, "unit">, unit: Unit, lang: string | undefined) {
  const text = formatFigure({ value: r.value, unit, bound: r.bound, qualifier: r.qualifier }, lang);
  if (r.reliability !== "use-with-caution") return text;
  const why = cautionTitle(r.prse);
  return html`${text} <span class="caution mark" role="img" aria-label=${why} title=${why}>${CAUTION_MARK}</span>`;
}
