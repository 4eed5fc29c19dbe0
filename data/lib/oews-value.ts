// OEWS cell values: numbers with thousands separators, or the special codes BLS defines in the field descriptions.

export type OewsValue =
  | { kind: "number"; value: number }
  /** `*` wage not available, `**` employment not available, `#` at or above the top code, `~` < 0.5% of establishments report. */
  | { kind: "special"; code: "*" | "**" | "#" | "~" }
  | { kind: "empty" };

/** BLS's own words for each code (the "Notes" of the release's field descriptions). */
export const specialMeanings = {
  "*": "a wage estimate is not available",
  "**": "an employment estimate is not available",
  "#": "a wage equal to or greater than the top code",
  "~": "the percent of establishments reporting the occupation is less than 0.5%",
} as const;

/** Why a cell gives no figure, in BLS's words, for a stated gap. */
export function gapReason(v: OewsValue): string {
  if (v.kind === "special") return `BLS: ${specialMeanings[v.code]} (${v.code})`;
  return "BLS: blank in the file (not all fields are available for every type of estimate)";
}

const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Returns null for text that is neither a number nor a special code: the caller reports file:row:field. */
export function parseOewsValue(raw: string): OewsValue | null {
  const s = raw.trim();
  if (s === "") return { kind: "empty" };
  if (s === "*" || s === "**" || s === "#" || s === "~") return { kind: "special", code: s };
  if (!NUMBER.test(s)) return null;
  return { kind: "number", value: Number(s.replaceAll(",", "")) };
}
