// What a profile says about one entity, computed from the bodies the API serves: its rank in each ranking (ties
// shared), the national figure beside a local one, its nearest peers, and the summary sentence. Pure, so one test can
// hold every sentence true for every entity.
import { figureProse } from "./format";
import { gapsClause, kindNouns, rankPhrase, type RankFacts } from "./report-text";
import type { Entity, EntityKind, Figure, Ranking } from "./schemas";

/** Where `id` stands in `r`, or undefined when it is not ranked there. */
export function rankIn(r: Pick<Ranking, "items" | "order" | "gaps" | "kind">, id: string): RankFacts | undefined {
  const item = r.items.find((it) => it.id === id);
  if (!item) return undefined;
  return {
    rank: item.rank,
    sharing: r.items.filter((it) => it.rank === item.rank).length,
    of: r.items.length,
    order: r.order,
    noun: kindNouns[r.kind].plural,
    gaps: r.gaps.length,
  };
}

/**
 * The national cross-industry figure a local or industry figure can be set beside: the same occupation (named by its
 * SOC code in the figure's note) and metric in the national estimates. Occupations and roles are national already.
 */
export function nationalKey(kind: EntityKind, metric: string, f: Pick<Figure, "note">): { soc: string; metric: string } | undefined {
  if (kind === "occupations" || kind === "roles") return undefined;
  const soc = /\(SOC (\d\d-\d{4})\)/.exec(f.note ?? "")?.[1];
  return soc ? { soc, metric: metric.replace(/^cirs-/, "") } : undefined;
}

/** The national figure is shown only when it measures the same thing in the same unit for the same period. */
export function comparableNational(local: Pick<Figure, "unit" | "period">, national: Pick<Figure, "unit" | "period"> | undefined): boolean {
  return !!national && national.unit === local.unit && national.period === local.period;
}

/** The occupation's national figure for the local figure's measure and period: the current one, else the point of
 *  the national series for that period (a state's May 2024 figure beside the U.S. May 2024 one, not May 2025's). */
export function nationalFor(occupation: Pick<Entity, "figures" | "series">, metric: string, local: Pick<Figure, "unit" | "period">): Figure | undefined {
  const current = occupation.figures[metric];
  if (comparableNational(local, current)) return current;
  return occupation.series?.points[metric]?.find((p) => comparableNational(local, p));
}

/** The `n` items nearest to `id` in value (ties by name), itself excluded. */
export function nearestPeers<T extends { id: string; name: string; figure: { value: number } }>(items: readonly T[], id: string, n = 5): T[] {
  const self = items.find((it) => it.id === id);
  if (!self) return [];
  return items
    .filter((it) => it.id !== id)
    .map((it) => ({ it, d: Math.abs(it.figure.value - self.figure.value) }))
    .sort((a, b) => a.d - b.d || a.it.name.localeCompare(b.it.name, "en"))
    .slice(0, n)
    .map((x) => x.it);
}

/** "Ohio: 15th highest of 50 states in States by data-scientist employment (5,510, May 2024, official)." */
export function rankSentence(
  name: string,
  title: string,
  r: RankFacts,
  f: Pick<Figure, "value" | "unit" | "bound" | "qualifier" | "period" | "trust">,
): string {
  const gaps = gapsClause(r);
  return `${name}: ${rankPhrase(r, { gaps: false })} in ${title} (${figureProse(f)}, ${f.period}, ${f.trust})${gaps ? `; ${gaps}` : ""}.`;
}

/** The profile's summary (its meta and social description): the first ranking's sentence, or what is missing. */
export function profileSummary(o: {
  name: string;
  kind: EntityKind;
  figures: number;
  first?: { title: string; rank: RankFacts; figure: Pick<Figure, "value" | "unit" | "bound" | "qualifier" | "period" | "trust"> };
}): string {
  const noun = kindNouns[o.kind].singular;
  if (!o.figures) return `${o.name} (${noun}): no figure is published for it in the atlas's sources; each missing figure is listed with the source's reason.`;
  const count = `${o.figures} ${o.figures === 1 ? "figure" : "figures"}, each with its period and trust label`;
  return o.first
    ? `${rankSentence(o.name, o.first.title, o.first.rank, o.first.figure)} ${count}.`
    : `${o.name} (${noun}): ${count}; it is in no ranking of the atlas.`;
}
