// "Cite this": the one place a citation is written, as plain text and as BibTeX, for a chart, ranking, comparison
// or fact. No zod, and of ours only the URL builders (core/urls.ts), so the widgets can use it too.
import * as urls from "./urls";

/** What a body's `citation` holds. `url` is the resource pinned to its snapshot, relative to the API's origin
 *  like every link in a body; `text` and `bibtex` carry the same path (see `citationAt`). */
export interface CitationForms {
  text: string;
  bibtex: string;
  url: string;
}

/** The kinds of resource that offer a citation. */
export type CitedKind = "chart" | "ranking" | "compare" | "fact";

/** A source as the citation names it. */
export interface CitedSource {
  organisation: string;
  title: string;
  url: string | null;
  period: string;
}

export interface CitationInput {
  kind: CitedKind;
  /** The resource's id; a comparison's is "{kind}-{a}-{b}". */
  id: string;
  title: string;
  /** The resource's path without a query ("/api/v1/rankings/x") or with one ("/api/v1/compare/metros?a=…&b=…"). */
  path: string;
  sources: readonly CitedSource[];
  /** The reference periods of the figures shown, in any order, repeats allowed. */
  periods: readonly string[];
  snapshot: string;
}

export const CITATION_PUBLISHER = "ML Employer Atlas";
/** What the reader replaces with the day they read the resource. */
export const ACCESSED_PLACEHOLDER = "[date]";

const NOUNS: Record<CitedKind, string> = { chart: "Chart", ranking: "Ranking", compare: "Comparison", fact: "Key figure" };

/** The resource's path with `snapshot={id}` added to its query. */
export function pinnedPath(path: string, snapshot: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}snapshot=${snapshot}`;
}

/** Unique periods, sorted: what "Figures for …" lists. */
export function citedPeriods(periods: readonly string[]): string[] {
  return [...new Set(periods)].sort();
}

const BIBTEX_ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  _: "\\_",
  $: "\\$",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};
/** Text as a BibTeX field's content: every character TeX or BibTeX would read as markup written as itself. */
export const bibtexEscape = (s: string) => s.replace(/[\\{}%&#_$~^]/g, (ch) => BIBTEX_ESCAPES[ch]!);

/** A URL for a BibTeX `url` field (read verbatim): only what would unbalance the field's braces is percent-encoded. */
const bibtexUrl = (url: string) => url.replace(/[{}\\\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);

/** A BibTeX key: letters, digits and hyphens only. */
export const bibtexKey = (kind: CitedKind, id: string, snapshot: string) => `atlas-${kind}-${id}-${snapshot}`.replace(/[^A-Za-z0-9]+/g, "-");

const sourceText = (s: CitedSource) => `${s.organisation}, ${s.title} (${s.period})${s.url ? `, ${s.url}` : ""}`;

/** The figures' periods and the sources, as the plain text and the BibTeX note both say them. */
const provenance = (c: CitationInput) => {
  const periods = citedPeriods(c.periods);
  return `Figures for ${periods.join("; ")}. ${c.sources.length === 1 ? "Source" : "Sources"}: ${c.sources.map(sourceText).join("; ")}.`;
};

export function citation(c: CitationInput): CitationForms {
  const url = pinnedPath(c.path, c.snapshot);
  const noun = NOUNS[c.kind];
  const text = `${CITATION_PUBLISHER}, “${c.title}” (${noun.toLowerCase()}, snapshot ${c.snapshot}). ${provenance(c)} ${url} (accessed ${ACCESSED_PLACEHOLDER}).`;
  const bibtex = [
    `@misc{${bibtexKey(c.kind, c.id, c.snapshot)},`,
    `  author = {{${bibtexEscape(CITATION_PUBLISHER)}}},`,
    `  title = {{${bibtexEscape(c.title)}}},`,
    `  howpublished = {${bibtexEscape(`${noun}, snapshot ${c.snapshot}`)}},`,
    `  url = {${bibtexUrl(url)}},`,
    `  note = {${bibtexEscape(provenance(c))} Accessed: },`,
    `}`,
  ].join("\n");
  return { text, bibtex, url };
}

/** The citation with its pinned path made absolute against the origin the reader sees (fragments, elements). */
export function citationAt(c: CitationForms, origin: string): CitationForms {
  if (!c.url.startsWith("/")) return c;
  const url = origin.replace(/\/+$/, "") + c.url;
  return { text: c.text.split(c.url).join(url), bibtex: c.bibtex.split(bibtexUrl(c.url)).join(bibtexUrl(url)), url };
}

interface PeriodFigure {
  period: string;
}

/** A ranking's citation: its title, sources and the periods of its items. */
export const rankingCitation = (
  r: { id: string; title: string; sources: readonly CitedSource[]; items: readonly { figure: PeriodFigure }[] },
  snapshot: string,
) =>
  citation({
    kind: "ranking",
    id: r.id,
    title: r.title,
    path: urls.ranking(r.id),
    sources: r.sources,
    periods: r.items.map((it) => it.figure.period),
    snapshot,
  });

/** A chart's citation: its title (as shown, "top 20 of …" included) and the periods of the rows it draws. */
export const chartCitation = (c: { id: string; title: string; sources: readonly CitedSource[] }, shown: readonly PeriodFigure[], snapshot: string) =>
  citation({ kind: "chart", id: c.id, title: c.title, path: urls.chart(c.id), sources: c.sources, periods: shown.map((f) => f.period), snapshot });

/** A comparison's citation: both entities' figures (every period either has) and the sources of both. */
export const comparisonCitation = (
  c: {
    kind: string;
    a: { id: string; name: string; figures: Record<string, PeriodFigure> };
    b: { id: string; name: string; figures: Record<string, PeriodFigure> };
    sources: readonly CitedSource[];
  },
  snapshot: string,
) =>
  citation({
    kind: "compare",
    id: `${c.kind}-${c.a.id}-${c.b.id}`,
    title: `${c.a.name} and ${c.b.name}`,
    path: urls.compare(c.kind, { a: c.a.id, b: c.b.id }),
    sources: c.sources,
    periods: [...Object.values(c.a.figures), ...Object.values(c.b.figures)].map((f) => f.period),
    snapshot,
  });

/** A fact's citation: its figure and the figures set beside it. */
export const factCitation = (
  f: { id: string; title: string; figure: PeriodFigure; beside: readonly PeriodFigure[]; sources: readonly CitedSource[] },
  snapshot: string,
) =>
  citation({
    kind: "fact",
    id: f.id,
    title: f.title,
    path: urls.fact(f.id),
    sources: f.sources,
    periods: [f.figure, ...f.beside].map((x) => x.period),
    snapshot,
  });
