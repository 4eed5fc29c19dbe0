// The report: /report (title, key facts, contents, how to read) and /report/{section} (the article's question, its
// claims quoted beside the figures that bear on them, the section's charts, facts and comparisons, gaps, sources).
import {
  cardPath,
  claimBeside,
  datasetJsonLd,
  derivedNotes,
  embedPath,
  esc,
  kindNouns,
  notesHtml,
  SITE_CARD_ID,
  type Claim,
  type EntityKind,
  type FactResponse,
  type RankingResponse,
  type Section,
  type SectionResponse,
  type Source,
  urls,
} from "../../core/index";
import { openapi, type PageContext } from "./context";
import { actions, Anchors, builderLink, chartActions, claimHtml, figureTable, labelled, liveChart, sourcesList, statementHtml } from "./parts";
import { page } from "./shell";

export interface SectionSummary {
  id: string;
  title: string;
  question: string;
}

export const sectionPath = (id: string) => urls.report(id);

export async function sectionList(p: PageContext): Promise<SectionSummary[]> {
  return (await p.json<{ sections: SectionSummary[] }>(p.keys.list("sections"), "not-found", "list sections is missing")).sections;
}

export async function sourceMap(p: PageContext): Promise<Map<string, Source>> {
  const list = await p.json<{ sources: Source[] }>(p.keys.list("sources"), "not-found", "list sources is missing");
  return new Map(list.sources.map((s) => [s.id, s]));
}

const humanise = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/^ml\b/i, "ML")
    .toLowerCase()
    .replace(/^ml\b/, "ML");

async function facts(p: PageContext, ids: readonly string[]) {
  return Promise.all(
    ids.map(async (id) => ({
      fact: (await p.json<FactResponse>(p.keys.fact(id), "unknown-fact", `No fact "${id}".`)).fact,
      html: await p.fragment("fact", id),
    })),
  );
}

/** The figure a fact sets beside each article claim it answers, by the claim's text. */
function besideByClaim(list: Awaited<ReturnType<typeof facts>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const { fact } of list)
    for (const c of fact.claims) out.set(c.text, `${claimBeside(fact.figure)} <a href="#fig-${esc(fact.figure.id)}">See the figure</a>`);
  return out;
}

