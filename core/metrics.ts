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
} as const satisfies Record<string, { label: string; unit: Unit }>;
export type Metric = keyof typeof metrics;

export function metricLabel(metric: string): string {
  return (metrics as Record<string, { label: string }>)[metric]?.label ?? metric;
}
