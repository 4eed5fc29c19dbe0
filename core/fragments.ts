// Script-free HTML for readers without JavaScript: the same titles, figures, sources and trust labels the
// elements show, as a self-contained fragment (for <noscript>, CMSs that strip scripts) or a whole page (iframes, oEmbed).
import { citationAt } from "./cite";
import type { ChartEmbed, ComparisonPayload, EmbedCitation, EmbedGap, EmbedSource, FactPayload, ProfilePayload, RankingPayload } from "./embed";
import { formatFigure, formatValue } from "./format";
import { metricLabel } from "./metrics";
import * as urls from "./urls";
import type { EmbedTheme, FragmentKind } from "./urls";
import { CAUTION_MARK, cautionTitle, derivedNotes, gapsHeading, markNotes, type MarkedFigure } from "./notes";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text and attribute values never become markup. */
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** Only http(s) links are kept; anything else is shown as plain text. */
const httpUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

// The embed kinds and themes are core/urls.ts's; widgets reach them through this module.
export type { EmbedTheme, FragmentKind } from "./urls";

interface Links {
  csv?: string;
  json?: string;
}

/** Everything a fragment needs besides its payload: the absolute origin links are resolved against. */
export interface FragmentContext {
  origin: string;
}

/** "Cite this": a closed disclosure with the citation as plain text and as BibTeX, its URL absolute. */
export function citeHtml(citation: EmbedCitation | undefined, origin: string): string {
  if (!citation) return "";
  const c = citationAt(citation, origin);
  return `<details class="ml-employer-cite"><summary>Cite this</summary><p>${esc(c.text)}</p><p>BibTeX:</p><pre>${esc(c.bibtex)}</pre></details>`;
}

function footer(sources: readonly EmbedSource[], snapshot: { id: string; builtAt: string }, links: Links, ctx: FragmentContext, citation?: EmbedCitation) {
  const lines = sources.map((s) => {
    const url = httpUrl(s.url);
    const org = url ? `<a href="${esc(url)}" rel="noopener noreferrer">${esc(s.organisation)}</a>` : esc(s.organisation);
    return `<li>Source: ${org}, ${esc(s.title)} (${esc(s.period)}) <span class="ml-employer-trust">${esc(s.trust)}</span></li>`;
  });
  const downloads = [
    links.csv ? `<a href="${esc(ctx.origin + links.csv)}">CSV</a>` : "",
    links.json ? `<a href="${esc(ctx.origin + links.json)}">JSON</a>` : "",
  ].filter(Boolean);
  const snap = `Snapshot ${esc(snapshot.id)}, built ${esc(snapshot.builtAt.slice(0, 10))}`;
  const dl = downloads.length ? ` · Download ${downloads.join(" · ")}` : "";
  const by = ` · <a href="${esc(ctx.origin)}/">ML Employer Atlas</a>`;
  return `<footer><ul>${lines.join("")}</ul><p>${snap}${dl}${by}</p>${citeHtml(citation, ctx.origin)}</footer>`;
}

/** A value as the elements show it: bound as ≥, hedge kept, and the caution mark with its reason as its name. */
export function valueHtml(f: MarkedFigure): string {
  const mark = f.reliability
    ? ` <span class="ml-employer-caution" role="img" aria-label="${esc(cautionTitle(f.prse))}" title="${esc(cautionTitle(f.prse))}">${CAUTION_MARK}</span>`
    : "";
  return `${esc(formatFigure(f))}${mark}`;
}

/** What the marks mean, how the atlas made what it made, and who is left out and why. */
export function notesHtml(figures: readonly MarkedFigure[], derived: string[], gaps: readonly EmbedGap[] = []): string {
  const marks = markNotes(figures)
    .map((n) => `<p>${esc(n)}</p>`)
    .join("");
  const made = derived.length
    ? `<p>Mapped or computed by the atlas, not published as such:</p><ul>${derived.map((d) => `<li>${esc(d)}</li>`).join("")}</ul>`
    : "";
  const left = gaps.length
    ? `<details><summary>${esc(gapsHeading(gaps.length))}</summary><ul>${gaps.map((g) => `<li>${esc(g.name)}: ${esc(g.reason)}</li>`).join("")}</ul></details>`
    : "";
  return marks || made || left ? `<div class="ml-employer-notes">${marks}${made}${left}</div>` : "";
}

const wrap = (kind: FragmentKind, id: string, body: string) =>
  `<figure class="ml-employer-fragment" data-ml-employer="${kind}" data-id="${esc(id)}">${body}</figure>`;

