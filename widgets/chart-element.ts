// <ml-employer-chart chart="{id}">: a sourced chart, painted from pre-rendered SVG, made live on first interaction.
import { html, type PropertyValues } from "lit";
import { Task } from "@lit/task";
import type { ChartEmbed } from "../core/embed";
import { AtlasElement } from "./atlas-element";
import { loadChartEmbed, loadRuntime } from "./chunks";
import { fetchJson } from "./fetch-json";
import { safeSvg } from "./sanitize-svg";
import type { LiveView } from "./lazy/vega-runtime";

/**
 * A chart from the ML Employer Atlas API with title, generated summary, data table, source line, trust label
 * and snapshot. First paint is a pre-rendered SVG; tooltips and live resizing arrive with the chart runtime
 * when the reader points at or focuses the chart (or at once when `limit` cuts the chart).
 *
 * @attr chart - chart id, e.g. `occupations-by-median-wage` (see /api/v1/charts)
 * @attr limit - show only the first N rows
 * @attr highlight - id of an entity to emphasise, e.g. `data-scientists`
 * @attr theme - `light`, `dark` or `auto` (default: follows the host page)
 * @attr lang - locale for numbers in the table, e.g. `de-DE`
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
  static override properties = {
    ...AtlasElement.properties,
    chart: { type: String, reflect: true },
    limit: { type: String },
    highlight: { type: String },
  };

  chart = "";
  limit: string | null = null;
  highlight: string | null = null;
  #resize: ResizeObserver | undefined;
  #live: LiveView | undefined;
  #painted: string | undefined;
  #liveFailed = false;

  #task = new Task(this, {
    args: () => [this.chart, this.api, this.near] as const,
    task: async ([chart, , near], { signal }) => {
      if (!near) return undefined;
      const id = this.requireId("chart", chart);
      return loadChartEmbed(this.base(), id, signal);
    },
  });

  #limit(): number | undefined {
    const n = Number(this.limit);
    return this.limit && Number.isInteger(n) && n > 0 ? n : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#live?.finalize();
    this.#live = undefined;
    this.#painted = undefined;
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
    const figs = rows.map((r) => ({ ...r, unit: chart.unit }));
    return this.frame(html`
      <header part="header">
        <h2>${chart.title}</h2>
        <p class="summary">${chart.summary}</p>
      </header>
      <div
        class="figure"
        part="figure"
        role="img"
        tabindex="0"
        aria-label=${`${chart.title}. ${chart.summary}`}
        @pointerenter=${this.#goLive}
        @focus=${this.#goLive}
      ></div>
      <details part="table">
        <summary>Data table</summary>
        <table>
          <caption>${chart.title}</caption>
          <thead><tr><th scope="col" class="num">Rank</th><th scope="col">Name</th><th scope="col" class="num">${chart.valueLabel}</th></tr></thead>
          <tbody>
            ${figs.map(
              (r) => html`<tr class=${r.id === this.highlight ? "highlight" : ""}>
                <td class="num">${r.rank}</td><th scope="row">${r.name}</th><td class="num">${this.value(r)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
      ${this.notes(figs, [], chart.gaps)}
      ${this.footer(chart.sources, data.snapshot.id, data.links)}
    `);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const data = this.#task.value;
    const figure = this.renderRoot.querySelector<HTMLElement>(".figure");
    if (!data || !figure) return;
    const key = `${data.snapshot.id}/${data.chart.id}/${this.limit}`;
    if (this.#painted !== key) {
      this.#painted = key;
      this.#live?.finalize();
      this.#live = undefined;
      delete figure.dataset.live;
      const svg = safeSvg(data.svg);
      figure.replaceChildren(...(svg ? [svg] : []));
      if (this.#limit() !== undefined && this.#limit()! < data.rows.length) void this.#goLive();
      this.dispatchEvent(new Event("ml-employer-rendered", { bubbles: true, composed: true }));
    }
    if (changed.has("highlight") || changed.has("limit") || !figure.dataset.hl) this.#markHighlight(figure, data);
  }

  /** Bars are drawn in data order, so the n-th bar is the n-th row. */
  #markHighlight(figure: HTMLElement, data: ChartEmbed) {
    const marks = figure.querySelector("svg .role-mark");
    if (!marks) return;
    const index = data.rows.findIndex((r) => r.id === this.highlight);
    marks.classList.toggle("has-highlight", index >= 0);
    marks.querySelectorAll("path").forEach((p, i) => p.classList.toggle("atlas-highlight", i === index));
    figure.dataset.hl = "1";
  }

  /** Swaps the static SVG for a live Vega view (tooltips, resize) the first time it is needed. */
  #goLive = async () => {
    const data = this.#task.value;
    const figure = this.renderRoot.querySelector<HTMLElement>(".figure");
    if (this.#live || this.#liveFailed || !data || !figure || figure.dataset.live) return;
    figure.dataset.live = "pending";
    try {
      // The compiled spec is fetched while the runtime chunk loads.
      const [rt, spec] = await Promise.all([loadRuntime(), fetchJson(this.base() + data.links.vega, AbortSignal.timeout(15_000), data.chart.id)]);
      const holder = document.createElement("div");
      let width = figure.clientWidth;
      const view = await rt.mountLive(holder, spec, { width, limit: this.#limit() });
      figure.replaceChildren(holder);
      figure.dataset.live = "1";
      this.#live = view;
      this.#markHighlight(figure, data);
      this.#resize?.disconnect();
      this.#resize = new ResizeObserver(() => {
        const w = figure.clientWidth;
        if (w > 0 && w !== width && this.#live === view) {
          width = w;
          view.width(w);
          void view.runAsync().then(() => this.#markHighlight(figure, data));
        }
      });
      this.#resize.observe(figure);
    } catch {
      // The static chart stays; only tooltips and live resizing are missing.
      this.#liveFailed = true;
      delete figure.dataset.live;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ml-employer-chart": MlEmployerChart;
  }
}