export async function sectionPage(p: PageContext, id: string): Promise<string> {
  const section = (await p.json<SectionResponse>(p.keys.section(id), "unknown-section", `No section "${id.slice(0, 80)}". See /report.`)).section;
  const [all, sources, meta, manifest] = await Promise.all([sectionList(p), sourceMap(p), p.snapshotMeta(), p.manifest()]);
  const index = all.findIndex((s) => s.id === section.id);
  const anchors = new Anchors();
  const factList = await facts(
    p,
    section.links.facts.map((l) => l.title),
  );
  const beside = besideByClaim(factList);
  const claim = (c: Claim) => claimHtml(c, beside.get(c.text) ?? "");
  const parts: string[] = [];

  parts.push(
    `<h1>${esc(section.title)}</h1>` +
      `<p class="lede">The article asks: <q>${esc(section.question)}</q> <span class="ml-employer-trust">article</span></p>` +
      `<p class="meta">Section ${index + 1} of ${all.length} of the report. The article's words are quoted and labelled as its claims; ` +
      `the figures beside them come from the sources named with each, official first. <a href="${urls.report(undefined, "how-to-read")}">How to read the figures</a>.</p>`,
  );

  const says = section.claims.map(claim).join("") + section.statements.map((st) => statementHtml(st, sources)).join("");
  const figs = figureTable({ caption: `Figures that bear on the section's claims`, rows: section.figures.map(labelled), sources, anchors });
  if (says || figs)
    parts.push(
      `<section aria-labelledby="says"><h2 id="says">What the article says, and the figures beside it</h2>${says}${figs ? `<h3>Figures that bear on these claims</h3>${figs}` : ""}</section>`,
    );

  if (section.records.length) {
    const recs = section.records.map((r) => {
      const fields = Object.entries(r.fields);
      const dl = fields.length
        ? `<dl class="fields">${fields.map(([k, v]) => `<dt>${esc(humanise(k))}</dt><dd>${esc(Array.isArray(v) ? v.join(", ") : v)}</dd>`).join("")}</dl>`
        : "";
      const mapping = r.mapping
        ? `<p class="meta"><strong>Project mapping, not a published classification:</strong> ${esc(r.mapping.note)}</p>` +
          (r.mapping.codes.length
            ? `<ul class="meta">${r.mapping.codes
                .map((code) => {
                  const text = `${esc(code.system)} ${esc(code.code)} ${esc(code.title)}`;
                  return `<li>${code.entity ? `<a href="${esc(urls.profilePage(code.entity.kind, code.entity.id))}">${text}</a>` : text}</li>`;
                })
                .join("")}</ul>`
            : "")
        : "";
      const links = r.entity
        ? actions([
            [`Profile of ${r.name}`, urls.profilePage(r.entity.kind, r.entity.id)],
            ["This as JSON", r.entity.href],
          ])
        : "";
      return (
        `<section class="card" aria-labelledby="rec-${esc(r.id)}"><h3 id="rec-${esc(r.id)}">${esc(r.name)}</h3>${dl}` +
        r.claims.map(claim).join("") +
        r.statements.map((st) => statementHtml(st, sources)).join("") +
        figureTable({ caption: `${r.name}: figures`, rows: r.figures.map(labelled), sources, anchors }) +
        mapping +
        links +
        `</section>`
      );
    });
    parts.push(`<section aria-labelledby="records"><h2 id="records">In detail</h2>${recs.join("")}</section>`);
  }

  if (factList.length)
    parts.push(
      `<section aria-labelledby="facts"><h2 id="facts">Key figures</h2>${factList
        .map(
          ({ fact, html }) =>
            `<div class="card"${anchors.take(fact.figure.id)}>${html}${actions([
              ["This as JSON", fact.links.self],
              ["Embed this", builderLink("ml-employer-fact", { id: fact.id })],
            ])}</div>`,
        )
        .join("")}</section>`,
    );

  const rankingIds = section.links.rankings.map((l) => l.title);
  if (rankingIds.length) {
    const charts = await Promise.all(
      rankingIds.map(async (rid) => {
        const r = (await p.json<RankingResponse>(p.keys.ranking(rid), "unknown-ranking", `No ranking "${rid}".`)).ranking;
        const fragment = await p.fragment("chart", rid);
        const shown = Math.min(r.items.length, 20);
        const derived = derivedNotes(r.items);
        const made = derived.length ? notesHtml([], derived) : "";
        return `<section class="card" aria-labelledby="chart-${esc(rid)}"><h3 id="chart-${esc(rid)}">${esc(r.title)}</h3>${liveChart(rid, fragment)}${made}${chartActions(rid, r.items.length, shown)}</section>`;
      }),
    );
    parts.push(`<section aria-labelledby="charts"><h2 id="charts">Rankings and charts</h2>${charts.join("")}</section>`);
  }

  const compareKinds = new Map(manifest.compare.map((k) => [k.kind as string, k]));
  const comparable = section.links.comparisons.map((l) => compareKinds.get(l.title)).filter((k) => k !== undefined);
  if (comparable.length) {
    const blocks = await Promise.all(comparable.map((k) => comparison(p, k.kind, k.ids)));
    parts.push(`<section aria-labelledby="compare"><h2 id="compare">Comparisons</h2>${blocks.join("")}</section>`);
  }

  if (section.gaps.length)
    parts.push(
      `<section aria-labelledby="gaps"><h2 id="gaps">What no published figure covers</h2><ul>${section.gaps.map((g) => `<li>${esc(g)}</li>`).join("")}</ul></section>`,
    );

  parts.push(
    `<section aria-labelledby="sources"><h2 id="sources">Sources</h2>${sourcesList(section.sources)}` +
      actions([["This section as JSON", section.links.self]]) +
      `</section>`,
  );

  const prev = all[index - 1];
  const next = all[index + 1];
  parts.push(
    `<nav class="pager" aria-label="Sections">` +
      (prev ? `<a href="${sectionPath(prev.id)}" rel="prev">← ${esc(prev.title)}</a>` : `<a href="${urls.report()}">← The report</a>`) +
      (next ? `<a href="${sectionPath(next.id)}" rel="next">${esc(next.title)} →</a>` : `<a href="${urls.report()}">The report →</a>`) +
      `</nav>`,
  );

  const card = rankingIds[0] ? cardPath("chart", rankingIds[0]) : factList[0] ? cardPath("fact", factList[0].fact.id) : cardPath("site", SITE_CARD_ID);
  const figureCount = section.figures.length + section.records.reduce((n, r) => n + r.figures.length, 0);
  const claimCount = section.claims.length + section.records.reduce((n, r) => n + r.claims.length, 0);
  const description =
    `${section.question} The article's ${claimCount} ${claimCount === 1 ? "claim" : "claims"}, quoted, beside ${figureCount} sourced ${figureCount === 1 ? "figure" : "figures"}` +
    `${rankingIds.length ? ` and ${rankingIds.length} ${rankingIds.length === 1 ? "ranking" : "rankings"}` : ""}, each with its period and trust label.`;
  return page({
    origin: p.origin,
    path: sectionPath(section.id),
    title: section.title,
    description,
    card,
    cardAlt: `Social card of ${section.title}`,
    crumbs: [{ title: "Report", href: urls.report() }, { title: section.title }],
    jsonLd: sectionDataset(p, section, rankingIds, meta),
    main: `<article>${parts.join("")}</article>`,
    snapshot: meta,
  });
}

