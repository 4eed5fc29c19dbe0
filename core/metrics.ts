// The metrics figures are keyed by, with their labels and units, shared by the build, the API and widgets.
import type { Unit } from "./schemas";

export const metrics = {
  employment: { label: "Employment", unit: "jobs" },
  "median-annual-wage": { label: "Median annual wage", unit: "usd-per-year" },
  "mean-annual-wage": { label: "Mean annual wage", unit: "usd-per-year" },
  "p10-annual-wage": { label: "10th percentile annual wage", unit: "usd-per-year" },
  "p25-annual-wage": { label: "25th percentile annual wage", unit: "usd-per-year" },
  "p75-annual-wage": { label: "75th percentile annual wage", unit: "usd-per-year" },
  "p90-annual-wage": { label: "90th percentile annual wage", unit: "usd-per-year" },
  "median-hourly-wage": { label: "Median hourly wage", unit: "usd-per-hour" },
  "location-quotient": { label: "Location quotient", unit: "ratio" },
  "jobs-per-1000": { label: "Jobs per 1,000 jobs", unit: "per-1000-jobs" },
  "employment-may-2025": { label: "Employment, May 2025", unit: "jobs" },
  "median-annual-wage-may-2025": { label: "Median annual wage, May 2025", unit: "usd-per-year" },
  "mean-annual-wage-may-2025": { label: "Mean annual wage, May 2025", unit: "usd-per-year" },
  "p90-annual-wage-may-2025": { label: "90th percentile annual wage, May 2025", unit: "usd-per-year" },
  "location-quotient-may-2025": { label: "Location quotient, May 2025", unit: "ratio" },
  "cirs-employment": { label: "Computer and information research scientists: employment", unit: "jobs" },
  "cirs-median-annual-wage": { label: "Computer and information research scientists: median annual wage", unit: "usd-per-year" },
  "cirs-employment-may-2025": { label: "Computer and information research scientists: employment, May 2025", unit: "jobs" },
  "employment-2021": { label: "Employment, May 2021", unit: "jobs" },
  "employment-growth-2021-2024": { label: "Employment growth, May 2021 to May 2024", unit: "percent" },
  "employment-change-2024-2025": { label: "Employment change, May 2024 to May 2025", unit: "percent" },
  "base-employment-2023": { label: "Employment, 2023 (projections base)", unit: "jobs" },
  "projected-employment-2033": { label: "Projected employment, 2033", unit: "jobs" },
  "projected-growth-2023-33": { label: "Projected employment growth, 2023–33", unit: "percent" },
  "ai-use-share": { label: "Share of firms using AI", unit: "percent" },
  "employment-growth-series": { label: "Employment growth over the national series", unit: "percent" },
  "jobs-added-series": { label: "Jobs added over the national series", unit: "jobs" },
} as const satisfies Record<string, { label: string; unit: Unit }>;
export type Metric = keyof typeof metrics;

export function metricLabel(metric: string): string {
  return (metrics as Record<string, { label: string }>)[metric]?.label ?? metric;
}
