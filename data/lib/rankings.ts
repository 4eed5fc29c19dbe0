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
// A title's "{period}" is the period of the ranked figures, so a title stays true when a new release moves it.

const r = (id: string, title: string, kind: EntityKind, metric: Metric, noun: string): RankingDef => ({ id, title, kind, metric, order: "desc", noun });

export const rankingDefs: RankingDef[] = [
  r("occupations-by-median-wage", "ML-relevant occupations by median annual wage", "occupations", "median-annual-wage", "occupations"),
  r("occupations-by-employment", "ML-relevant occupations by employment", "occupations", "employment", "occupations"),
  r("occupations-by-90th-percentile-wage", "ML-relevant occupations by 90th percentile annual wage", "occupations", "p90-annual-wage", "occupations"),
  r(
    "occupations-by-projected-growth-2023-33",
    "ML-relevant occupations by projected employment growth, 2023–33",
    "occupations",
    "projected-growth-2023-33",
    "occupations",
  ),
  r("occupations-by-employment-growth", "ML-relevant occupations by employment growth, {period}", "occupations", "employment-growth-series", "occupations"),
  r("occupations-by-jobs-added", "ML-relevant occupations by jobs added, {period}", "occupations", "jobs-added-series", "occupations"),
  r("metros-by-data-scientist-employment", "Metro areas by data-scientist employment", "metros", "employment", "metro areas"),
  r("metros-by-data-scientist-location-quotient", "Metro areas by data-scientist location quotient", "metros", "location-quotient", "metro areas"),
  r("metros-by-data-scientist-median-wage", "Metro areas by data-scientist median annual wage", "metros", "median-annual-wage", "metro areas"),
  r(
    "metros-by-data-scientist-growth-2021-2024",
    "Metro areas by data-scientist employment growth, 2021–2024",
    "metros",
    "employment-growth-2021-2024",
    "metro areas",
  ),
  r("states-by-data-scientist-employment", "States by data-scientist employment", "states", "employment", "states"),
  r("states-by-data-scientist-median-wage", "States by data-scientist median annual wage", "states", "median-annual-wage", "states"),
  r("states-by-data-scientist-location-quotient", "States by data-scientist location quotient", "states", "location-quotient", "states"),
  r("states-by-research-scientist-employment", "States by computer and information research scientist employment", "states", "cirs-employment", "states"),
  r(
    "states-by-data-scientist-employment-may-2025",
    "States by data-scientist employment, May 2025 (third-party extract)",
    "states",
    "employment-may-2025",
    "states",
  ),
  r("sectors-by-data-scientist-employment", "NAICS sectors by data-scientist employment", "naics-sectors", "employment", "sectors"),
  r("sectors-by-data-scientist-median-wage", "NAICS sectors by data-scientist median annual wage", "naics-sectors", "median-annual-wage", "sectors"),
  r(
    "sectors-by-research-scientist-employment",
    "NAICS sectors by computer and information research scientist employment",
    "naics-sectors",
    "cirs-employment",
    "sectors",
  ),
  r("naics-industries-by-data-scientist-employment", "NAICS 3-digit industries by data-scientist employment", "naics-industries", "employment", "industries"),
  r(
    "naics-industries-by-data-scientist-median-wage",
    "NAICS 3-digit industries by data-scientist median annual wage",
    "naics-industries",
    "median-annual-wage",
    "industries",
  ),
  r(
    "naics-industries-by-data-scientist-90th-percentile-wage",
    "NAICS 3-digit industries by data-scientist 90th percentile annual wage",
    "naics-industries",
    "p90-annual-wage",
    "industries",
  ),
  r(
    "naics-industries-by-data-scientist-employment-may-2025",
    "NAICS industries by data-scientist employment, May 2025 (third-party extract)",
    "naics-industries",
    "employment-may-2025",
    "industries",
  ),
  r(
    "article-industries-by-data-scientist-employment",
    "The article's industries by data-scientist employment of their mapped NAICS category",
    "industries",
    "employment",
    "industries",
  ),
  r(
    "employer-types-by-data-scientist-median-wage",
    "Employer types by data-scientist median annual wage of their mapped NAICS sector",
    "employer-types",
    "median-annual-wage",
    "employer types",
  ),
  r("employer-sizes-by-ai-use", "Employer sizes by share of firms using AI (context, not hiring)", "employer-sizes", "ai-use-share", "firm sizes"),
  r(
    "government-levels-by-data-scientist-employment",
    "Government levels by data-scientist employment",
    "government-levels",
    "employment",
    "levels of government",
  ),
  r("roles-by-median-wage", "Entry-level roles by median annual wage of their mapped occupation", "roles", "median-annual-wage", "roles"),
];

/** Kinds compared pair by pair at build time; larger kinds get per-entity records joined at the edge. */
export const PAIR_LIMIT = 40;
