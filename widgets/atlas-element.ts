// What every <ml-employer-*> element shares: api/theme/lang attributes, lazy start, one load at a time (aborted when
// the element leaves the page), the themed frame, loading and error states, the notes and the honest footer (sources,
// trust, snapshot, downloads). Each element supplies only what it loads and how it draws its content.
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from "lit";
import type { EmbedCitation, EmbedGap, EmbedSource } from "../core/embed";
import { widgetMessages, type WidgetNoun } from "../core/messages";
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
/** A published snapshot's id (see /api/v1/snapshots). */
export const SNAPSHOT_ID = /^[0-9a-f]{12}$/;

/** How long an element may wait for its data before it says it is loading: a quicker answer shows no flash of a
 *  loading message (and no frame drawn only to be replaced). */
const LOADING_MESSAGE_AFTER_MS = 250;

/** An element's content, drawn from its payload: the part of its own, then what the base writes for every element. */
export interface Drawn {
  body: TemplateResult;
  /** The figures shown (for the marks' meanings), the atlas's own mappings and computations, who is left out and why. */
  notes: { figures: readonly MarkedFigure[]; derived: readonly string[]; gaps?: readonly EmbedGap[] };
  footer: { sources: readonly EmbedSource[]; snapshot: string; links: { csv?: string; json?: string; cite?: EmbedCitation } };
}

type Loaded<T> = { data: T } | { error: unknown };

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
export abstract class AtlasElement<T = unknown> extends LitElement {
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
  /** What the current load was started for (requested(), api, snapshot), its abort while under way, and its outcome. */
  #key: string | undefined;
  #abort: AbortController | undefined;
  #loaded: Loaded<T> | undefined;

