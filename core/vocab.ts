// Plain vocabularies (no zod): trust labels and units, shared by the full schemas and the widget payloads.
export const trustLabels = ["official", "official-derived", "third-party", "article"] as const;
export const units = ["jobs", "usd-per-year", "usd-per-hour", "percent", "ratio", "per-1000-jobs"] as const;

/** A published value that is a top code, not an estimate: the estimate is at least this value (OEWS `#`). */
export const bounds = ["at-least"] as const;
/** Reliability marks. A figure is marked when the relative standard error its source publishes is at or above
 *  PRSE_CAUTION_THRESHOLD percent (the cut-off at which NCHS flags estimates and Census's ACS guidance calls
 *  an estimate unreliable). */
export const reliabilityMarks = ["use-with-caution"] as const;
export const PRSE_CAUTION_THRESHOLD = 30;
