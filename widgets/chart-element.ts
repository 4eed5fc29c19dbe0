// <ml-employer-chart chart="{id}">: a sourced chart, painted from pre-rendered SVG, made live on first interaction.
import { html, LitElement, type PropertyValues } from "lit";
import { Task, initialState } from "@lit/task";
import type { ChartEmbed } from "../core/embed";
import { formatValue } from "../core/format";
import { widgetMessages } from "../core/messages";
import { apiBase } from "./api-base";
import { WidgetError } from "./fetch-json";
import { safeSvg } from "./sanitize-svg";
import { baseStyles } from "./styles";
import type { LiveView } from "./lazy/vega-runtime";

type Payloads = typeof import("./lazy/payloads");
type Runtime = typeof import("./lazy/vega-runtime");
let payloads: Promise<Payloads> | undefined;
let runtime: Promise<Runtime> | undefined;
/** Each chunk is fetched once per page, however many elements there are. */
export const loadPayloads = () => (payloads ??= import("./lazy/payloads"));
const loadRuntime = () => (runtime ??= import("./lazy/vega-runtime"));

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A chart from the ML Employer Atlas API with its title, generated summary, data table, source line,
 * trust label and snapshot. First paint is a pre-rendered SVG; tooltips arrive with the chart runtime
 * when the reader points at or focuses the chart.
 *
 * @attr chart - chart id, e.g. `occupations-by-median-wage` (see /api/v1/charts)
 * @attr api - API origin; defaults to the origin that served widgets.js
 * @fires ml-employer-rendered - when the chart is visible
 * @csspart header - title and summary
 * @csspart figure - the box the chart is drawn in
 * @csspart table - the data table
 * @csspart footer - source, reference period, trust label, snapshot, downloads
 * @cssprop --atlas-text --atlas-background --atlas-muted --atlas-border --atlas-link --atlas-font-family
 */
export class MlEmployerChart extends LitElement {
  static override styles = baseStyles;
  static override properties = {
    chart: { type: String, reflect: true },
    api: { type: String },
    lang: { type: String },
    near: { state: true },
    liveError: { state: true },
  };

  chart = "";
  api: string | null = null;
  near = false;
  liveError = false;
  #observer: IntersectionObserver | undefined;
  #resize: ResizeObserver | undefined;
  #live: LiveView | undefined;
  #painted: unknown;

  #task = new Task(this, {
    args: () => [this.chart, this.api, this.near] as const,
    task: async ([chart, api, near], { signal }) => {
      if (!near) return initialState;
      if (!chart) throw new WidgetError("missing-attribute", widgetMessages["missing-attribute"]("chart"));
      if (!ID.test(chart)) throw new WidgetError("not-found", widgetMessages["not-found"](chart.slice(0, 60)));
      const base = apiBase(api);
      if (base === null) throw new WidgetError("bad-attribute", widgetMessages["bad-attribute"]("api"));
      return (await loadPayloads()).loadChartEmbed(base, chart, signal);
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Nothing is fetched until the element is near the viewport.
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.near = true;
          this.#observer?.disconnect();
        }
      },
      { rootMargin: "300px" },
    );
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#resize?.disconnect();
    this.#live?.finalize();
    this.#live = undefined;
    this.#painted = undefined;
  }

  protected override render() {
    return this.#task.render({
      initial: () => html`<p class="state" role="status">${widgetMessages.loading}</p>`,
      pending: () => html`<p class="state" role="status">${widgetMessages.loading}</p>`,
      error: (err) => html`<p class="state error" role="alert">${err instanceof WidgetError ? err.message : widgetMessages["render-failed"]}</p>`,
      complete: (value) => this.#renderChart(value),
    });
  }

  #renderChart(data: ChartEmbed) {
    const { chart } = data;
    const base = apiBase(this.api) ?? "";
    const fmt = (v: number) => formatValue(v, chart.unit, this.lang || undefined);
    return html`
      <header part="header">
        <h2>${chart.title}</h2>
        <p class="summary">${chart.summary}</p>
      </header>
      <div
        class="figure"
        part="figure"
        role="img"
        aria-label=${`${chart.title}. ${chart.summary}`}
        @pointerenter=${this.#goLive}
        @focusin=${this.#goLive}
      ></div>
      <details part="table">
        <summary>Data table</summary>
        <table>
          <caption>${chart.title}</caption>
          <thead><tr><th scope="col">Rank</th><th scope="col">Name</th><th scope="col">${chart.valueLabel}</th></tr></thead>
          <tbody>
            ${data.rows.map((r) => html`<tr><td>${r.rank}</td><th scope="row">${r.name}</th><td>${fmt(r.value)}</td></tr>`)}
          </tbody>
        </table>
      </details>
      <footer part="footer">
        ${chart.sources.map(
          (s) => html`<div>
            Source: ${s.url ? html`<a href=${s.url} rel="noopener noreferrer" target="_blank">${s.organisation}</a>` : s.organisation},
            ${s.title} (${s.period}) <span class="trust">${s.trust}</span>
          </div>`,
        )}
        <div>
          Snapshot ${data.snapshot.id} · Download <a href=${base + data.links.csv}>CSV</a> ·
          <a href=${base + data.links.json}>JSON</a>
        </div>
      </footer>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const data = this.#task.value;
    const figure = this.renderRoot.querySelector<HTMLElement>(".figure");
    if (!data || !figure || this.#painted === data) return;
    this.#painted = data;
    this.#live?.finalize();
    this.#live = undefined;
    const svg = safeSvg(data.svg);
    figure.replaceChildren(...(svg ? [svg] : []));
    this.dispatchEvent(new Event("ml-employer-rendered", { bubbles: true, composed: true }));
  }

  /** Swaps the static SVG for a live Vega view (tooltips, resize) the first time the reader engages. */
  #goLive = async () => {
    const data = this.#task.value;
    const figure = this.renderRoot.querySelector<HTMLElement>(".figure");
    if (this.#live || this.liveError || !data || !figure || figure.dataset.live) return;
    figure.dataset.live = "pending";
    try {
      const base = apiBase(this.api) ?? "";
      const [rt, pl] = await Promise.all([loadRuntime(), loadPayloads()]);
      const spec = await pl.loadJson(base + data.links.vega, AbortSignal.timeout(15_000));
      const holder = document.createElement("div");
      let width = figure.clientWidth;
      const view = await rt.mountLive(holder, spec as Parameters<Runtime["mountLive"]>[1], width);
      figure.replaceChildren(holder);
      figure.dataset.live = "1";
      this.#live = view;
      this.#resize?.disconnect();
      this.#resize = new ResizeObserver(() => {
        const w = figure.clientWidth;
        if (w > 0 && w !== width && this.#live === view) {
          width = w;
          view.width(w);
          void view.runAsync();
        }
      });
      this.#resize.observe(figure);
    } catch {
      // The static chart stays; only the tooltips are missing.
      this.liveError = true;
      delete figure.dataset.live;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ml-employer-chart": MlEmployerChart;
  }
}
