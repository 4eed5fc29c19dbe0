// Profiles: /profile (finder and kinds), /profile/{kind} (every entity of a kind) and /profile/{kind}/{id}: each figure
// with its period, trust label, caution mark and rank, the national figure beside it where one exists, the rankings,
// charts, sections and comparisons the entity appears in, and its nearest peers one click away.
import {
  datasetJsonLd,
  nationalFor,
  embedPath,
  entityKinds,
  esc,
  kindNouns,
  metricLabel,
  nationalKey,
  nearestPeers,
  profileSummary,
  rankIn,
  rankPhrase,
  rankSentence,
  SITE_CARD_ID,
  valueHtml,
  type EntityKind,
  type EntityResponse,
  type Figure,
  type ProfilePayload,
  type Ranking,
  type RankingResponse,
  cardPath,
  CHART_MAX_ROWS,
  urls,
} from "../../core/index";
import { ApiError } from "../errors";
import { openapi, type PageContext } from "./context";
import { actions, Anchors, builderLink, claimHtml, figureTable, sourcesList, type FigureRow } from "./parts";
import { sectionPath, sourceMap } from "./report";
import { finderForm, page } from "./shell";

const KINDS: ReadonlySet<string> = new Set(entityKinds);
export const profilePath = (kind: string, id: string) => urls.profilePage(kind, id);

interface ListedEntity {
  id: string;
  name: string;
  code?: string;
  figures: number;
}

function kindOf(raw: string): EntityKind {
  if (!KINDS.has(raw)) throw new ApiError("unknown-kind", `No kind "${raw.slice(0, 40)}". See /profile.`);
  return raw as EntityKind;
}

async function entitiesOf(p: PageContext, kind: EntityKind): Promise<ListedEntity[]> {
  return (await p.json<{ entities: ListedEntity[] }>(p.keys.entityList(kind), "unknown-kind", `No entities of kind "${kind}".`)).entities;
}

async function kindsPresent(p: PageContext): Promise<{ kind: EntityKind; count: number }[]> {
  return (await p.json<{ kinds: { kind: EntityKind; count: number }[] }>(p.keys.list("entities"), "not-found", "list entities is missing")).kinds;
}

/** Every profile path, for the sitemap. */
export async function profilePaths(p: PageContext): Promise<string[]> {
  const kinds = await kindsPresent(p);
  const lists = await Promise.all(kinds.map(async ({ kind }) => [urls.profilePage(kind), ...(await entitiesOf(p, kind)).map((e) => profilePath(kind, e.id))]));
  return [urls.profilePage(), ...lists.flat()];
}

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** Entities whose name, id or code holds every word of the query (case and accents ignored). */
export async function find(p: PageContext, q: string): Promise<{ kind: EntityKind; e: ListedEntity }[]> {
  const words = fold(q)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (!words.length) return [];
  const kinds = await kindsPresent(p);
  const out: { kind: EntityKind; e: ListedEntity }[] = [];
  for (const { kind } of kinds)
    for (const e of await entitiesOf(p, kind)) {
      const hay = fold(`${e.name} ${e.id} ${e.code ?? ""} ${kindNouns[kind].singular}`);
      if (words.every((w) => hay.includes(w))) out.push({ kind, e });
    }
  return out;
}

const MAX_RESULTS = 60;