function sectionDataset(p: PageContext, section: Section, rankingIds: readonly string[], meta: { id: string; builtAt: string }) {
  const periods = [...section.figures, ...section.records.flatMap((r) => r.figures)].map((f) => f.period);
  return datasetJsonLd({
    name: `${section.title} — ML Employer Atlas`,
    description: `${section.question} The article's claims beside the official and other sourced figures that bear on them.`,
    url: p.origin + sectionPath(section.id),
    sources: section.sources,
    periods,
    distribution: [
      { url: p.origin + section.links.self, format: "application/json" as const },
      ...rankingIds.flatMap((id) => [
        { url: p.origin + urls.ranking(id), format: "application/json" as const },
        { url: p.origin + urls.ranking(id, { format: "csv" }), format: "text/csv" as const },
      ]),
    ],
    snapshot: meta,
    license: openapi.info.license,
  });
}

/** A comparable kind: an example comparison as its fragment shows it, and a form to compare any two (no script needed). */
async function comparison(p: PageContext, kind: EntityKind, ids: readonly string[]): Promise<string> {
  const [a, b] = [ids[0]!, ids[1]!];
  const list = await p.json<{ entities: { id: string; name: string }[] }>(p.keys.entityList(kind), "unknown-kind", `No kind "${kind}".`);
  const names = new Map(list.entities.map((e) => [e.id, e.name]));
  const options = (selected: string) =>
    ids.map((id) => `<option value="${esc(id)}"${id === selected ? " selected" : ""}>${esc(names.get(id) ?? id)}</option>`).join("");
  const noun = kindNouns[kind];
  const fragment = await p.fragment("compare", kind, { a, b });
  return (
    `<section class="card" aria-labelledby="cmp-${kind}"><h3 id="cmp-${kind}">Compare ${esc(noun.plural)}</h3>` +
    `<form class="compare-form" action="${embedPath("compare", kind)}" method="get">` +
    `<label>First ${esc(noun.singular)} <select name="a">${options(a)}</select></label>` +
    `<label>Second ${esc(noun.singular)} <select name="b">${options(b)}</select></label>` +
    `<button type="submit">Compare</button></form>` +
    `<p class="meta">For example:</p>${fragment}` +
    actions([
      ["This as JSON", urls.compare(kind, { a, b })],
      ["Embed this", builderLink("ml-employer-compare", { kind, a, b })],
    ]) +
    `</section>`
  );
}
