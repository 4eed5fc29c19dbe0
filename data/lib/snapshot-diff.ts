// Compares two KV bulk snapshots: figures moved (value, period or bound), figures added and dropped, ranks
// changed, and entities, rankings, facts and sources added or dropped.
import { entityKey, POINTER_KEY, type EntityPage, type Fact, type Figure, type Ranking, type Source } from "../../core/index";

type Bulk = { key: string; value: string }[];

type Point = Pick<Figure, "value" | "period"> & { bound?: Figure["bound"] };

export interface SnapshotDiff {
  from: string;
  to: string;
  /** A figure whose value, period or bound changed. */
  figures: { entity: string; metric: string; from: Point; to: Point }[];
  figuresAdded: { entity: string; metric: string; to: Point }[];
  figuresDropped: { entity: string; metric: string; from: Point }[];
  ranks: { ranking: string; id: string; from: number | null; to: number | null }[];
  added: string[];
  dropped: string[];
  rankings: { added: string[]; dropped: string[] };
  facts: { added: string[]; dropped: string[] };
  sources: { added: string[]; dropped: string[] };
}

function index(bulk: Bulk) {
  const map = new Map(bulk.map((e) => [e.key, e.value]));
  const id = map.get(POINTER_KEY);
  if (!id) throw new Error(`not a snapshot: no ${POINTER_KEY}`);
  const entities = new Map<string, EntityPage["entity"]>();
  const rankings = new Map<string, Ranking>();
  const facts = new Set<string>();
  let sources: string[] = [];
  for (const [key, value] of map) {
    const rest = key.split(`:${id}:`)[1];
    if (!rest) continue;
    if (rest.startsWith("entity:")) {
      const e = (JSON.parse(value) as { page: EntityPage }).page.entity;
      entities.set(entityKey(e), e);
    } else if (rest.startsWith("ranking:")) {
      const r = (JSON.parse(value) as { ranking: Ranking }).ranking;
      rankings.set(r.id, r);
    } else if (rest.startsWith("fact:")) facts.add((JSON.parse(value) as { fact: Fact }).fact.id);
    else if (rest === "list:sources") sources = (JSON.parse(value) as { sources: Source[] }).sources.map((s) => s.id);
  }
  return { id, entities, rankings, facts, sources: new Set(sources) };
}

const point = (f: Figure): Point => ({ value: f.value, period: f.period, ...(f.bound ? { bound: f.bound } : {}) });
const same = (a: Point, b: Point) => a.value === b.value && a.period === b.period && a.bound === b.bound;
const delta = <T>(a: Set<T> | Map<T, unknown>, b: Set<T> | Map<T, unknown>) => ({
  added: [...b.keys()].filter((k) => !a.has(k)),
  dropped: [...a.keys()].filter((k) => !b.has(k)),
});

export function diffSnapshots(before: Bulk, after: Bulk): SnapshotDiff {
  const a = index(before);
  const b = index(after);
  const d: SnapshotDiff = {
    from: a.id,
    to: b.id,
    figures: [],
    figuresAdded: [],
    figuresDropped: [],
    ranks: [],
    added: [],
    dropped: [],
    rankings: delta(a.rankings, b.rankings),
    facts: delta(a.facts, b.facts),
    sources: delta(a.sources, b.sources),
  };
  for (const [k, e] of b.entities) {
    const old = a.entities.get(k);
    if (!old) {
      d.added.push(k);
      continue;
    }
    for (const [metric, f] of Object.entries(e.figures)) {
      const o = old.figures[metric];
      if (!o) d.figuresAdded.push({ entity: k, metric, to: point(f) });
      else if (!same(point(o), point(f))) d.figures.push({ entity: k, metric, from: point(o), to: point(f) });
    }
    for (const [metric, o] of Object.entries(old.figures)) if (!e.figures[metric]) d.figuresDropped.push({ entity: k, metric, from: point(o) });
  }
  for (const k of a.entities.keys()) if (!b.entities.has(k)) d.dropped.push(k);
  for (const [id, r] of b.rankings) {
    if (!a.rankings.has(id)) continue; // a new ranking: listed under rankings.added, not as rank changes
    const old = new Map(a.rankings.get(id)!.items.map((it) => [it.id, it.rank]));
    const now = new Map(r.items.map((it) => [it.id, it.rank]));
    for (const [eid, rank] of now) if (old.get(eid) !== rank) d.ranks.push({ ranking: id, id: eid, from: old.get(eid) ?? null, to: rank });
    for (const [eid, rank] of old) if (!now.has(eid)) d.ranks.push({ ranking: id, id: eid, from: rank, to: null });
  }
  return d;
}

const show = (p: Point) => `${p.bound === "at-least" ? "≥ " : ""}${p.value} (${p.period})`;

/** One line of counts, for a changelog or a release note. */
export function summariseDiff(d: SnapshotDiff): string {
  return (
    `${d.figures.length} figures moved, ${d.figuresAdded.length} added, ${d.figuresDropped.length} dropped; ` +
    `${d.ranks.length} ranks changed; entities +${d.added.length} −${d.dropped.length}; ` +
    `rankings +${d.rankings.added.length} −${d.rankings.dropped.length}; facts +${d.facts.added.length} −${d.facts.dropped.length}; ` +
    `sources +${d.sources.added.length} −${d.sources.dropped.length}`
  );
}

export function formatDiff(d: SnapshotDiff): string {
  const lines = [`snapshot ${d.from} → ${d.to}`];
  if (d.from === d.to) lines.push("identical content (same fingerprint)");
  lines.push(summariseDiff(d));
  lines.push(`figures moved: ${d.figures.length}`);
  for (const f of d.figures) lines.push(`  ${f.entity} ${f.metric}: ${show(f.from)} → ${show(f.to)}`);
  lines.push(`figures added: ${d.figuresAdded.length}`, ...d.figuresAdded.map((f) => `  + ${f.entity} ${f.metric}: ${show(f.to)}`));
  lines.push(`figures dropped: ${d.figuresDropped.length}`, ...d.figuresDropped.map((f) => `  - ${f.entity} ${f.metric}: ${show(f.from)}`));
  lines.push(`ranks changed: ${d.ranks.length}`);
  for (const r of d.ranks) lines.push(`  ${r.ranking} ${r.id}: ${r.from ?? "–"} → ${r.to ?? "–"}`);
  lines.push(`entities added: ${d.added.length}`, ...d.added.map((k) => `  + ${k}`));
  lines.push(`entities dropped: ${d.dropped.length}`, ...d.dropped.map((k) => `  - ${k}`));
  for (const [name, x] of [
    ["rankings", d.rankings],
    ["facts", d.facts],
    ["sources", d.sources],
  ] as const)
    lines.push(`${name}: +${x.added.length} −${x.dropped.length}`, ...x.added.map((k) => `  + ${k}`), ...x.dropped.map((k) => `  - ${k}`));
  return lines.join("\n");
}
