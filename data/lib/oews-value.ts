// OEWS cell values: numbers with thousands separators, or the special codes BLS defines in the field descriptions.

export type OewsValue =
  | { kind: "number"; value: number }
  /** `*` wage not available, `**` employment not available, `#` at or above the top code, `~` < 0.5% of establishments report. */
  | { kind: "special"; code: "*" | "**" | "#" | "~" }
  | { kind: "empty" };

export const specialMeanings = {
  "*": "wage estimate not available",
  "**": "employment estimate not available",
  "#": "wage at or above the top code",
  "~": "fewer than 0.5% of establishments report this occupation",
} as const;

const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Returns null for text that is neither a number nor a special code: the caller reports file:row:field. */
export function parseOewsValue(raw: string): OewsValue | null {
  const s = raw.trim();
  if (s === "") return { kind: "empty" };
  if (s === "*" || s === "**" || s === "#" || s === "~") return { kind: "special", code: s };
  if (!NUMBER.test(s)) return null;
  return { kind: "number", value: Number(s.replaceAll(",", "")) };
}