  /** The element's name in its messages ("Loading ranking…"). */
  protected abstract readonly noun: WidgetNoun;
  /** The attribute values the payload depends on; a change starts a new load. */
  protected abstract requested(): readonly unknown[];
  /** Starts loading the payload; `signal` is aborted when the element leaves the page or asks for something else. */
  protected abstract load(base: string, signal: AbortSignal, snapshot: string | undefined): Promise<T>;
  /** The content drawn from the payload. */
  protected abstract draw(data: T): Drawn;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#slowTimer = setTimeout(() => {
      if (this.#loadingShown) this.slow = true;
    }, LOADING_MESSAGE_AFTER_MS);
    // Back on a page after leaving it mid-load: load again.
    if (this.#key === undefined && this.near) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#slowTimer);
    // A load still under way is aborted (its requests with it) and writes nothing; what was drawn stays.
    if (this.#abort) {
      this.#abort.abort(new DOMException("The element left the page.", "AbortError"));
      this.#abort = undefined;
      this.#key = undefined;
    }
  }

  protected override update(changed: PropertyValues): void {
    this.#loadingShown = false;
    super.update(changed);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has("theme")) this.theming.update();
    if (!this.near || !this.isConnected) return;
    const key = JSON.stringify([...this.requested(), this.api, this.snapshot]);
    if (key !== this.#key) this.#start(key);
  }

  #start(key: string): void {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#key = key;
    this.#loaded = undefined;
    let loading: Promise<T>;
    try {
      loading = this.load(this.base(), abort.signal, this.pin());
    } catch (err) {
      loading = Promise.reject(err);
    }
    loading.then(
      (data) => this.#settle(abort, { data }),
      (error: unknown) => this.#settle(abort, { error }),
    );
  }

  #settle(abort: AbortController, loaded: Loaded<T>): void {
    // Aborted: the element left the page or asked for something else since; nothing is written.
    if (abort.signal.aborted) return;
    this.#abort = undefined;
    this.#loaded = loaded;
    this.requestUpdate();
  }

  /** The payload drawn, once it has come. */
  protected get data(): T | undefined {
    return this.#loaded && "data" in this.#loaded ? this.#loaded.data : undefined;
  }

  protected override render() {
    const loaded = this.#loaded;
    if (!loaded) return this.#loading();
    if ("error" in loaded) return this.#failed(loaded.error);
    let d: Drawn;
    try {
      d = this.draw(loaded.data);
    } catch (err) {
      return this.#failed(err);
    }
    return this.#frame(
      html`${d.body}${this.#notes(d.notes.figures, d.notes.derived, d.notes.gaps)}${this.#footer(d.footer.sources, d.footer.snapshot, d.footer.links)}`,
    );
  }

  /** The API base or a WidgetError for a bad `api` attribute. */
  protected base(): string {
    const base = apiBase(this.api);
    if (base === null) throw new WidgetError("bad-attribute", ["api"]);
    return base;
  }

  /** The pinned snapshot id, or undefined; a malformed one is an attribute error shown inside the element. */
  protected pin(): string | undefined {
    if (!this.snapshot) return undefined;
    if (!SNAPSHOT_ID.test(this.snapshot)) throw new WidgetError("bad-attribute", ["snapshot"]);
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
      // Asked again if the element comes back to a page; nothing is written while it is away.
      if (!this.isConnected) return void (this.#askedNewer = "");
      if (!list || list.current === pin || this.snapshot !== pin) return;
      this.newer = list.snapshots.find((s) => s.id === list.current)?.release ?? "";
    });
  }

  protected requireId(name: string, value: string | null | undefined): string {
    if (!value) throw new WidgetError("missing-attribute", [name]);
    if (!ID.test(value)) throw new WidgetError("not-found", [value.slice(0, 60)]);
    return value;
  }

  #frame(content: TemplateResult | TemplateResult[]) {
    return html`<div class="frame ${this.scheme}" part="frame">${content}</div>`;
  }

  #loading() {
    this.#loadingShown = true;
    return this.slow ? this.#frame(html`<p class="state" role="status">${widgetMessages.loading(this.noun)}</p>`) : nothing;
  }

  #failed(err: unknown) {
    const message = err instanceof WidgetError ? err.say(this.noun) : widgetMessages["render-failed"](this.noun);
    return this.#frame(html`<p class="state error" role="alert">${message}</p>`);
  }

  /** A figure as the table shows it: ≥ for a bound, the quoted hedge, and the caution mark named by its reason. */
  protected value(f: MarkedFigure) {
    return figureText(f, f.unit, this.lang || undefined);
  }

  /** What the marks mean, what the atlas mapped or computed, and who is left out and why (as the no-JS fragments say). */
  #notes(figures: readonly MarkedFigure[], derived: readonly string[], gaps: readonly EmbedGap[] = []) {
    const marks = markNotes(figures);
    if (!marks.length && !derived.length && !gaps.length) return "";
    return html`<div class="notes" part="notes">
      ${marks.map((n) => html`<p>${n}</p>`)}
      ${
        derived.length
          ? html`<p>Mapped or computed by the atlas, not published as such:</p>
            <ul>${derived.map((d) => html`<li>${d}</li>`)}</ul>`
          : ""
      }
      ${
        gaps.length
          ? html`<details><summary>${gapsHeading(gaps.length)}</summary><ul>${gaps.map((g) => html`<li>${g.name}: ${g.reason}</li>`)}</ul></details>`
          : ""
      }
    </div>`;
  }

  #footer(sources: readonly EmbedSource[], snapshot: string, links: { csv?: string; json?: string; cite?: EmbedCitation }) {
    const base = apiBase(this.api) ?? "";
    this.#checkNewer(base);
    const newer =
      this.newer !== null
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
        Snapshot ${snapshot}${links.csv ? html` · Download <a href=${base + links.csv}>CSV</a>` : ""}${
          links.json ? html` · <a href=${base + links.json}>JSON</a>` : ""
        }
      </div>
      ${newer}
      ${citeTemplate(links.cite, base)}
    </footer>`;
  }
}
