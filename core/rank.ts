// Pure ranking: order entities by one figure, ties broken by name, equal values share a rank.
import type { Entity, RankingItem } from "./schemas";

export interface RankOptions {
  metric: string;
  order: "desc" | "asc";
}

/** Entities without the metric are left out: a missing figure is never ranked as zero. */
export function rankEntities(entities: readonly Entity[], { metric, order }: RankOptions): RankingItem[] {
  const rows = entities.flatMap((e) => {
    const figure = e.figures[metric];
    return figure ? [{ id: e.id, name: e.name, figure }] : [];
  });
  const sign = order === "desc" ? -1 : 1;
  rows.sort((x, y) => sign * (x.figure.value - y.figure.value) || x.name.localeCompare(y.name, "en"));
  let rank = 0;
  return rows.map((row, i) => {
    const prev = rows[i - 1];
    if (!prev || prev.figure.value !== row.figure.value) rank = i + 1;
    return { rank, ...row };
  });
}
