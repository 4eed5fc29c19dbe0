// The rankings the snapshot publishes: which kind, which metric, which order, and the noun for summaries.
import type { EntityKind, Metric } from "../../core/index";

export interface RankingDef {
  id: string;
  title: string;
  kind: EntityKind;
  metric: Metric;
  order: "desc" | "asc";
  noun: string;
}

export const rankingDefs: RankingDef[] = [
  { id: "occupations-by-median-wage", title: "ML-relevant occupations by median annual wage", kind: "occupations", metric: "median-annual-wage", order: "desc", noun: "occupations" },
  { id: "occupations-by-employment", title: "ML-relevant occupations by employment", kind: "occupations", metric: "employment", order: "desc", noun: "occupations" },
  { id: "occupations-by-90th-percentile-wage", title: "ML-relevant occupations by 90th percentile annual wage", kind: "occupations", metric: "p90-annual-wage", order: "desc", noun: "occupations" },
  { id: "metros-by-data-scientist-employment", title: "Metro areas by data-scientist employment", kind: "metros", metric: "employment", order: "desc", noun: "metro areas" },
  { id: "metros-by-data-scientist-location-quotient", title: "Metro areas by data-scientist location quotient", kind: "metros", metric: "location-quotient", order: "desc", noun: "metro areas" },
  { id: "metros-by-data-scientist-median-wage", title: "Metro areas by data-scientist median annual wage", kind: "metros", metric: "median-annual-wage", order: "desc", noun: "metro areas" },
];

/** Kinds compared pair by pair at build time; larger kinds get per-entity records joined at the edge. */
export const PAIR_LIMIT = 40;
