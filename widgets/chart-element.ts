// <ml-employer-chart chart="{id}">: a sourced bar chart, drawn as HTML laid out for its container.
import { html, type PropertyValues } from "lit";
import { Task } from "@lit/task";
import type { ChartEmbed } from "../core/embed";
import { embedPath } from "../core/fragments";
import { AtlasElement } from "./atlas-element";
import { barChart, barChartStyles } from "./bar-chart";
import { loadChartEmbed } from "./chunks";
import { baseStyles } from "./styles";

/**
 * A chart from the ML Employer Atlas API with title, generated summary, data table, source line, trust label
 * and snapshot. The bars are HTML in the element's own font, laid out for the element's width: full names that
 * wrap, the value beside each bar, names above their bars in narrow containers. No chart runtime is loaded.
 *
 * @attr chart - chart id, e.g. `occupations-by-median-wage` (see /api/v1/charts)
 * @attr limit - show only the first N rows
 * @attr highlight - id of an entity to emphasise, e.g. `data-scientists`
 * @attr theme - `light`, `dark` or `auto` (default: follows the host page)
 * @attr lang - locale for numbers, e.g. `de-DE`
 * @attr api - API origin; defaults to the origin that served widgets.js
 * @fires ml-employer-rendered - when the chart is painted
 * @csspart frame - the outer box
 * @csspart header - title and summary
 * @csspart figure - the box the chart is drawn in
 * @csspart table - the data table disclosure
 * @csspart notes - what the marks mean (≥ top code, † use with caution), what the atlas computed, who is left out and why
 * @csspart footer - source, reference period, trust label, snapshot, downloads
 * @cssprop --atlas-text --atlas-background --atlas-muted --atlas-border --atlas-link --atlas-bar --atlas-highlight --atlas-grid --atlas-font-family --atlas-font-size --atlas-radius --atlas-padding
 */
export class MlEmployerChart extends AtlasElement {
  static override styles = [baseStyles, barChartStyles];
  static override properties = {
    ...AtlasElement.properties,
    chart: { type: String, reflect: true },
    limit: { type: String },
    highlight: { type: String },
  };

  chart = "";
  limit: string | null = null;
  highlight: string | null = null;
  #painted: string | undefined;
  /** The data table's rows are built when its disclosure first opens: until then nobody can see them. */
  #tableOpened = false;

  #task = new Task(this, {
    args: () => [this.chart, this.api, this.near, this.snapshot] as const,
    task: async ([chart, , near], { signal }) => {
      if (!near) return undefined;
      const id = this.requireId("chart", chart);
      return loadChartEmbed(this.base(), id, signal, this.pin());
    },
  });

  #limit(): number | undefined {
    const n = Number(this.limit);
    return this.limit && Number.isInteger(n) && n > 0 ? n : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#painted = undefined;
  }

  protected override view(): string {
    return embedPath("chart", this.chart ?? "");
  }

  protected override render() {
    return this.#task.render({
      initial: () => this.loading(),
      pending: () => this.loading(),
      error: (err) => this.failed(err),
      complete: (data) => (data ? this.#renderChart(data) : this.loading()),
    });
  }

  #renderChart(data: ChartEmbed) {
    const { chart } = data;
    const rows = data.rows.slice(0, this.#limit());
    const lang = this.lang || undefined;
    const figs = rows.map((r) => ({ ...r, unit: chart.unit }));
    return this.frame(html`
      <header part="header">
        <h2>${chart.title}</h2>
        <p class="summary">${chart.summary}</p>
      </header>
      <div class="figure" part="figure" role="img" aria-label=${`${chart.title}. ${chart.summary}`}>
        ${barChart(rows, { unit: chart.unit, valueLabel: chart.valueLabel, lang, highlight: this.highlight })}
      </div>
      <details part="table" @toggle=${this.#onToggle}>
        <summary>Data table</summary>
        <table>
          <caption>${chart.title}</caption>
          <thead><tr><th scope="col" class="num">Rank</th><th scope="col">Name</th><th scope="col" class="num">${chart.valueLabel}</th></tr></thead>
          <tbody>
            ${!this.#tableOpened ? "" : figs.map(
              (r) => html`<tr class=${r.id === this.highlight ? "highlight" : ""}>
                <td class="num">${r.rank}</td><th scope="row">${r.name}</th><td class="num">${this.value(r)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
      ${this.notes(figs, [], chart.gaps)}
      ${this.footer(chart.sources, data.snapshot.id, { ...data.links, cite: data.citation })}
    `);
  }

  #onToggle = (e: Event) => {
    if (this.#tableOpened || !(e.target as HTMLDetailsElement).open) return;
    this.#tableOpened = true;
    this.requestUpdate();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const data = this.#task.value;
    if (!data) return;
    const key = `${data.snapshot.id}/${data.chart.id}/${this.limit}`;
    if (this.#painted !== key) {
      this.#painted = key;
      this.dispatchEvent(new Event("ml-employer-rendered", { bubbles: true, composed: true }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ml-employer-chart": MlEmployerChart;
  }
}