/** /profile (with ?q=, the finder's results) and /profile/{kind}. */
export async function profileIndex(p: PageContext, q: string | undefined, kindRaw?: string): Promise<string> {
  const meta = await p.snapshotMeta();
  const kinds = await kindsPresent(p);
  let main: string;
  let title: string;
  let path = urls.profilePage();
  if (kindRaw !== undefined) {
    const kind = kindOf(kindRaw);
    const list = await entitiesOf(p, kind);
    title = `Profiles of ${kindNouns[kind].plural}`;
    path = urls.profilePage(kind);
    main =
      `<h1>${esc(title)}</h1><p class="lede">${list.length} ${esc(kindNouns[kind].plural)}. Each profile shows every figure with its period, trust label and rank.</p>` +
      `<ul class="results">${list.map((e) => `<li><a href="${profilePath(kind, e.id)}">${esc(e.name)}</a>${e.code ? ` <span class="meta">${esc(e.code)}</span>` : ""}${e.figures ? "" : ` <span class="meta">(no figure published)</span>`}</li>`).join("")}</ul>`;
  } else {
    title = "Profiles";
    let results = "";
    if (q !== undefined) {
      const found = await find(p, q);
      const shown = found.slice(0, MAX_RESULTS);
      results =
        `<section aria-labelledby="results"><h2 id="results">${found.length ? `${found.length} ${found.length === 1 ? "profile matches" : "profiles match"}` : "No profile matches"} “${esc(q.slice(0, 80))}”</h2>` +
        (shown.length
          ? `<ul class="results">${shown.map(({ kind, e }) => `<li><a href="${profilePath(kind, e.id)}">${esc(e.name)}</a> <span class="meta">${esc(kindNouns[kind].singular)}${e.code ? `, ${esc(e.code)}` : ""}</span></li>`).join("")}</ul>` +
            (found.length > shown.length ? `<p class="meta">The first ${shown.length} are shown; add a word to narrow the search.</p>` : "")
          : `<p>Try a state (Ohio), a metro area (Pittsburgh), an industry (finance) or an occupation (data scientists).</p>`) +
        `</section>`;
    }
    main =
      `<h1>Profiles</h1><p class="lede">One page for every state, metro area, industry, occupation, employer type and size, role and level of government: ` +
      `each figure with its period, trust label and rank among its kind, the national figure beside it where one exists, and its nearest peers.</p>` +
      finderForm(q ?? "", "profile-q") +
      results +
      `<h2>By kind</h2><ul class="results">${kinds.map(({ kind, count }) => `<li><a href="${urls.profilePage(kind)}">${esc(kindNouns[kind].plural)}</a> <span class="meta">${count}</span></li>`).join("")}</ul>`;
  }
  return page({
    origin: p.origin,
    path,
    title,
    description:
      "Profiles of every state, metro area, industry and occupation in the ML Employer Atlas, each figure with its source, period, trust label and rank.",
    card: cardPath("site", SITE_CARD_ID),
    cardAlt: "ML Employer Atlas",
    crumbs: [{ title: "Home", href: "/" }, ...(kindRaw !== undefined ? [{ title: "Profiles", href: urls.profilePage() }, { title }] : [{ title: "Profiles" }])],
    main,
    snapshot: meta,
    query: q,
  });
}

interface Placed {
  ranking: Ranking;
  facts: NonNullable<ReturnType<typeof rankIn>>;
}

async function nationalFigures(p: PageContext, kind: EntityKind, figures: Record<string, Figure>): Promise<Map<string, Figure>> {
  const wanted = Object.entries(figures).flatMap(([metric, f]) => {
    const key = nationalKey(kind, metric, f);
    return key ? [{ metric, key, f }] : [];
  });
  const out = new Map<string, Figure>();
  if (!wanted.length) return out;
  const occupations = await entitiesOf(p, "occupations");
  const bySoc = new Map(occupations.flatMap((o) => (o.code ? [[o.code, o.id] as const] : [])));
  for (const { metric, key, f } of wanted) {
    const occ = bySoc.get(key.soc);
    if (!occ) continue;
    const page = await p.maybe<EntityResponse>(p.keys.entity("occupations", occ));
    const national = page ? nationalFor(page.page.entity, key.metric, f) : undefined;
    if (national) out.set(metric, national);
  }
  return out;
}

