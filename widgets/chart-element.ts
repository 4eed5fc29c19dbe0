// <ml-employer-chart chart="{id}">: a sourced bar chart, drawn as HTML laid out for its container.
import { html, type PropertyValues } from "lit";
import type { ChartEmbed } from "../core/embed";
import { embedPath } from "../core/fragments";
import { apiBase } from "./api-base";
import { AtlasElement, ID, SNAPSHOT_ID, type Drawn } from "./atlas-element";
import { barChart, barChartStyles } from "./bar-chart";
import { flush, loadChartEmbed } from "./chart-batch";
import { nearViewport } from "./near-viewport";
import { baseStyles } from "./styles";

/** Payloads asked for before the elements were defined, by element: what was asked, the answer, and its abort. */
const early = new WeakMap<Element, { key: string; data: Promise<ChartEmbed>; abort: AbortController }>();
const earlyKey = (base: string, id: string, snapshot: string | undefined) => `${base} ${id} ${snapshot ?? ""}`;

/**
 * Called by the loader before it defines the elements: the charts on or near the screen ask for their payloads
 * at once (one batched request), so the request is under way while the elements are set up. Each element takes
 * its answer when it starts loading; one whose attributes are not valid asks nothing here and explains itself.
 */
export function askEarly(): void {
  // No page (the loader imported by a build tool), or defined already (the page includes the script twice: those
  // elements ask for themselves).
  if (typeof document === "undefined" || customElements.get("ml-employer-chart")) return;
  const [width, height] = [innerWidth, innerHeight];
  for (const el of document.querySelectorAll("ml-employer-chart")) {
    const id = el.getAttribute("chart");
    const base = apiBase(el.getAttribute("api"));
    const snapshot = el.getAttribute("snapshot") || undefined;
    if (!id || !ID.test(id) || base === null || (snapshot && !SNAPSHOT_ID.test(snapshot)) || !nearViewport(el, width, height)) continue;
    const abort = new AbortController();
    const data = loadChartEmbed(base, id, abort.signal, snapshot);
    data.catch(() => undefined); // the element shows the failure when it takes the answer
    early.set(el, { key: earlyKey(base, id, snapshot), data, abort });
  }
  // Sent before the elements are defined, not after: the microtask would run only once this script has finished.
  flush();
}

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
export class MlEmployerChart extends AtlasElement<ChartEmbed> {
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

  protected readonly noun = "chart";

  protected requested() {
    return [this.chart];
  }

  protected load(base: string, signal: AbortSignal, snapshot: string | undefined) {
    const id = this.requireId("chart", this.chart);
    const asked = early.get(this);
    early.delete(this);
    if (asked?.key === earlyKey(base, id, snapshot)) {
      signal.addEventListener("abort", () => asked.abort.abort(signal.reason), { once: true });
      return asked.data;
    }
    asked?.abort.abort();
    return loadChartEmbed(base, id, signal, snapshot);
  }

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

  protected draw(data: ChartEmbed): Drawn {
    const { chart } = data;
    const rows = data.rows.slice(0, this.#limit());
    const lang = this.lang || undefined;
    const figs = rows.map((r) => ({ ...r, unit: chart.unit }));
    const body = html`
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
            ${
              !this.#tableOpened
                ? ""
                : figs.map(
                    (r) => html`<tr class=${r.id === this.highlight ? "highlight" : ""}>
                <td class="num">${r.rank}</td><th scope="row">${r.name}</th><td class="num">${this.value(r)}</td>
              </tr>`,
                  )
            }
          </tbody>
        </table>
      </details>
    `;
    return {
      body,
      notes: { figures: figs, derived: [], gaps: chart.gaps },
      footer: { sources: chart.sources, snapshot: data.snapshot.id, links: { ...data.links, cite: data.citation } },
    };
  }

  #onToggle = (e: Event) => {
    if (this.#tableOpened || !(e.target as HTMLDetailsElement).open) return;
    this.#tableOpened = true;
    this.requestUpdate();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const data = this.data;
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
