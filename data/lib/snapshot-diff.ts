// Compares two KV bulk snapshots: figures moved, ranks changed, entities added and dropped.
import { POINTER_KEY, type EntityPage, type Ranking } from "../../core/index";

type Bulk = { key: string; value: string }[];

export interface SnapshotDiff {
  from: string;
  to: string;
  figures: { entity: string; metric: string; from: number; to: number }[];
  ranks: { ranking: string; id: string; from: number | null; to: number | null }[];
  added: string[];
  dropped: string[];
}

function index(bulk: Bulk) {
  const map = new Map(bulk.map((e) => [e.key, e.value]));
  const id = map.get(POINTER_KEY);
  if (!id) throw new Error(`not a snapshot: no ${POINTER_KEY}`);
  const entities = new Map<string, EntityPage["entity"]>();
  const rankings = new Map<string, Ranking>();
  for (const [key, value] of map) {
    const rest = key.split(`:${id}:`)[1];
    if (!rest) continue;
    if (rest.startsWith("entity:")) {
      const e = (JSON.parse(value) as { page: EntityPage }).page.entity;
      entities.set(`${e.kind}/${e.id}`, e);
    } else if (rest.startsWith("ranking:")) {
      const r = (JSON.parse(value) as { ranking: Ranking }).ranking;
      rankings.set(r.id, r);
    }
  }
  return { id, entities, rankings };
}

export function diffSnapshots(before: Bulk, after: Bulk): SnapshotDiff {
  const a = index(before);
  const b = index(after);
  const d: SnapshotDiff = { from: a.id, to: b.id, figures: [], ranks: [], added: [], dropped: [] };
  for (const [k, e] of b.entities) {
    const old = a.entities.get(k);
    if (!old) {
      d.added.push(k);
      continue;
    }
    for (const [metric, f] of Object.entries(e.figures)) {
      const o = old.figures[metric];
      if (o && o.value !== f.value) d.figures.push({ entity: k, metric, from: o.value, to: f.value });
    }
  }
  for (const k of a.entities.keys()) if (!b.entities.has(k)) d.dropped.push(k);
  for (const [id, r] of b.rankings) {
    const old = new Map((a.rankings.get(id)?.items ?? []).map((it) => [it.id, it.rank]));
    const now = new Map(r.items.map((it) => [it.id, it.rank]));
    for (const [eid, rank] of now) if (old.get(eid) !== rank) d.ranks.push({ ranking: id, id: eid, from: old.get(eid) ?? null, to: rank });
    for (const [eid, rank] of old) if (!now.has(eid)) d.ranks.push({ ranking: id, id: eid, from: rank, to: null });
  }
  return d;
}

export function formatDiff(d: SnapshotDiff): string {
  const lines = [`snapshot ${d.from} → ${d.to}`];
  if (d.from === d.to) lines.push("identical content (same fingerprint)");
  lines.push(`figures moved: ${d.figures.length}`);
  for (const f of d.figures) lines.push(`  ${f.entity} ${f.metric}: ${f.from} → ${f.to}`);
  lines.push(`ranks changed: ${d.ranks.length}`);
  for (const r of d.ranks) lines.push(`  ${r.ranking} ${r.id}: ${r.from ?? "–"} → ${r.to ?? "–"}`);
  lines.push(`entities added: ${d.added.length}`, ...d.added.map((k) => `  + ${k}`));
  lines.push(`entities dropped: ${d.dropped.length}`, ...d.dropped.map((k) => `  - ${k}`));
  return lines.join("\n");
}
