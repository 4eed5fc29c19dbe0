// Assembles the snapshot: rankings, comparisons, charts and list bodies, keyed by core's KV layout.
import { createHash } from "node:crypto";
import {
  axisFormat,
  ChartEmbed,
  compareRecords,
  comparisonGaps,
  Manifest,
  Ranking,
  rankEntities,
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
} from "../../core/index";
import { compileToVega, renderSvg } from "./charts-render";
import { putPages, type PagesInput } from "./pages";
import { PAIR_LIMIT, type RankingDef } from "./rankings";

export interface SnapshotInput {
  sources: Source[];
  entities: Entity[];
  rankings: RankingDef[];
  builtAt: string;
  /** Sections, facts and mappings; the entity, section and fact pages are written when given. */
  pages?: Pick<PagesInput, "sections" | "facts" | "mappings">;
}

export interface SnapshotOutput {
  snapshot: SnapshotMeta;
  /** KV key → exact response body. */
  entries: Map<string, string>;
}

const API = "/api/v1";

/** The id is a fingerprint of the content (not of the build time), so an unchanged build keeps its id. */
export function fingerprint(input: Omit<SnapshotInput, "builtAt">): string {
  const { pages, ...rest } = input;
  const content = pages ? { ...rest, sections: pages.sections, facts: pages.facts, mappings: [...pages.mappings] } : rest;
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 12);
}

function sourcesFor(ids: Iterable<string>, all: Map<string, Source>): Source[] {
  return [...new Set(ids)].sort().map((id) => {
    const s = all.get(id);
    if (!s) throw new Error(`figure names unknown source "${id}"`);
    return s;
  });
}

export async function buildSnapshot(input: SnapshotInput): Promise<SnapshotOutput> {
  const { builtAt, ...content } = input;
  const snapshot: SnapshotMeta = { id: fingerprint(content), builtAt, schemaVersion: SCHEMA_VERSION };
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
    const items = rankEntities(byKind.get(def.kind) ?? [], { metric: def.metric, order: def.order });
    const unit = items[0]?.figure.unit;
    if (!unit) throw new Error(`ranking ${def.id} has no items`);
    const base = { title: def.title, items, unit, order: def.order };
    return Ranking.parse({
      id: def.id,
      title: def.title,
      kind: def.kind,
      metric: def.metric,
      unit,
      order: def.order,
      summary: summariseRanking(base, def.noun),
      sources: sourcesFor(items.map((it) => it.figure.source), sourceById),
      items,
      gaps: [],
      links: {
        self: `${API}/rankings/${def.id}`,
        chart: `${API}/charts/${def.id}`,
        csv: `${API}/rankings/${def.id}?format=csv`,
      },
    });
  });

  for (const r of rankings) {
    put(keys.ranking(r.id), { snapshot, ranking: r });
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
        chart: { ...vl.usermeta, unit: r.unit, valueLabel: axisFormat[r.unit].title },
        rows: shown,
        svg,
        links: { vega: `${API}/charts/${r.id}?format=vega`, csv: r.links.csv, json: r.links.self },
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
    const srcOf = (...rs: typeof records) => sourcesFor(rs.flatMap((r) => Object.values(r.figures).map((f) => f.source)), sourceById);
    if (mode === "join") {
      for (const rec of records) put(keys.compareRecord(kind, rec.id), { record: rec, sources: srcOf(rec) });
      continue;
    }
    for (const [i, a] of records.entries())
      for (const b of records.slice(i + 1)) {
        const [x, y] = a.id < b.id ? [a, b] : [b, a];
        put(keys.comparePair(kind, x.id, y.id), {
          snapshot,
          comparison: { kind, a: x, b: y, differences: compareRecords(x, y), gaps: comparisonGaps(x, y), sources: srcOf(x, y) },
        });
      }
  }

  const manifest = Manifest.parse({
    snapshot,
    rankings: rankings.map((r) => ({ id: r.id, title: r.title, kind: r.kind, unit: r.unit, chart: r.id })),
    charts: rankings.map((r) => ({ id: r.id, title: r.title })),
    compare,
  });
  put(keys.manifest, manifest);
  put(keys.list("rankings"), {
    snapshot,
    rankings: rankings.map((r) => ({ id: r.id, title: r.title, kind: r.kind, unit: r.unit, links: r.links })),
  });
  put(keys.list("charts"), {
    snapshot,
    charts: rankings.map((r) => ({
      id: r.id,
      title: r.title,
      links: {
        self: `${API}/charts/${r.id}`,
        vega: `${API}/charts/${r.id}?format=vega`,
        svg: `${API}/charts/${r.id}?format=svg`,
        ranking: r.links.self,
      },
    })),
  });
  put(keys.list("compare"), {
    snapshot,
    kinds: compare.map((c) => ({
      kind: c.kind,
      mode: c.mode,
      entities: c.ids.length,
      ids: c.ids,
      example: `${API}/compare/${c.kind}?a=${c.ids[0]}&b=${c.ids[1]}`,
    })),
  });
  put(keys.list("sources"), { snapshot, sources: input.sources });
  if (input.pages)
    putPages({ snapshot, keys, put, entities: input.entities, rankings, compare, sources: sourceById, ...input.pages });
  put(keys.list("api"), {
    snapshot,
    name: "ML Employer Atlas API",
    description: "Which employers hire machine-learning graduates: sourced rankings, comparisons, charts, entities, article sections and key facts.",
    links: {
      self: API,
      rankings: `${API}/rankings`,
      compare: `${API}/compare`,
      charts: `${API}/charts`,
      sources: `${API}/sources`,
      entities: `${API}/entities`,
      entity: `${API}/entities/{kind}/{id}`,
      sections: `${API}/sections`,
      section: `${API}/sections/{id}`,
      facts: `${API}/facts`,
      fact: `${API}/facts/{id}`,
      openapi: "/openapi.json",
      widgets: "/widgets.js",
    },
  });
  return { snapshot, entries };
}
