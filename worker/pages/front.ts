// The front door (/) and the report's index (/report): what the atlas is, the key facts, the twelve sections, how to
// read trust labels, bounds, gaps and reliability marks, and every source.
import {
  ATLAS_DESCRIPTION,
  ATLAS_NAME,
  datasetJsonLd,
  esc,
  readingNotes,
  SITE_CARD_ID,
  trustLabels,
  trustMeanings,
  type FactResponse,
  type SectionResponse,
  type Source,
  cardPath,
  urls,
} from "../../core/index";
import { openapi, type PageContext } from "./context";
import { actions, builderLink, sourcesList } from "./parts";
import { sectionList, sectionPath } from "./report";
import { finderForm, page } from "./shell";

const KEY_FACTS_SECTION = "key-facts";

async function keyFacts(p: PageContext): Promise<string> {
  const section = (await p.json<SectionResponse>(p.keys.section(KEY_FACTS_SECTION), "unknown-section", "No key-facts section.")).section;
  const blocks = await Promise.all(
    section.links.facts.map(async (l) => {
      const fact = (await p.json<FactResponse>(p.keys.fact(l.title), "unknown-fact", `No fact "${l.title}".`)).fact;
      return `<div class="card">${await p.fragment("fact", fact.id)}${actions([
        ["This as JSON", fact.links.self],
        ["Embed this", builderLink("ml-employer-fact", { id: fact.id })],
      ])}</div>`;
    }),
  );
  return `<div class="grid">${blocks.join("")}</div>`;
}

async function contents(p: PageContext, withQuestions: boolean): Promise<string> {
  const all = await sectionList(p);
  return `<ol class="toc">${all
    .map(
      (s) =>
        `<li><a href="${sectionPath(s.id)}">${esc(s.title)}</a>${withQuestions ? `<br><span class="meta">The article asks: <q>${esc(s.question)}</q></span>` : ""}</li>`,
    )
    .join("")}</ol>`;
}

async function allSources(p: PageContext): Promise<Source[]> {
  return (await p.json<{ sources: Source[] }>(p.keys.list("sources"), "not-found", "list sources is missing")).sources;
}

async function atlasDataset(p: PageContext, path: string) {
  const [sources, meta, manifest] = await Promise.all([allSources(p), p.snapshotMeta(), p.manifest()]);
  return {
    meta,
    jsonLd: datasetJsonLd({
      name: ATLAS_NAME,
      description: ATLAS_DESCRIPTION,
      url: p.origin + path,
      sources,
      periods: sources.map((s) => s.period),
      distribution: [
        { url: p.origin + urls.index(), format: "application/json" },
        ...manifest.rankings.flatMap((r) => [
          { url: p.origin + urls.ranking(r.id), format: "application/json" as const },
          { url: p.origin + urls.ranking(r.id, { format: "csv" }), format: "text/csv" as const },
        ]),
      ],
      snapshot: meta,
      license: openapi.info.license,
    }),
    sources,
  };
}

const HOW_TO_READ =
  `<h2 id="how-to-read">How to read the figures</h2>` +
  `<p>Every figure carries its source, its reference period and a trust label:</p>` +
  `<dl class="fields">${trustLabels.map((t) => `<dt><span class="ml-employer-trust">${t}</span></dt><dd>${esc(trustMeanings[t])}</dd>`).join("")}</dl>` +
  `<ul><li><strong>Bounds.</strong> ${esc(readingNotes.bound)}</li>` +
  `<li><strong>Reliability.</strong> ${esc(readingNotes.caution)} ${esc(readingNotes.cautionWhy)}</li>` +
  `<li><strong>Derived figures.</strong> ${esc(readingNotes.derived)}</li>` +
  `<li><strong>Gaps.</strong> ${esc(readingNotes.gaps)}</li></ul>` +
  `<p>Employment is not hiring: the official figures count jobs held, not openings or hires, so they bear on the article's claims about hiring without settling them.</p>`;

export async function reportIndex(p: PageContext): Promise<string> {
  const { meta, jsonLd, sources } = await atlasDataset(p, urls.report());
  const main =
    `<h1>Employers that hire machine-learning graduates</h1>` +
    `<p class="lede">${esc(ATLAS_DESCRIPTION)}</p>` +
    `<h2 id="key-facts">Key facts</h2>${await keyFacts(p)}` +
    `<h2 id="contents">The report, section by section</h2>${await contents(p, true)}` +
    `<h2 id="what">What the atlas is</h2>` +
    `<p>A popular article on the employers of machine-learning graduates, turned into data: each of its twelve sections becomes a page here and a resource of the <a href="${urls.index()}">API</a>. ` +
    `The article's own figures are few and rarely name a source; they are quoted and labelled as the article's. Beside them stand published figures: the Bureau of Labor Statistics' occupational employment and wage estimates and projections, the Census Bureau's business survey, OPM pay tables, NACE's internship surveys, and extracts of BLS files computed by others (labelled third-party). ` +
    `Every chart, ranking, comparison and fact can be embedded (<a href="/gallery/">widgets and embed builder</a>) and downloaded as JSON or CSV.</p>` +
    HOW_TO_READ +
    `<h2 id="sources">Sources</h2>${sourcesList(sources)}`;
  return page({
    origin: p.origin,
    path: urls.report(),
    title: "The report: employers that hire machine-learning graduates",
    description: `${ATLAS_DESCRIPTION} Twelve sections, key facts and every source.`,
    card: cardPath("site", SITE_CARD_ID),
    cardAlt: `${ATLAS_NAME}`,
    crumbs: [{ title: "Home", href: "/" }, { title: "Report" }],
    jsonLd,
    main,
    snapshot: meta,
  });
}

export async function frontDoor(p: PageContext): Promise<string> {
  const { meta, jsonLd } = await atlasDataset(p, "/");
  const main =
    `<h1>${ATLAS_NAME}</h1>` +
    `<p class="lede">${esc(ATLAS_DESCRIPTION)}</p>` +
    `<p><a href="${urls.report()}"><strong>Read the report</strong></a> · <a href="${urls.profilePage()}">Profiles of every state, metro, industry and occupation</a> · ` +
    `<a href="/gallery/">Widget gallery and embed builder</a> · <a href="${urls.index()}">The data as JSON and CSV</a></p>` +
    `<section aria-labelledby="find"><h2 id="find">What does the market look like where you are?</h2>${finderForm("", "front-q")}</section>` +
    `<section aria-labelledby="key-facts"><h2 id="key-facts">Key facts</h2>${await keyFacts(p)}</section>` +
    `<section aria-labelledby="contents"><h2 id="contents">The report</h2>${await contents(p, false)}</section>` +
    `<section aria-labelledby="embed"><h2 id="embed">Put these figures on your page</h2>` +
    `<p>One script tag and an element such as <code>&lt;ml-employer-chart chart="occupations-by-median-wage"&gt;</code> embed any chart, ranking, comparison or fact, ` +
    `with its sources, trust labels and a data table; a script-free iframe and oEmbed work where scripts are stripped. <a href="/gallery/">Open the gallery and the embed builder</a>.</p></section>`;
  return page({
    origin: p.origin,
    path: "/",
    title: ATLAS_NAME,
    description: ATLAS_DESCRIPTION,
    card: cardPath("site", SITE_CARD_ID),
    cardAlt: ATLAS_NAME,
    jsonLd,
    main,
    snapshot: meta,
  });
}