export function chartFragment(e: ChartEmbed, ctx: FragmentContext): string {
  const c = e.chart;
  const figs = e.rows.map((r) => ({ ...r, unit: c.unit }));
  const rows = figs.map((r) => `<tr><td>${esc(r.rank)}</td><th scope="row">${esc(r.name)}</th><td>${valueHtml(r)}</td></tr>`).join("");
  return wrap(
    "chart",
    c.id,
    `<figcaption><strong>${esc(c.title)}</strong><br>${esc(c.summary)}</figcaption>` +
      `<div class="ml-employer-svg" role="img" aria-label="${esc(`${c.title}. ${c.summary}`)}">${e.svg}</div>` +
      `<table><caption>${esc(c.title)}</caption><thead><tr><th scope="col">Rank</th><th scope="col">Name</th><th scope="col">${esc(c.valueLabel)}</th></tr></thead><tbody>${rows}</tbody></table>` +
      notesHtml(figs, [], c.gaps) +
      footer(c.sources, e.snapshot, { csv: e.links.csv, json: e.links.json }, ctx, e.citation),
  );
}

export function rankingFragment(p: RankingPayload, ctx: FragmentContext): string {
  const r = p.ranking;
  const rows = r.items.map((it) => `<tr><td>${esc(it.rank)}</td><th scope="row">${esc(it.name)}</th><td>${valueHtml(it.figure)}</td></tr>`).join("");
  return wrap(
    "ranking",
    r.id,
    `<figcaption><strong>${esc(r.title)}</strong><br>${esc(r.summary)}</figcaption>` +
      `<table><caption>${esc(r.title)}</caption><thead><tr><th scope="col">Rank</th><th scope="col">Name</th><th scope="col">Value</th></tr></thead><tbody>${rows}</tbody></table>` +
      notesHtml(
        r.items.map((it) => it.figure),
        derivedNotes(r.items),
        r.gaps,
      ) +
      footer(r.sources, p.snapshot, { csv: r.links.csv, json: r.links.self }, ctx, p.citation),
  );
}

export const comparisonTitle = (c: ComparisonPayload["comparison"]) => `${c.a.name} and ${c.b.name}`;

/** A comparison row's label: the metric and the period of its figures ("Median annual wage, May 2025"); a metric
 *  whose label names its period already ("Employment, May 2021") is not given it twice. */
export const differenceLabel = (d: { metric: string; period?: string }) => {
  const label = metricLabel(d.metric);
  return d.period && !label.endsWith(d.period) ? `${label}, ${d.period}` : label;
};

/** Each difference with the two figures it compares (their bounds, marks and notes), as the elements show them. */
export function comparedFigures(c: ComparisonPayload["comparison"]) {
  return c.differences.map((d) => ({
    d,
    a: { ...(c.a.figures[d.metric] ?? { value: d.a }), unit: d.unit },
    b: { ...(c.b.figures[d.metric] ?? { value: d.b }), unit: d.unit },
  }));
}

export function comparisonFragment(p: ComparisonPayload, ctx: FragmentContext, self: string): string {
  const c = p.comparison;
  const title = comparisonTitle(c);
  const figs = comparedFigures(c);
  const rows = figs
    .map(
      ({ d, a, b }) =>
        `<tr><th scope="row">${esc(differenceLabel(d))}</th><td>${valueHtml(a)}</td><td>${valueHtml(b)}</td>` +
        `<td>${d.ratio === null ? "–" : `${esc(formatValue(d.ratio, "ratio"))}×`}</td></tr>`,
    )
    .join("");
  const gaps = (c.gaps ?? []).map((g) => ({ id: g.missing, name: `${g.name}, ${metricLabel(g.metric)}`, reason: g.reason }));
  const derived = figs.flatMap(({ d, a, b }) => [
    ...derivedNotes([
      { name: `${c.a.name}, ${metricLabel(d.metric)}`, figure: a },
      { name: `${c.b.name}, ${metricLabel(d.metric)}`, figure: b },
    ]),
  ]);
  const none = c.differences.length === 0 ? "<p>These two have no figure in common.</p>" : "";
  return wrap(
    "compare",
    `${c.kind}:${c.a.id}:${c.b.id}`,
    `<figcaption><strong>${esc(title)}</strong></figcaption>` +
      `<table><caption>${esc(title)}: figures side by side</caption><thead><tr><th scope="col">Figure</th><th scope="col">${esc(c.a.name)}</th><th scope="col">${esc(c.b.name)}</th><th scope="col">Ratio</th></tr></thead><tbody>${rows}</tbody></table>` +
      none +
      notesHtml(
        figs.flatMap(({ a, b }) => [a, b]),
        derived,
        gaps,
      ) +
      footer(c.sources, p.snapshot, { json: self }, ctx, p.citation),
  );
}

