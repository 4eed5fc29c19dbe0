// Plain vocabularies (no zod): trust labels and units, shared by the full schemas and the widget payloads.
export const trustLabels = ["official", "official-derived", "third-party", "article"] as const;
export const units = ["jobs", "usd-per-year", "usd-per-hour", "percent", "ratio", "per-1000-jobs"] as const;
