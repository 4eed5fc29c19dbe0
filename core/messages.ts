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

/** What each element is called in its own messages: "Loading ranking…", "No fact called …". */
export type WidgetNoun = "chart" | "ranking" | "comparison" | "fact" | "profile";

const quoted = (what: readonly string[]) => what.map((w) => `"${w}"`).join(" and ");

/** Widget states shown inside the element, each worded for the element that shows it. */
export const widgetMessages = {
  loading: (noun: WidgetNoun) => `Loading ${noun}…`,
  "missing-attribute": (noun: WidgetNoun, name: string) => `This ${noun} needs a "${name}" attribute.`,
  "bad-attribute": (_noun: WidgetNoun, name: string) => `The "${name}" attribute is not valid.`,
  /** `what`: the id asked for, or a comparison's two ids. */
  "not-found": (noun: WidgetNoun, what: readonly string[]) => `No ${noun} ${noun === "comparison" ? "of" : "called"} ${quoted(what)} exists.`,
  network: (noun: WidgetNoun) => `The ${noun} could not be loaded: the data service did not answer.`,
  /** A pinned element whose snapshot was published and has since been pruned (the API's 410 snapshot-gone). */
  "snapshot-gone": (noun: WidgetNoun) => `This ${noun} is pinned to a snapshot the atlas no longer keeps, so its figures cannot be shown.`,
  /** A snapshot attribute of the right form that names no published snapshot (the API's 404 unknown-snapshot). */
  "unknown-snapshot": (noun: WidgetNoun) => `This ${noun} is pinned to a snapshot the atlas never published.`,
  "bad-response": (noun: WidgetNoun) => `The ${noun} could not be loaded: the data service sent something unexpected.`,
  "render-failed": (noun: WidgetNoun) => `The ${noun} could not be drawn.`,
} as const;
export type WidgetErrorCode = Exclude<keyof typeof widgetMessages, "loading">;