export function factFragment(p: FactPayload, ctx: FragmentContext): string {
  const f = p.fact;
  const fmt = (fig: FactPayload["fact"]["figure"]) => valueHtml(fig);
  const beside = f.beside.length
    ? `<ul>${f.beside.map((b) => `<li><strong>${fmt(b)}</strong> ${esc(b.label)} <span class="ml-employer-trust">${esc(b.trust)}</span></li>`).join("")}</ul>`
    : "";
  const claims = f.claims.map((c) => `<blockquote>“${esc(c.text)}” <span class="ml-employer-trust">${esc(c.trust)}</span></blockquote>`).join("");
  return wrap(
    "fact",
    f.id,
    `<figcaption><strong>${esc(f.title)}</strong></figcaption>` +
      `<p class="ml-employer-value">${fmt(f.figure)}</p>` +
      `<p>${esc(f.figure.label)} <span class="ml-employer-trust">${esc(f.figure.trust)}</span> · ${esc(f.figure.period)}</p>` +
      beside +
      claims +
      `<p>${esc(f.text)}</p>` +
      notesHtml([f.figure, ...f.beside], derivedNotes([f.figure, ...f.beside].map((x) => ({ name: x.label, figure: x })))) +
      footer(f.sources, p.snapshot, { json: f.links.self }, ctx, p.citation),
  );
}

export const profileTitle = (p: ProfilePayload["profile"]) => `${p.name}: ${p.noun.toLowerCase()} profile`;

/** "Metro area: 4 of its 5 figures, with rank among its kind and the U.S. figure where one exists." */
export const profileLede = (p: ProfilePayload["profile"], shown: number) =>
  `${p.noun}: ${shown === p.rows.length ? `its ${shown} ${shown === 1 ? "figure" : "figures"}` : `${shown} of its ${p.rows.length} figures`}, with rank among its kind and the U.S. figure where one exists.`;

/** The rows of the compact card: the ranked figures, else those with a national figure beside them, else all. */
export const headlineRows = (p: ProfilePayload["profile"]) => {
  const ranked = p.rows.filter((r) => r.headline);
  if (ranked.length) return ranked;
  const national = p.rows.filter((r) => r.national);
  return national.length ? national : p.rows;
};

/** " (May 2024, official)": the period and trust label after the U.S. figure under a profile value. */
export const nationalLine = (n: { period: string; trust: string }) => ` (${n.period}, ${n.trust})`;

