// What every <ml-employer-*> element shares: api/theme/lang attributes, lazy start, the themed frame,
// loading and error states, and the honest footer (sources, trust, snapshot, downloads).
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from "lit";
import type { EmbedCitation, EmbedGap, EmbedSource } from "../core/embed";
import { widgetMessages } from "../core/messages";
import { gapsHeading, markNotes, type MarkedFigure } from "../core/notes";
import { apiBase } from "./api-base";
import { loadSnapshots } from "./chunks";
import { citeTemplate } from "./cite";
import { figureText } from "./figures";
import { WidgetError } from "./fetch-json";
import { NearViewportController } from "./near-viewport";
import { baseStyles } from "./styles";
import { ThemeController, type Scheme } from "./theme";

export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** How long an element may wait for its data before it says it is loading: a quicker answer shows no flash of a
 *  loading message (and no frame drawn only to be replaced). */
const LOADING_MESSAGE_AFTER_MS = 250;

/**
 * Base of the four elements. Its custom properties theme every element (set them on the element or an ancestor).
 *
 * @cssprop --atlas-text - text colour
 * @cssprop --atlas-background - background of the frame
 * @cssprop --atlas-muted - secondary text: summaries, labels, footer
 * @cssprop --atlas-border - frame and table rule colour
 * @cssprop --atlas-link - links and the focus ring
 * @cssprop --atlas-error - the message shown when the element cannot render
 * @cssprop --atlas-highlight-background - background of the highlighted table row
 * @cssprop --atlas-bar - chart bars
 * @cssprop --atlas-highlight - the highlighted chart bar
 * @cssprop --atlas-grid - chart axes and grid lines
 * @cssprop --atlas-font-family - font family
 * @cssprop --atlas-font-size - base font size
 * @cssprop --atlas-radius - corner radius of the frame
 * @cssprop --atlas-padding - padding inside the frame
 */
export abstract class AtlasElement extends LitElement {
  static override styles: CSSResultGroup = baseStyles;
  static override properties = {
    api: { type: String },
    snapshot: { type: String },
    newer: { state: true },
    theme: { type: String, reflect: true },
    lang: { type: String },
    near: { state: true },
    scheme: { state: true },
    slow: { state: true },
  };

  /** A published snapshot id (see /api/v1/snapshots): the element shows that snapshot's figures forever, and a
   *  quiet line when a newer snapshot exists. Without it, the latest figures. */
  snapshot: string | null = null;
  /** The newer snapshot's release ("May 2025"), once the API says the pinned one is no longer current. */
  newer: string | null = null;
  #askedNewer = "";
  /** API origin; defaults to the origin that served widgets.js. */
  api: string | null = null;
  /** `light`, `dark` or `auto` (default): auto follows the host page. */
  theme: string | null = null;
  near = false;
  scheme: Scheme = "light";
  /** Still loading after LOADING_MESSAGE_AFTER_MS. */
  slow = false;
  protected theming = new ThemeController(this);
  protected viewport = new NearViewportController(this);
  #loadingShown = false;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#slowTimer = setTimeout(() => {
      if (this.#loadingShown) this.slow = true;
    }, LOADING_MESSAGE_AFTER_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#slowTimer);
  }

  protected override update(changed: PropertyValues): void {
    this.#loadingShown = false;
    super.update(changed);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has("theme")) this.theming.update();
  }

  /** The API base or a WidgetError for a bad `api` attribute. */
  protected base(): string {
    const base = apiBase(this.api);
    if (base === null) throw new WidgetError("bad-attribute", widgetMessages["bad-attribute"]("api"));
    return base;
  }

  /** The pinned snapshot id, or undefined; a malformed one is an attribute error shown inside the element. */
  protected pin(): string | undefined {
    if (!this.snapshot) return undefined;
    if (!/^[0-9a-f]{12}$/.test(this.snapshot)) throw new WidgetError("bad-attribute", widgetMessages["bad-attribute"]("snapshot"));
    return this.snapshot;
  }

  /** The same view as a page of its own (the embed page), for the "newer figures" link; undefined if none. */
  protected view(): string | undefined {
    return undefined;
  }

  /** Asks once per pinned id whether a newer snapshot exists; a failure only leaves the notice out. */
  #checkNewer(base: string) {
    const pin = this.snapshot ?? "";
    if (!pin || this.#askedNewer === pin) return;
    this.#askedNewer = pin;
    void loadSnapshots(base).then((list) => {
      if (!list || list.current === pin || this.snapshot !== pin) return;
      this.newer = list.snapshots.find((s) => s.id === list.current)?.release ?? "";
    });
  }

  protected requireId(name: string, value: string | null | undefined): string {
    if (!value) throw new WidgetError("missing-attribute", widgetMessages["missing-attribute"](name));
    if (!ID.test(value)) throw new WidgetError("not-found", widgetMessages["not-found"](value.slice(0, 60)));
    return value;
  }

  protected frame(content: TemplateResult | TemplateResult[]) {
    return html`<div class="frame ${this.scheme}" part="frame">${content}</div>`;
  }

  protected loading() {
    this.#loadingShown = true;
    return this.slow ? this.frame(html`<p class="state" role="status">${widgetMessages.loading}</p>`) : nothing;
  }

  protected failed(err: unknown) {
    const message = err instanceof WidgetError ? err.message : widgetMessages["render-failed"];
    return this.frame(html`<p class="state error" role="alert">${message}</p>`);
  }

  /** A figure as the table shows it: ≥ for a bound, the quoted hedge, and the caution mark named by its reason. */
  protected value(f: MarkedFigure) {
    return figureText(f, f.unit, this.lang || undefined);
  }

  /** What the marks mean, what the atlas mapped or computed, and who is left out and why (as the no-JS fragments say). */
  protected notes(figures: readonly MarkedFigure[], derived: readonly string[], gaps: readonly EmbedGap[] = []) {
    const marks = markNotes(figures);
    if (!marks.length && !derived.length && !gaps.length) return "";
    return html`<div class="notes" part="notes">
      ${marks.map((n) => html`<p>${n}</p>`)}
      ${derived.length
        ? html`<p>Mapped or computed by the atlas, not published as such:</p>
            <ul>${derived.map((d) => html`<li>${d}</li>`)}</ul>`
        : ""}
      ${gaps.length
        ? html`<details><summary>${gapsHeading(gaps.length)}</summary><ul>${gaps.map((g) => html`<li>${g.name}: ${g.reason}</li>`)}</ul></details>`
        : ""}
    </div>`;
  }

  protected footer(sources: readonly EmbedSource[], snapshot: string, links: { csv?: string; json?: string; cite?: EmbedCitation }) {
    const base = apiBase(this.api) ?? "";
    this.#checkNewer(base);
    const newer = this.newer !== null
      ? html`<div class="newer"><a href=${base + (this.view() ?? "/")} rel="noopener" target="_blank">Newer figures${this.newer ? `: ${this.newer}` : ""} →</a></div>`
      : "";
    return html`<footer part="footer">
      ${sources.map(
        (s) => html`<div>
          Source: ${s.url ? html`<a href=${s.url} rel="noopener noreferrer" target="_blank">${s.organisation}</a>` : s.organisation},
          ${s.title} (${s.period}) <span class="trust" title="trust label">${s.trust}</span>
        </div>`,
      )}
      <div>
        Snapshot ${snapshot}${links.csv ? html` · Download <a href=${base + links.csv}>CSV</a>` : ""}${links.json
          ? html` · <a href=${base + links.json}>JSON</a>`
          : ""}
      </div>
      ${newer}
      ${citeTemplate(links.cite, base)}
    </footer>`;
  }
}
