// <ml-employer-compare kind="{kind}" a="{id}" b="{id}">: a side-by-side card of two entities' figures.
import { css, html } from "lit";
import type { ComparisonPayload } from "../core/embed";
import { comparedFigures, differenceLabel } from "../core/fragments";
import { derivedNotes } from "../core/notes";
import { metricLabel } from "../core/metrics";
import { formatValue } from "../core/format";
import { embedPath } from "../core/fragments";
import { AtlasElement, type Drawn } from "./atlas-element";
import { loadComparison } from "./chunks";
import { baseStyles } from "./styles";

/** Narrow containers: each figure's row becomes a block, its name on top, then one line per value, each labelled. */
const compareStyles = css`
  @container (max-width: 479.98px) {
    .compare thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .compare tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      padding-block: 4px;
      border-bottom: 1px solid var(--atlas-border, light-dark(#e3e6ea, #2c333b));
    }
    .compare tbody th,
    .compare td {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      border: 0;
      padding-block: 1px;
    }
    .compare tbody th {
      font-weight: 600;
    }
    .compare td {
      white-space: normal;
    }
    .compare .v {
      white-space: nowrap;
    }
    /* The entity's name beside its value; alt text "" keeps screen readers to the column header they already read. */
    .compare td::before {
      content: attr(data-label) / "";
      text-align: start;
      color: var(--atlas-muted, light-dark(#4f5a66, #aab4be));
    }
  }
`;

/**
 * Two entities of one kind side by side: each shared figure for both, and how far apart they are. In narrow
 * containers each figure is stacked: its name, then each entity's value and the ratio on lines of their own.
 *
 * @attr kind - `occupations`, `metros`, … (see /api/v1/compare)
 * @attr a - first entity id
 * @attr b - second entity id
 * @attr theme - `light`, `dark` or `auto`
 * @attr lang - locale for numbers
 * @attr api - API origin
 * @csspart frame
 * @csspart header
 * @csspart table
 * @csspart notes - what the marks mean (≥ top code, † use with caution), what the atlas computed, who is left out and why
 * @csspart footer
 */
export class MlEmployerCompare extends AtlasElement<ComparisonPayload> {
  static override styles = [baseStyles, compareStyles];
  static override properties = {
    ...AtlasElement.properties,
    kind: { type: String, reflect: true },
    a: { type: String, reflect: true },
    b: { type: String, reflect: true },
  };

  kind = "";
  a = "";
  b = "";

  protected readonly noun = "comparison";

  protected requested() {
    return [this.kind, this.a, this.b];
  }

  protected load(base: string, signal: AbortSignal, snapshot: string | undefined) {
    const kind = this.requireId("kind", this.kind);
    return loadComparison(base, kind, this.requireId("a", this.a), this.requireId("b", this.b), signal, snapshot);
  }

  protected override view(): string {
    return embedPath("compare", this.kind ?? "", { a: this.a ?? "", b: this.b ?? "" });
  }

  protected draw(data: ComparisonPayload): Drawn {
    const c = data.comparison;
    const figs = comparedFigures(c);
    const title = `${c.a.name} and ${c.b.name}`;
    // Explicit roles keep the table's semantics when narrow containers lay its rows out as grids.
    const body = html`
      <header part="header"><h2>${title}</h2></header>
      <table part="table" class="compare" role="table">
        <caption class="visually-hidden">${title}: figures side by side</caption>
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">Figure</th><th scope="col" role="columnheader" class="num">${c.a.name}</th><th scope="col" role="columnheader" class="num">${c.b.name}</th><th scope="col" role="columnheader" class="num">Ratio</th>
          </tr>
        </thead>
        <tbody>
          ${figs.map(
            ({ d, a, b }) => html`<tr role="row">
              <th scope="row" role="rowheader">${differenceLabel(d)}</th>
              <td class="num" role="cell" data-label=${c.a.name}><span class="v">${this.value(a)}</span></td>
              <td class="num" role="cell" data-label=${c.b.name}><span class="v">${this.value(b)}</span></td>
              <td class="num" role="cell" data-label="Ratio"><span class="v">${d.ratio === null ? "–" : `${formatValue(d.ratio, "ratio", this.lang || undefined)}×`}</span></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${c.differences.length === 0 ? html`<p class="state">These two have no figure in common.</p>` : ""}
    `;
    return {
      body,
      notes: {
        figures: figs.flatMap(({ a, b }) => [a, b]),
        derived: figs.flatMap(({ d, a, b }) =>
          derivedNotes([
            { name: `${c.a.name}, ${metricLabel(d.metric)}`, figure: a },
            { name: `${c.b.name}, ${metricLabel(d.metric)}`, figure: b },
          ]),
        ),
        gaps: (c.gaps ?? []).map((g) => ({ id: g.missing, name: `${g.name}, ${metricLabel(g.metric)}`, reason: g.reason })),
      },
      footer: { sources: c.sources, snapshot: data.snapshot.id, links: { cite: data.citation } },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ml-employer-compare": MlEmployerCompare;
  }
}
