// Assembles the snapshot: rankings, comparisons, charts and list bodies, keyed by core's KV layout.
import { createHash } from "node:crypto";
import {
  ApiIndex,
  axisFormat,
  ChartList,
  CompareList,
  RankingList,
  SourceList,
  ChartEmbed,
  compareRecords,
  comparisonGaps,
  NO_FIGURE,
  Manifest,
  Ranking,
  rankEntities,
  rankingCitation,
  comparisonCitation,
  rankingBarChart,
  rankingToCsv,
  SCHEMA_VERSION,
  snapshotKeys,
  summariseRanking,
  toCompareRecord,
  untitled,
  type Entity,
  type EntityKind,
  type SnapshotMeta,
  type Source,
  paths,
  templated,
  urls,
} from "../../core/index";
import { putCards } from "./cards";
import { compileToVega, renderSvg } from "./charts-render";
import { putPages, type PagesInput } from "./pages";
import { PAIR_LIMIT, type RankingDef } from "./rankings";

export interface SnapshotInput {
  sources: Source[];
  entities: Entity[];
  rankings: RankingDef[];
  builtAt: string;
  /** The national release of the current national figures, named in the snapshot's meta. */
  release?: string;
  /** Sections, facts and mappings; the entity, section and fact pages are written when given. */
  pages?: Pick<PagesInput, "sections" | "facts" | "mappings">;
}

export interface SnapshotOutput {
  snapshot: SnapshotMeta;
  /** KV key → exact response body. */
  entries: Map<string, string>;
}

/** Stand-ins for the id and build time while the bodies are made; replaced once the bodies are hashed. */
const PENDING_ID = "f0f0f0f0f0f0";
const PENDING_BUILT_AT = "1970-01-01T00:00:00Z";

/**
 * The id is a fingerprint of what is served: every key and body, with the id and build time left out. A change
 * anywhere in the output (a chart builder, a formatter, a dependency) gives a new id; an unchanged build keeps it.
 */
export function fingerprint(entries: Map<string, string>): string {
  return contentDigest(entries).slice(0, 12);
}