/** What a profile shows of one entity, computed once from the bodies the API serves: page and payload agree. */
export async function profileFacts(p: PageContext, kindRaw: string, id: string) {
  const kind = kindOf(kindRaw);
  const { page: ep } = await p.json<EntityResponse>(p.keys.entity(kind, id), "unknown-entity", `No ${kind} entity "${id.slice(0, 80)}". See /profile/${kind}.`);
  const e = ep.entity;
  const manifest = await p.manifest();
  // Every ranking of the kind: where the entity is ranked, and where it is left out (with the source's reason).
  const ofKind = await Promise.all(
    manifest.rankings
      .filter((r) => r.kind === kind)
      .map(async (r) => (await p.json<RankingResponse>(p.keys.ranking(r.id), "unknown-ranking", `No ranking "${r.id}".`)).ranking),
  );
  const placed: Placed[] = ofKind.flatMap((ranking) => {
    const facts = rankIn(ranking, e.id);
    return facts ? [{ ranking, facts }] : [];
  });
  const leftOut = ofKind.flatMap((ranking) => ranking.gaps.filter((g) => g.id === e.id).map((g) => ({ ranking, reason: g.reason })));
  const byMetric = new Map(placed.map((x) => [x.ranking.metric, x]));
  const national = await nationalFigures(p, kind, e.figures);
  const gaps = [
    ...Object.entries(e.gaps)
      .filter(([metric]) => !e.figures[metric] && !leftOut.some((x) => x.ranking.metric === metric))
      .map(([metric, reason]) => ({ metric, reason, ranking: undefined as Ranking | undefined })),
    ...leftOut.map((x) => ({ metric: x.ranking.metric, reason: x.reason, ranking: x.ranking as Ranking | undefined })),
  ];
  // The entity's sources and those of the national figures set beside its own.
  const all = await sourceMap(p);
  const ids = new Set([...ep.sources.map((x) => x.id), ...[...national.values()].map((f) => f.source)]);
  const sources = [...ids].sort().flatMap((sid) => all.get(sid) ?? []);
  return { kind, ep, e, manifest, placed, byMetric, national, gaps, sources };
}

/** The profile element's payload (`/api/v1/profiles/{kind}/{id}`). */
export async function profilePayload(p: PageContext, kindRaw: string, id: string): Promise<ProfilePayload> {
  const { kind, e, byMetric, national, gaps, sources } = await profileFacts(p, kindRaw, id);
  const meta = await p.snapshotMeta();
  const noun = kindNouns[kind].singular;
  return {
    snapshot: { id: meta.id, builtAt: meta.builtAt },
    profile: {
      kind,
      id: e.id,
      name: e.name,
      noun: noun[0]!.toUpperCase() + noun.slice(1),
      rows: Object.entries(e.figures).map(([metric, figure]) => {
        const at = byMetric.get(metric);
        const nat = national.get(metric);
        return {
          metric,
          label: metricLabel(metric),
          headline: !!at,
          figure,
          ...(at ? { rank: { phrase: rankPhrase(at.facts), ranking: at.ranking.id, title: at.ranking.title } } : {}),
          ...(nat ? { national: nat } : {}),
        };
      }),
      gaps: gaps.map((g) => ({ id: g.metric, name: metricLabel(g.metric), reason: g.ranking ? `${g.reason} (left out of ${g.ranking.title})` : g.reason })),
      sources,
      links: { self: urls.profile(kind, e.id), page: profilePath(kind, e.id) },
    },
  };
}

