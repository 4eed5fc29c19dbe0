// The one page shell of the reader pages (front door, report, profiles): head with canonical URL, social card and
// JSON-LD, the site's navigation and finder, and a footer naming the snapshot. Script-free; widgets.js enhances.
import { ATLAS_NAME, esc, jsonLdText, paths, urls } from "../../core/index";

export const SITE_CSS_PATH = "/site.css";

export interface PageInput {
  origin: string;
  /** Path of the page (its canonical URL is origin + path). */
  path: string;
  title: string;
  /** og:description and meta description: the page's generated summary. */
  description: string;
  /** Path of the page's social card (a PNG rendered at build time). */
  card: string;
  cardAlt: string;
  jsonLd?: unknown;
  /** Breadcrumb trail above the page, each with an href except the page itself. */
  crumbs?: readonly { title: string; href?: string }[];
  main: string;
  snapshot: { id: string; builtAt: string };
  /** The finder's query, echoed into its search box. */
  query?: string;
}

const NAV: readonly [string, string][] = [
  [paths.front, "Home"],
  [urls.report(), "Report"],
  [urls.profilePage(), "Profiles"],
  ["/gallery/", "Widgets and embed builder"],
  [urls.index(), "API"],
];

/** The finder: a plain GET form, so it works without script. */
export function finderForm(query = "", id = "finder-q"): string {
  return (
    `<form class="finder" role="search" action="${urls.profilePage()}" method="get">` +
    `<label for="${id}">Find a state, metro, industry or occupation</label> ` +
    `<input id="${id}" name="q" type="search" value="${esc(query)}" autocomplete="off" spellcheck="false"> ` +
    `<button type="submit">Find</button></form>`
  );
}

export function page(p: PageInput): string {
  const canonical = p.origin + p.path;
  const title = p.path === "/" ? `${ATLAS_NAME}: who hires machine-learning graduates` : `${p.title} · ${ATLAS_NAME}`;
  const nav = NAV.map(([href, label]) => `<a href="${href}"${href === p.path ? ' aria-current="page"' : ""}>${esc(label)}</a>`).join(" ");
  const crumbs = p.crumbs?.length
    ? `<nav class="crumbs" aria-label="Breadcrumb"><ol>${p.crumbs
        .map((c) => `<li>${c.href ? `<a href="${esc(c.href)}">${esc(c.title)}</a>` : `<span aria-current="page">${esc(c.title)}</span>`}</li>`)
        .join("")}</ol></nav>`
    : "";
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title>` +
    `<meta name="description" content="${esc(p.description)}">` +
    `<link rel="canonical" href="${esc(canonical)}">` +
    `<meta property="og:site_name" content="${ATLAS_NAME}"><meta property="og:type" content="${p.path === "/" ? "website" : "article"}">` +
    `<meta property="og:title" content="${esc(p.title)}"><meta property="og:description" content="${esc(p.description)}">` +
    `<meta property="og:url" content="${esc(canonical)}"><meta property="og:image" content="${esc(p.origin + p.card)}">` +
    `<meta property="og:image:type" content="image/png"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">` +
    `<meta property="og:image:alt" content="${esc(p.cardAlt)}"><meta name="twitter:card" content="summary_large_image">` +
    `<link rel="icon" href="data:,"><link rel="stylesheet" href="${SITE_CSS_PATH}">` +
    `<script type="module" src="/widgets.js"></script>` +
    (p.jsonLd ? `<script type="application/ld+json">${jsonLdText(p.jsonLd)}</script>` : "") +
    `</head><body><a class="skip" href="#main">Skip to content</a>` +
    `<header class="site"><nav class="site-nav" aria-label="Site">${nav}</nav>${finderForm(p.query)}</header>` +
    `<main id="main">${crumbs}${p.main}</main>` +
    `<footer class="site"><p>${ATLAS_NAME} · snapshot ${esc(p.snapshot.id)}, built ${esc(p.snapshot.builtAt.slice(0, 10))} · ` +
    `<a href="${urls.sources()}">every source</a> · <a href="${paths.openapi}">OpenAPI</a> · <a href="${esc(canonical)}">${esc(canonical)}</a></p></footer>` +
    `</body></html>`
  );
}

