// <ml-employer-compare kind="{kind}" a="{id}" b="{id}">: a side-by-side card of two entities' figures.
import { html } from "lit";
import { Task } from "@lit/task";
import type { ComparisonPayload } from "../core/embed";
import { comparedFigures, differenceLabel } from "../core/fragments";
import { derivedNotes } from "../core/notes";
import { metricLabel } from "../core/metrics";
import { formatValue } from "../core/format";
import { AtlasElement } from "./atlas-element";
import { loadComparison } from "./chunks";

/**
 * Two entities of one kind side by side: each shared figure for both, and how far apart they are.
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
export class MlEmployerCompare extends AtlasElement {
  static override properties = {
    ...AtlasElement.properties,
    kind: { type: String, reflect: true },
    a: { type: String, reflect: true },
    b: { type: String, reflect: true },
  };

  kind = "";
  a = "";
  b = "";

  #task = new Task(this, {
    args: () => [this.kind, this.a, this.b, this.api, this.near] as const,
    task: async ([kind, a, b, , near], { signal }) => {
      if (!near) return undefined;
      const k = this.requireId("kind", kind);
      const [x, y] = [this.requireId("a", a), this.requireId("b", b)];
      return loadComparison(this.base(), k, x, y, signal);
    },
  });

  protected override render() {
    return this.#task.render({
      initial: () => this.loading(),
      pending: () => this.loading(),
      error: (err) => this.failed(err),
      complete: (data) => (data ? this.#renderCard(data) : this.loading()),
    });
  }

  #renderCard(data: ComparisonPayload) {
    const c = data.comparison;
    const figs = comparedFigures(c);
    const title = `${c.a.name} and ${c.b.name}`;
    return this.frame(html`
      <header part="header"><h2>${title}</h2></header>
      <table part="table">
        <caption class="visually-hidden">${title}: figures side by side</caption>
        <thead>
          <tr><th scope="col">Figure</th><th scope="col" class="num">${c.a.name}</th><th scope="col" class="num">${c.b.name}</th><th scope="col" class="num">Ratio</th></tr>
        </thead>
        <tbody>
          ${figs.map(
            ({ d, a, b }) => html`<tr>
              <th scope="row">${differenceLabel(d)}</th>
              <td class="num">${this.value(a)}</td>
              <td class="num">${this.value(b)}</td>
              <td class="num">${d.ratio === null ? "–" : `${formatValue(d.ratio, "ratio", this.lang || undefined)}×`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${c.differences.length === 0 ? html`<p class="state">These two have no figure in common.</p>` : ""}
      ${this.notes(
        figs.flatMap(({ a, b }) => [a, b]),
        figs.flatMap(({ d, a, b }) =>
          derivedNotes([{ name: `${c.a.name}, ${metricLabel(d.metric)}`, figure: a }, { name: `${c.b.name}, ${metricLabel(d.metric)}`, figure: b }]),
        ),
        (c.gaps ?? []).map((g) => ({ id: g.missing, name: `${g.name}, ${metricLabel(g.metric)}`, reason: g.reason })),
      )}
      ${this.footer(c.sources, data.snapshot.id, {})}
    `);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ml-employer-compare": MlEmployerCompare;
  }
}