/** Digest of every byte of a snapshot's bodies (build time included): what data:publish compares before writing. */
export function contentDigest(entries: Map<string, string>): string {
  const hash = createHash("sha256");
  for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${key}\u0000${value}\u0000`);
  return hash.digest("hex");
}

/** The employment metric a wage metric is an estimate for ("median-annual-wage-may-2025" → "employment-may-2025"). */
function employmentBehind(metric: string): string | undefined {
  const m = /^(cirs-)?(?:median|mean|p10|p25|p75|p90)-(?:annual|hourly)-wage(-may-\d{4})?$/.exec(metric);
  return m ? `${m[1] ?? ""}employment${m[2] ?? ""}` : undefined;
}

function sourcesFor(ids: Iterable<string>, all: Map<string, Source>): Source[] {
  return [...new Set(ids)].sort().map((id) => {
    const s = all.get(id);
    if (!s) throw new Error(`figure names unknown source "${id}"`);
    return s;
  });
}

export async function buildSnapshot(input: SnapshotInput): Promise<SnapshotOutput> {
  const pending = await buildBodies(input, { id: PENDING_ID, builtAt: PENDING_BUILT_AT, schemaVersion: SCHEMA_VERSION });
  const snapshot: SnapshotMeta = { id: fingerprint(pending), builtAt: input.builtAt, schemaVersion: SCHEMA_VERSION };
  const entries = new Map<string, string>();
  for (const [key, value] of pending)
    entries.set(key.replaceAll(PENDING_ID, snapshot.id), value.replaceAll(PENDING_ID, snapshot.id).replaceAll(PENDING_BUILT_AT, snapshot.builtAt));
  entries.set(snapshotKeys(snapshot.id).digest, contentDigest(entries));
  return { snapshot, entries };
}

async function buildBodies(input: SnapshotInput, snapshot: SnapshotMeta): Promise<Map<string, string>> {
  const keys = snapshotKeys(snapshot.id);
  const entries = new Map<string, string>();
  const put = (key: string, body: unknown) => entries.set(key, typeof body === "string" ? body : JSON.stringify(body));
  const sourceById = new Map(input.sources.map((s) => [s.id, s]));
  const byKind = new Map<EntityKind, Entity[]>();
  for (const e of input.entities) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }

  const rankings: Ranking[] = input.rankings.map((def) => {
    const ofKind = byKind.get(def.kind) ?? [];
    const items = rankEntities(ofKind, { metric: def.metric, order: def.order });
    const unit = items[0]?.figure.unit;
    if (!unit) throw new Error(`ranking ${def.id} has no items`);
    const gaps = ofKind.filter((e) => !e.figures[def.metric]).map((e) => ({ id: e.id, name: e.name, reason: e.gaps[def.metric] ?? NO_FIGURE }));
    const byId = new Map(ofKind.map((e) => [e.id, e]));
    const basisMetric = employmentBehind(def.metric);
    const periods = [...new Set(items.map((it) => it.figure.period))];
    if (def.title.includes("{period}") && periods.length !== 1)
      throw new Error(`ranking ${def.id}: "{period}" in its title but its figures have ${periods.length} periods`);
    const title = def.title.replace("{period}", periods[0]!);
    const base = { title, items, unit, order: def.order, gaps };
    return Ranking.parse({
      id: def.id,
      title,
      kind: def.kind,
      metric: def.metric,
      unit,
      order: def.order,
      summary: summariseRanking(base, { noun: def.noun, basis: basisMetric ? (id) => byId.get(id)?.figures[basisMetric] : undefined }),
      sources: sourcesFor(
        items.flatMap((it) => [it.figure.source, ...(it.figure.derivedSources ?? [])]),
        sourceById,
      ),
      items,
      gaps,
      links: {
        self: urls.ranking(def.id),
        chart: urls.chart(def.id),
        csv: urls.ranking(def.id, { format: "csv" }),
      },
    });
  });

  for (const r of rankings) {
    put(keys.ranking(r.id), { snapshot, ranking: r, citation: rankingCitation(r, snapshot.id) });
    put(keys.rankingCsv(r.id), rankingToCsv(r, snapshot));
    const vl = rankingBarChart(r, { id: r.id, snapshot });
    // Standalone forms keep the title block; the Vega spec and SVG used inside widgets leave it to the widget.
    const vg = { ...compileToVega(untitled(vl)), usermeta: vl.usermeta };
    put(keys.chart(r.id), vl);
    put(keys.chartVega(r.id), vg);
    put(keys.chartSvg(r.id), await renderSvg(compileToVega(vl)));
    const svg = await renderSvg(vg);
    const shown = vl.data.values;
    put(
      keys.chartEmbed(r.id),
      ChartEmbed.parse({
        snapshot: { id: snapshot.id, builtAt: snapshot.builtAt },
        chart: { ...vl.usermeta, unit: r.unit, valueLabel: axisFormat[r.unit].title, gaps: r.gaps },
        rows: shown,
        svg,
        links: { vega: urls.chart(r.id, { format: "vega" }), csv: r.links.csv, json: r.links.self },
        citation: vl.usermeta.citation,
      }),
    );
  }

  const compare: Manifest["compare"] = [];
  for (const [kind, list] of byKind) {
    const withFigures = list.filter((e) => Object.keys(e.figures).length > 0);
    if (withFigures.length < 2) continue;
    const mode = withFigures.length <= PAIR_LIMIT ? "pair" : "join";
    compare.push({ kind, mode, ids: withFigures.map((e) => e.id) });
    const records = withFigures.map(toCompareRecord);
    const srcOf = (...rs: typeof records) =>
      sourcesFor(
        rs.flatMap((r) => Object.values(r.figures).map((f) => f.source)),
        sourceById,
      );
    if (mode === "join") {
      for (const rec of records) put(keys.compareRecord(kind, rec.id), { record: rec, sources: srcOf(rec) });
      continue;
    }
    for (const [i, a] of records.entries())
      for (const b of records.slice(i + 1)) {
        const [x, y] = a.id < b.id ? [a, b] : [b, a];
        const comparison = { kind, a: x, b: y, differences: compareRecords(x, y), gaps: comparisonGaps(x, y), sources: srcOf(x, y) };
        put(keys.comparePair(kind, x.id, y.id), { snapshot, comparison, citation: comparisonCitation(comparison, snapshot.id) });
      }
  }

  const manifest = Manifest.parse({
    snapshot,
    rankings: rankings.map((r) => ({ id: r.id, title: r.title, kind: r.kind, unit: r.unit, chart: r.id })),
    charts: rankings.map((r) => ({ id: r.id, title: r.title })),
    compare,
  });
  put(keys.manifest, manifest);
  put(
    keys.list("rankings"),
    RankingList.parse({
      snapshot,
      rankings: rankings.map((r) => ({ id: r.id, title: r.title, kind: r.kind, unit: r.unit, links: r.links })),
    }),
  );
  put(
    keys.list("charts"),
    ChartList.parse({
      snapshot,
      charts: rankings.map((r) => ({
        id: r.id,
        title: r.title,
        links: {
          self: urls.chart(r.id),
          vega: urls.chart(r.id, { format: "vega" }),
          svg: urls.chart(r.id, { format: "svg" }),
          ranking: r.links.self,
        },
      })),
    }),
  );
  put(
    keys.list("compare"),
    CompareList.parse({
      snapshot,
      kinds: compare.map((c) => ({
        kind: c.kind,
        mode: c.mode,
        entities: c.ids.length,
        ids: c.ids,
        example: urls.compare(c.kind, { a: c.ids[0], b: c.ids[1] }),
      })),
    }),
  );
  put(keys.list("sources"), SourceList.parse({ snapshot, sources: input.sources }));
  if (input.pages) {
    putPages({ snapshot, keys, put, entities: input.entities, rankings, compare, sources: sourceById, ...input.pages });
    await putCards({ keys, put, rankings, facts: input.pages.facts });
  }
  const api = {
    snapshot,
    name: "ML Employer Atlas API",
    description: "Which employers hire machine-learning graduates: sourced rankings, comparisons, charts, entities, article sections and key facts.",
    links: {
      self: urls.index(),
      rankings: urls.rankings(),
      compare: urls.comparisons(),
      charts: urls.charts(),
      sources: urls.sources(),
      entities: urls.entityKinds(),
      entity: templated(paths.entity),
      sections: urls.sections(),
      section: templated(paths.section),
      facts: urls.facts(),
      fact: templated(paths.fact),
      snapshots: urls.snapshots(),
      openapi: paths.openapi,
      widgets: paths.widgets,
    },
  };
  put(keys.list("api"), ApiIndex.parse(api));
  const periods = new Set<string>();
  for (const e of input.entities) {
    for (const f of Object.values(e.figures)) periods.add(f.period);
    for (const list of Object.values(e.series?.points ?? {})) for (const f of list) periods.add(f.period);
  }
  put(keys.meta, { ...snapshot, ...(input.release ? { release: input.release } : {}), periods: [...periods].sort() });
  return entries;
}