/** Reader pages may run the widgets (same origin) and nothing else. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/** Layout, the enhancement swap and the print handout, after the fragments' own stylesheet. */
export const SITE_CSS = `
body{max-width:62rem;margin:0 auto;padding:0 16px 48px;font-size:16px;line-height:1.5}
.skip{position:absolute;left:-9999px;top:0}.skip:focus{left:8px;top:8px;background:light-dark(#fff,#161a1f);padding:4px 8px;z-index:1}
header.site{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center;justify-content:space-between;padding:12px 0;border-bottom:1px solid light-dark(#d7dce2,#3a434d)}
.site-nav a{margin-inline-end:12px;display:inline-block;padding:4px 0}
.site-nav a[aria-current]{font-weight:700}
.finder{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.finder label{font-size:.9em}
input,select,button{font:inherit;color:inherit;background:light-dark(#fff,#1d232b);border:1px solid light-dark(#6b7580,#8a939d);border-radius:4px;padding:4px 8px;min-height:32px;max-width:100%}
button{cursor:pointer}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid light-dark(#1f5fa8,#8cc4ff);outline-offset:2px}
h1{font-size:1.9em;line-height:1.2;margin:20px 0 8px}h2{margin-top:36px;font-size:1.4em}h3{margin-top:24px;font-size:1.15em}
.crumbs ol{list-style:none;margin:12px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px;font-size:.9em}
.crumbs li+li::before{content:"›";margin-inline-end:4px}
.lede{font-size:1.1em}
.muted,.meta{color:light-dark(#4f5a66,#aab4be)}
.meta{font-size:.9em}
.claim{margin:12px 0;padding:8px 12px;border-inline-start:4px solid light-dark(#8a939d,#5d6873);background:light-dark(#f4f6f8,#1d232b)}
.ml-employer-trust{white-space:nowrap}
.claim p{margin:0}.claim blockquote{margin:0;padding:0;border:0}
.claim footer{margin-top:4px}
.card{border:1px solid light-dark(#d7dce2,#3a434d);border-radius:6px;padding:12px 14px;margin:16px 0}
.table-wrap{overflow-x:auto}
.figures td,.figures th{vertical-align:top}
.figures thead th,.figures td:nth-child(n+3){text-align:start}.figures thead th:nth-child(2){text-align:end}
.figures tbody th{min-width:12em}
.figures .note{display:block;font-size:.85em}
.actions{font-size:.9em;margin:6px 0 0}
.actions a{margin-inline-end:10px}
.toc{padding-inline-start:1.4em}.toc li{margin:8px 0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,18rem),1fr));gap:12px}
.pager{display:flex;justify-content:space-between;gap:12px;flex-wrap:wrap;margin:28px 0}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}dl.fields dt{font-weight:600}dl.fields dd{margin:0}
.compare-form{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:8px 0}
.compare-form label{display:flex;flex-direction:column;font-size:.9em;max-width:100%}
.results li,main ul li{margin:6px 0}
footer.site{margin-top:48px;padding-top:12px;border-top:1px solid light-dark(#d7dce2,#3a434d);font-size:.9em}
ml-employer-chart{display:block;margin:16px 0}
.ml-employer-svg svg{width:100%;max-width:44rem}
.card .live .static figcaption>strong,.card .live .static figcaption>strong+br{display:none}
ml-employer-chart:not(:defined){display:none}
.live:has(>ml-employer-chart:defined)>.static{display:none}
@media print{
:root{color-scheme:light}
body{max-width:none;padding:0;font-size:10.5pt;color:#000;background:#fff}
.skip,header.site,.crumbs,.actions,.pager,.finder,.compare-form,.no-print{display:none!important}
ml-employer-chart{display:none!important}
.live>.static{display:block!important}
h1,h2,h3{break-after:avoid}
tr,blockquote,.claim,li,svg,.ml-employer-value{break-inside:avoid}
thead{display:table-header-group}
details::details-content{content-visibility:visible;display:contents}
details>summary{list-style:none;font-weight:600}
main a[href^="http"]::after,main a[href^="/"]::after{content:" <" attr(href) ">";font-size:.85em;overflow-wrap:anywhere;color:#333}
.ml-employer-svg svg{max-height:14cm;width:auto}
.card{border-color:#999}
footer.site{border-color:#999}
}
`;
