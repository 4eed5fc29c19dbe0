// Building blocks of the reader pages: figure tables with period, trust label, caution mark and derivation; quoted
// article claims; a chart that widgets.js makes live while its script-free fragment stays for print and no-script
// readers; source lists.
import {
  derivedNotes,
  embedPath,
  esc,
  metricLabel,
  notesHtml,
  officialFirst,
  valueHtml,
  type Claim,
  type LabelledFigure,
  type Source,
  type Statement,
  urls,
} from "../../core/index";

/** Ids already given to an element on the page, so a figure shown twice is anchored once (`#fig-{id}`). */
export class Anchors {
  readonly #seen = new Set<string>();
  /** ` id="fig-…"` the first time, "" after. */
  take(id: string): string {
    if (this.#seen.has(id)) return "";
    this.#seen.add(id);
    return ` id="fig-${esc(id)}"`;
  }
}

const trust = (t: string) => `<span class="ml-employer-trust">${esc(t)}</span>`;

export function sourceLink(s: Pick<Source, "organisation" | "url"> | undefined): string {
  if (!s) return "";
  return s.url && /^https?:\/\//.test(s.url) ? `<a href="${esc(s.url)}" rel="noopener noreferrer">${esc(s.organisation)}</a>` : esc(s.organisation);
}

export interface FigureRow {
  /** Anchor id (`fig-{id}`) and `data-figure`. */
  id: string;
  label: string;
  figure: LabelledFigure | (Omit<LabelledFigure, "id" | "label"> & { id?: string; label?: string });
  /** Extra cell after the value, e.g. a rank phrase. */
  extra?: string;
}

/**
 * A table of figures: what each measures (and the source's note), the value as tables write it (≥, hedge, † with
 * its reason), period, trust label and source; under it what the marks mean and how the atlas made what it made.
 */
export function figureTable(o: {
  caption: string;
  rows: readonly FigureRow[];
  sources: ReadonlyMap<string, Source>;
  anchors: Anchors;
  extraHeading?: string;
}): string {
  if (!o.rows.length) return "";
  const rows = officialFirst(o.rows.map((r) => ({ ...r, trust: r.figure.trust })));
  const body = rows
    .map((r) => {
      const f = r.figure;
      const note = f.note ? `<span class="note muted">${esc(f.note)}</span>` : "";
      return (
        `<tr${o.anchors.take(r.id)} data-figure="${esc(r.id)}"><th scope="row">${esc(r.label)}${note}</th>` +
        `<td class="value">${valueHtml(f)}</td>${o.extraHeading ? `<td>${r.extra ?? ""}</td>` : ""}` +
        `<td>${esc(f.period)}</td><td>${trust(f.trust)}</td><td>${sourceLink(o.sources.get(f.source))}</td></tr>`
      );
    })
    .join("");
  const derived = derivedNotes(rows.map((r) => ({ name: r.label, figure: r.figure })));
  return (
    `<div class="table-wrap"><table class="figures"><caption>${esc(o.caption)}</caption><thead><tr><th scope="col">Figure</th><th scope="col">Value</th>` +
    (o.extraHeading ? `<th scope="col">${esc(o.extraHeading)}</th>` : "") +
    `<th scope="col">Period</th><th scope="col">Trust</th><th scope="col">Source</th></tr></thead><tbody>${body}</tbody></table></div>` +
    notesHtml(
      rows.map((r) => r.figure),
      derived,
    )
  );
}

export const labelled = (f: LabelledFigure): FigureRow => ({ id: f.id, label: f.label, figure: f });

/** An article claim, quoted and labelled as the article's; `beside` is plain words after it (optional). */
export function claimHtml(c: Claim, beside = ""): string {
  return (
    `<figure class="claim"><blockquote><p>“${esc(c.text)}”</p></blockquote>` +
    `<figcaption class="meta">The article's claim ${trust(c.trust)}${beside ? ` · ${beside}` : ""}</figcaption></figure>`
  );
}

export function statementHtml(st: Statement, sources: ReadonlyMap<string, Source>): string {
  return (
    `<figure class="claim"><blockquote><p>${esc(st.text)}</p></blockquote>` +
    `<figcaption class="meta">${sourceLink(sources.get(st.source))}, ${esc(st.period)} ${trust(st.trust)}</figcaption></figure>`
  );
}

/** A chart as widgets.js shows it, over its script-free fragment (shown without script, in print and reader modes). */
export function liveChart(id: string, fragment: string): string {
  return `<div class="live"><ml-employer-chart chart="${esc(id)}"></ml-employer-chart><div class="static">${fragment}</div></div>`;
}

/** "This as JSON · CSV · … · Embed this" under a chart, ranking, comparison or fact. */
export function actions(links: readonly [string, string][]): string {
  return `<p class="actions">${links.map(([label, href]) => `<a href="${esc(href)}">${esc(label)}</a>`).join(" ")}</p>`;
}

/** The embed builder on the gallery page, pre-filled for a widget. */
export function builderLink(tag: string, fields: Record<string, string>): string {
  const q = new URLSearchParams({ tag, ...fields });
  return `/gallery/?${q}#builder`;
}

export const chartActions = (id: string, count: number, shown: number) =>
  actions([
    ["This as JSON", urls.ranking(id)],
    ["CSV", urls.ranking(id, { format: "csv" })],
    ["Vega-Lite", urls.chart(id)],
    ["PNG", urls.chart(id, { format: "png" })],
    ...(count > shown ? ([[`All ${count} ranked, as a table`, embedPath("ranking", id)]] as [string, string][]) : []),
    ["Embed this", builderLink("ml-employer-chart", { id })],
  ]);

export function sourcesList(sources: readonly Source[]): string {
  return `<ul class="sources">${sources
    .map(
      (s) => `<li>${sourceLink(s)}, ${esc(s.title)} (${esc(s.period)}) ${trust(s.trust)}${s.note ? `<br><span class="meta">${esc(s.note)}</span>` : ""}</li>`,
    )
    .join("")}</ul>`;
}

export { metricLabel };