export function profileFragment(p: ProfilePayload, ctx: FragmentContext): string {
  const pr = p.profile;
  const rows = headlineRows(pr);
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.label)} <br><span class="ml-employer-trust">${esc(r.figure.trust)}</span> ${esc(r.figure.period)}` +
        `${r.rank ? ` <br>${esc(r.rank.phrase)}` : ""}</th>` +
        `<td>${valueHtml(r.figure)}${r.national ? ` <br>U.S.: ${valueHtml(r.national)}${esc(nationalLine(r.national))}` : ""}</td></tr>`,
    )
    .join("");
  const figs = rows.flatMap((r) => [r.figure, ...(r.national ? [r.national] : [])]);
  return wrap(
    "profile",
    `${pr.kind}:${pr.id}`,
    `<figcaption><strong>${esc(pr.name)}</strong><br>${esc(profileLede(pr, rows.length))} <a href="${esc(ctx.origin + pr.links.page)}">Full profile</a></figcaption>` +
      `<table><caption>${esc(profileTitle(pr))}</caption><thead><tr><th scope="col">Figure, period, rank</th><th scope="col">Value (U.S., all industries)</th></tr></thead><tbody>${body}</tbody></table>` +
      notesHtml(figs, derivedNotes(rows.map((r) => ({ name: r.label, figure: r.figure }))), pr.gaps) +
      footer(pr.sources, p.snapshot, { json: pr.links.self }, ctx),
  );
}

/** Iframe heights that fit each kind without scrolling at common widths (the pages are fluid in width). */
export const embedHeights: Record<FragmentKind, number> = { chart: 760, ranking: 640, compare: 520, fact: 420, profile: 620 };

/** The path of the script-free page of a widget (core/urls.ts owns it; widgets import it from here). */
export const embedPath = urls.embed;

/** The stylesheet of embed pages, served from the API origin so that the page's CSP needs no inline styles. */
export const EMBED_CSS = `:root{color-scheme:light dark}
:root.light{color-scheme:light}:root.dark{color-scheme:dark}
body{margin:0;padding:12px 14px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:light-dark(#1d232b,#e6e9ee);background:light-dark(#fff,#161a1f)}
figure{margin:0}figcaption{margin-bottom:8px}figcaption strong{font-size:1.15em}
a{color:light-dark(#1f5fa8,#8cc4ff)}
.ml-employer-svg svg{display:block;max-width:100%;height:auto}
.ml-employer-svg svg>rect{fill:transparent}
.ml-employer-svg svg text{fill:light-dark(#1d232b,#e6e9ee)}
.ml-employer-svg svg .role-axis-domain path,.ml-employer-svg svg .role-axis-tick path,.ml-employer-svg svg .background{stroke:light-dark(#8a939d,#5d6873)}
.ml-employer-svg svg .role-axis-grid line,.ml-employer-svg svg .role-axis-grid path{stroke:light-dark(#e3e6ea,#2c333b)}
.ml-employer-svg svg .role-axis-tick line{stroke:light-dark(#8a939d,#5d6873)}
.ml-employer-svg svg .role-mark path{fill:light-dark(#3b6ea5,#6fa8dc)}
table{border-collapse:collapse;width:100%;margin-top:10px;font-variant-numeric:tabular-nums}
caption{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
tbody th{font-weight:normal}
th,td{text-align:start;padding:3px 6px;border-bottom:1px solid light-dark(#e3e6ea,#2c333b)}
td{text-align:end}thead th:not(:nth-child(2)){text-align:end}
[data-ml-employer=compare] thead th:first-child{text-align:start}
footer{margin-top:10px;font-size:.85em;color:light-dark(#4f5a66,#aab4be)}footer ul{margin:0;padding:0;list-style:none}footer p{margin:4px 0 0}
.ml-employer-cite{margin-top:4px}.ml-employer-cite summary{cursor:pointer}.ml-employer-cite p{overflow-wrap:anywhere}
.ml-employer-cite pre{margin:4px 0 0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:1em}
.ml-employer-trust{border:1px solid currentColor;border-radius:3px;padding:0 4px;font-size:.9em}
.ml-employer-value{font-size:2.2em;font-weight:700;margin:4px 0}
.ml-employer-notes{margin-top:8px;font-size:.9em}.ml-employer-notes p{margin:4px 0}.ml-employer-notes ul{margin:4px 0;padding-inline-start:18px}
.ml-employer-caution{cursor:help}
blockquote{margin:8px 0;padding-inline-start:10px;border-inline-start:3px solid light-dark(#d7dce2,#3a434d)}
`;

/** What a social site shows for a page: its canonical URL, the generated summary and a PNG card (absolute URLs). */
export interface SocialCard {
  url: string;
  description: string;
  image: string;
}

/** Open Graph and Twitter card tags. */
export function socialMeta(title: string, s: SocialCard): string {
  return (
    `<meta name="description" content="${esc(s.description)}"><link rel="canonical" href="${esc(s.url)}">` +
    `<meta property="og:site_name" content="ML Employer Atlas"><meta property="og:type" content="article">` +
    `<meta property="og:title" content="${esc(title)}"><meta property="og:description" content="${esc(s.description)}">` +
    `<meta property="og:url" content="${esc(s.url)}"><meta property="og:image" content="${esc(s.image)}">` +
    `<meta property="og:image:type" content="image/png"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">` +
    `<meta name="twitter:card" content="summary_large_image">`
  );
}

/** A whole script-free page around a fragment, for iframes; it advertises its oEmbed endpoint and its social card. */
export function embedPage(o: { title: string; fragment: string; theme: EmbedTheme; oembed: string; css: string; social?: SocialCard }): string {
  return (
    `<!doctype html><html lang="en" class="${o.theme}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(o.title)} · ML Employer Atlas</title><link rel="icon" href="data:,">` +
    (o.social ? socialMeta(o.title, o.social) : "") +
    `<link rel="stylesheet" href="${esc(o.css)}">` +
    `<link rel="alternate" type="application/json+oembed" href="${esc(o.oembed)}" title="${esc(o.title)}">` +
    `</head><body>${o.fragment}</body></html>`
  );
}

/** Content-Security-Policy of embed pages: no script at all, styles and nothing else from the API origin. */
export const EMBED_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
