// One catalogue of user-facing messages with stable codes: API problems, data-build errors, widget states.

/** API problem codes (RFC 9457 `type` is `${PROBLEM_BASE}${code}`). */
export const problems = {
  "not-found": { status: 404, title: "No such resource" },
  "unknown-ranking": { status: 404, title: "No such ranking" },
  "unknown-chart": { status: 404, title: "No such chart" },
  "unknown-kind": { status: 404, title: "No such kind" },
  "unknown-entity": { status: 404, title: "No such entity" },
  "unknown-section": { status: 404, title: "No such section" },
  "unknown-fact": { status: 404, title: "No such fact" },
  "unknown-snapshot": { status: 404, title: "No such snapshot" },
  "snapshot-gone": { status: 410, title: "Snapshot no longer kept" },
  "snapshot-unavailable": { status: 503, title: "Snapshot temporarily unavailable" },
  "unknown-widget-version": { status: 404, title: "No such widget release" },
  "widget-release-unavailable": { status: 503, title: "Widget release temporarily unavailable" },
  "bad-parameter": { status: 400, title: "Bad parameter" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const;
export type ProblemCode = keyof typeof problems;
export const PROBLEM_BASE = "https://ml-employer-atlas.dev/problems/";

/** Data-build error codes; each message names file, row and field. */
export const buildErrors = {
  "bad-header": "header does not match the expected columns",
  "bad-row": "row does not match the schema",
  "not-a-number": "expected a number",
  "truncated-row": "row has fewer fields than the header",
  "unknown-source": "figure names a source that is not listed",
  "duplicate-id": "id appears twice",
} as const;
export type BuildErrorCode = keyof typeof buildErrors;

export function formatBuildError(file: string, row: number, field: string, reason: string): string {
  return `${file}:${row}: ${field}: ${reason}`;
}

/** Widget states shown inside the element. */
export const widgetMessages = {
  loading: "Loading chart…",
  "missing-attribute": (name: string) => `This chart needs a "${name}" attribute.`,
  "bad-attribute": (name: string) => `The "${name}" attribute is not valid.`,
  "not-found": (what: string) => `No chart called "${what}" exists.`,
  "network": "The chart could not be loaded: the data service did not answer.",
  "bad-response": "The chart could not be loaded: the data service sent something unexpected.",
  "render-failed": "The chart could not be drawn.",
} as const;