export async function profilePage(p: PageContext, kindRaw: string, id: string): Promise<string> {
  const { kind, ep, e, manifest, placed, byMetric, national, gaps, sources: used } = await profileFacts(p, kindRaw, id);
  const [sources, meta] = await Promise.all([sourceMap(p), p.snapshotMeta()]);
  const noun = kindNouns[kind];
  const anchors = new Anchors();

  const rows: FigureRow[] = Object.entries(e.figures).map(([metric, f]) => {
    const at = byMetric.get(metric);
    const nat = national.get(metric);
    const rank = at ? `<a href="${sectionOrChart(at.ranking.id)}">${esc(rankPhrase(at.facts))}</a>` : `<span class="meta">not ranked</span>`;
    const us = nat ? `<br><span class="meta">U.S., all industries: ${valueHtml(nat)} (${esc(nat.period)}, ${esc(nat.trust)})</span>` : "";
    return { id: metric, label: metricLabel(metric), figure: f, extra: rank + us };
  });
  const gapRows = gaps.map((g) =>
    g.ranking
      ? `<li>${esc(metricLabel(g.metric))}: no figure published, so left out of ${esc(g.ranking.title)}. ${esc(g.reason)}</li>`
      : `<li>${esc(metricLabel(g.metric))}: no figure published. ${esc(g.reason)}</li>`,
  );

  const parts: string[] = [];
  parts.push(
    `<h1>${esc(e.name)}</h1>` +
      `<p class="lede">${esc(noun.singular[0]!.toUpperCase() + noun.singular.slice(1))}${e.code ? `, code ${esc(e.code)}` : ""}.${e.description ? ` ${esc(e.description)}` : ""}</p>`,
  );
  if (placed.length)
    parts.push(
      `<ul class="headline">${placed.map((x) => `<li>${esc(rankSentence(e.name, x.ranking.title, x.facts, x.ranking.items.find((it) => it.id === e.id)!.figure))}</li>`).join("")}</ul>`,
    );
  parts.push(
    `<section aria-labelledby="figures"><h2 id="figures">Figures</h2>` +
      (rows.length
        ? figureTable({ caption: `${e.name}: figures, ranks and national figures`, rows, sources, anchors, extraHeading: "Rank, and the U.S. figure" })
        : `<p>No figure is published for ${esc(e.name)} in the atlas's sources.</p>`) +
      (gapRows.length ? `<h3>No figure published</h3><ul>${gapRows.join("")}</ul>` : "") +
      `</section>`,
  );
  if (e.claims.length)
    parts.push(`<section aria-labelledby="claims"><h2 id="claims">What the article says</h2>${e.claims.map((c) => claimHtml(c)).join("")}</section>`);
  if (ep.mapping)
    parts.push(
      `<section aria-labelledby="mapping"><h2 id="mapping">Project mapping, not a published classification</h2><p>${esc(ep.mapping.note)}</p>` +
        (ep.mapping.codes.length
          ? `<ul>${ep.mapping.codes
              .map((c) => {
                const text = `${esc(c.system)} ${esc(c.code)} ${esc(c.title)}`;
                return `<li>${c.entity ? `<a href="${profilePath(c.entity.kind, c.entity.id)}">${text}</a>` : text}</li>`;
              })
              .join("")}</ul>`
          : "") +
        `</section>`,
    );

  const first = placed[0];
  if (first) {
    const fragment = await p.fragment("chart", first.ranking.id);
    parts.push(
      `<section aria-labelledby="chart"><h2 id="chart">${esc(first.ranking.title)}</h2>` +
        `<div class="live"><ml-employer-chart chart="${esc(first.ranking.id)}" highlight="${esc(e.id)}"></ml-employer-chart><div class="static">${fragment}</div></div>` +
        (first.ranking.items.findIndex((it) => it.id === e.id) >= CHART_MAX_ROWS
          ? `<p class="meta">The chart shows the first ${CHART_MAX_ROWS}; ${esc(e.name)} is ${esc(rankPhrase(first.facts))}.</p>`
          : "") +
        `</section>`,
    );
  }

  const compare = manifest.compare.find((k) => k.kind === kind);
  const peerRanking = placed.find((x) => x.ranking.metric === "employment") ?? first;
  if (compare?.ids.includes(e.id) && peerRanking) {
    const comparable = new Set(compare.ids);
    const peers = nearestPeers(
      peerRanking.ranking.items.filter((it) => comparable.has(it.id)),
      e.id,
      5,
    );
    if (peers.length)
      parts.push(
        `<section aria-labelledby="peers"><h2 id="peers">Nearest peers</h2>` +
          `<p>The ${peers.length} ${peers.length === 1 ? noun.singular : noun.plural} nearest to ${esc(e.name)} in ${esc(peerRanking.ranking.title)}, each compared with it:</p>` +
          `<ul>${peers
            .map(
              (it) =>
                `<li><a href="${esc(embedPath("compare", kind, { a: e.id, b: it.id }))}">${esc(e.name)} and ${esc(it.name)}</a> <span class="meta">(${valueHtml(it.figure)}; <a href="${profilePath(kind, it.id)}">profile</a>)</span></li>`,
            )
            .join("")}</ul></section>`,
      );
  }

  const appears: string[] = [
    ...placed.map(
      (x) =>
        `<li>Ranking: <a href="${esc(urls.ranking(x.ranking.id))}">${esc(x.ranking.title)}</a>, ${esc(rankPhrase(x.facts))} · <a href="${esc(urls.chart(x.ranking.id, { format: "png" }))}">chart</a> · <a href="${embedPath("chart", x.ranking.id)}">chart page</a></li>`,
    ),
    ...ep.appearsIn.sections.map((s) => `<li>Report section: <a href="${sectionPath(s.href.split("/").pop()!)}">${esc(s.title)}</a></li>`),
    ...(compare?.ids.includes(e.id)
      ? [`<li>Comparisons: any other of the ${compare.ids.length} ${esc(noun.plural)}, e.g. <a href="${urls.compare(kind)}">the list</a></li>`]
      : []),
  ];
  if (appears.length) parts.push(`<section aria-labelledby="appears"><h2 id="appears">Where ${esc(e.name)} appears</h2><ul>${appears.join("")}</ul></section>`);
  parts.push(
    `<section aria-labelledby="embed"><h2 id="embed">Put this profile on your page</h2>` +
      `<p>A compact card of the figures above that have a rank or a U.S. figure beside them, with their sources and trust labels:</p>` +
      `<pre><code>${esc(`<script type="module" src="${p.origin}/widgets.js"></script>
<ml-employer-profile kind="${kind}" entity="${e.id}"></ml-employer-profile>`)}</code></pre>` +
      actions([
        ["The card without script", embedPath("profile", kind, { entity: e.id })],
        ["The card as JSON", urls.profile(kind, e.id)],
        ["Embed this", builderLink("ml-employer-profile", { kind, id: e.id })],
      ]) +
      `</section>`,
  );
  parts.push(
    `<section aria-labelledby="sources"><h2 id="sources">Sources</h2>${sourcesList(used)}${actions([["This profile as JSON", ep.links.self]])}</section>`,
  );

  const summary = profileSummary({
    name: e.name,
    kind,
    figures: Object.keys(e.figures).length,
    first: first ? { title: first.ranking.title, rank: first.facts, figure: first.ranking.items.find((it) => it.id === e.id)!.figure } : undefined,
  });
  return page({
    origin: p.origin,
    path: profilePath(kind, e.id),
    title: `${e.name}: ${noun.singular} profile`,
    description: summary,
    card: first ? cardPath("chart", first.ranking.id) : cardPath("site", SITE_CARD_ID),
    cardAlt: first ? `Card of ${first.ranking.title}` : "ML Employer Atlas",
    crumbs: [{ title: "Profiles", href: urls.profilePage() }, { title: noun.plural, href: urls.profilePage(kind) }, { title: e.name }],
    jsonLd: datasetJsonLd({
      name: `${e.name} — ML Employer Atlas profile`,
      description: summary,
      url: p.origin + profilePath(kind, e.id),
      sources: used,
      periods: Object.values(e.figures).map((f) => f.period),
      distribution: [{ url: p.origin + ep.links.self, format: "application/json" }],
      snapshot: meta,
      license: openapi.info.license,
    }),
    main: `<article>${parts.join("")}</article>`,
    snapshot: meta,
  });
}

/** Where a rank links: the ranking's full table page. */
const sectionOrChart = (rankingId: string) => embedPath("ranking", rankingId);
