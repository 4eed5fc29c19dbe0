// A chart's bars as HTML laid out for its container: full names that wrap, values written beside the bars, text at
// the element's own size. Wide containers get three columns (name, bar, value); narrow ones put each name above its bar.
import { css, html } from "lit";
import type { ChartEmbed } from "../core/embed";
import { cssVars } from "./css-vars";
import { figureText } from "./figures";

type Row = ChartEmbed["rows"][number];
type Unit = ChartEmbed["chart"]["unit"];

export interface BarChartOptions {
  unit: Unit;
  valueLabel: string;
  lang: string | undefined;
  highlight: string | null;
}

/** Bars from zero: where zero lies, and each row's start and length, as fractions of the value range (which
 *  always includes 0, so a negative value's bar runs left of the zero line). */
function geometry(rows: readonly Row[]) {
  const lo = Math.min(0, ...rows.map((r) => r.value));
  const hi = Math.max(0, ...rows.map((r) => r.value));
  const span = hi - lo || 1;
  return {
    zero: { "--zero": String(-lo / span) },
    at: (v: number) => ({ "--start": String((Math.min(v, 0) - lo) / span), "--size": String(Math.abs(v) / span) }),
  };
}

export function barChart(rows: readonly Row[], o: BarChartOptions) {
  const { zero, at } = geometry(rows);
  const highlighted = rows.some((r) => r.id === o.highlight);
  return html`<p class="axis">${o.valueLabel}</p>
    <div class="bars ${highlighted ? "has-highlight" : ""}" ${cssVars(zero)}>
      ${rows.map(
        (r) => html`<div class="row ${r.id === o.highlight ? "highlight" : ""} ${r.bound === "at-least" ? "at-least" : ""}">
          <span class="label">${r.name}</span>
          <span class="track"><span class="bar" ${cssVars(at(r.value))}></span></span>
          <span class="value">${figureText(r, o.unit, o.lang)}</span>
        </div>`,
      )}
    </div>`;
}

export const barChartStyles = css`
  .figure {
    display: block;
    inline-size: 100%;
    margin: 4px 0 0;
  }
  .axis {
    margin: 0 0 4px;
    font-size: 0.8em;
    text-align: end;
    color: var(--atlas-muted, light-dark(#4f5a66, #aab4be));
  }
  .bars {
    display: grid;
    grid-template-columns: fit-content(40%) minmax(3em, 1fr) max-content;
    gap: 5px 10px;
    align-items: center;
    font-size: 0.9em;
    overflow-wrap: break-word;
  }
  .row {
    display: contents;
  }
  .label {
    min-inline-size: 0;
  }
  /* The zero line, a 1 px rule at --zero across the track. */
  .track {
    position: relative;
    block-size: 1.1em;
    background: linear-gradient(
        to right,
        transparent calc(var(--zero) * 100% - 0.5px),
        var(--atlas-grid, light-dark(#8a939d, #5d6873)) 0 calc(var(--zero) * 100% + 0.5px),
        transparent 0
      )
      no-repeat;
  }
  /* Right-to-left pages: the track is mirrored, bars and zero line alike. */
  .track:dir(rtl) {
    scale: -1 1;
  }
  .bar {
    position: absolute;
    inset-block: 0;
    left: calc(var(--start) * 100%);
    inline-size: max(1px, calc(var(--size) * 100%));
    background: var(--atlas-bar, light-dark(#3b6ea5, #6fa8dc));
  }
  .value {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .row.highlight .label,
  .row.highlight .value {
    font-weight: 650;
  }
  .row.highlight .bar {
    background: var(--atlas-highlight, light-dark(#c2410c, #ffa360));
  }
  .bars.has-highlight .row:not(.highlight) .bar {
    opacity: 0.55;
  }
  /* A top code: its true length is unknown beyond the bound. */
  .row.at-least .bar {
    opacity: 0.45;
  }
  @container (max-width: 479.98px) {
    .bars {
      grid-template-columns: minmax(0, 1fr) max-content;
      row-gap: 2px;
    }
    .label {
      grid-column: 1 / -1;
      margin-block-start: 4px;
    }
  }
`;
