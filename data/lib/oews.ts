// Importer for BLS OEWS download files (national, state, metro and industry layouts share these 32 columns).
import { z } from "zod";
import { BuildError } from "./build-error";
import { readTable } from "./csv";
import { parseOewsValue, type OewsValue } from "./oews-value";

export const OEWS_COLUMNS = [
  "AREA",
  "AREA_TITLE",
  "AREA_TYPE",
  "PRIM_STATE",
  "NAICS",
  "NAICS_TITLE",
  "I_GROUP",
  "OWN_CODE",
  "OCC_CODE",
  "OCC_TITLE",
  "O_GROUP",
  "TOT_EMP",
  "EMP_PRSE",
  "JOBS_1000",
  "LOC_QUOTIENT",
  "PCT_TOTAL",
  "PCT_RPT",
  "H_MEAN",
  "A_MEAN",
  "MEAN_PRSE",
  "H_PCT10",
  "H_PCT25",
  "H_MEDIAN",
  "H_PCT75",
  "H_PCT90",
  "A_PCT10",
  "A_PCT25",
  "A_MEDIAN",
  "A_PCT75",
  "A_PCT90",
  "ANNUAL",
  "HOURLY",
] as const;

const NUMERIC = [
  "TOT_EMP",
  "EMP_PRSE",
  "JOBS_1000",
  "LOC_QUOTIENT",
  "PCT_TOTAL",
  "PCT_RPT",
  "H_MEAN",
  "A_MEAN",
  "MEAN_PRSE",
  "H_PCT10",
  "H_PCT25",
  "H_MEDIAN",
  "H_PCT75",
  "H_PCT90",
  "A_PCT10",
  "A_PCT25",
  "A_MEDIAN",
  "A_PCT75",
  "A_PCT90",
] as const;
export type OewsNumericColumn = (typeof NUMERIC)[number];

/** Above this a double no longer holds every integer exactly (2^53 ≈ 9.0e15). */
export const MAX_VALUE = 1e15;

const oewsValue = z.string().transform((raw, ctx): OewsValue => {
  const v = parseOewsValue(raw);
  if (v === null) {
    ctx.addIssue({ code: "custom", message: `not a number or an OEWS special value: "${raw}"` });
    return z.NEVER;
  }
  // Every OEWS measure is a count, a wage, a share or a ratio: never negative, never beyond exact doubles.
  if (v.kind === "number" && (v.value < 0 || v.value > MAX_VALUE)) {
    ctx.addIssue({ code: "custom", message: `${v.value < 0 ? "a negative number is not" : "too large for"} an OEWS value: "${raw}"` });
    return z.NEVER;
  }
  return v;
});

const text = z.string().trim();
export const OewsRow = z.object({
  AREA: text.min(1),
  AREA_TITLE: text.min(1),
  AREA_TYPE: text.regex(/^[1-6]$/, "area type must be 1–6"),
  PRIM_STATE: text,
  NAICS: text.min(1),
  NAICS_TITLE: text.min(1),
  I_GROUP: text,
  OWN_CODE: text,
  OCC_CODE: text.regex(/^\d{2}-\d{4}$/, "SOC code must look like 15-2051"),
  OCC_TITLE: text.min(1),
  O_GROUP: text,
  ...(Object.fromEntries(NUMERIC.map((c) => [c, oewsValue])) as Record<OewsNumericColumn, typeof oewsValue>),
});
export type OewsRow = z.infer<typeof OewsRow> & { line: number };

/** Rows of an OEWS file; `#` provenance lines above the header are skipped, every row keeps its real line number. */
export function importOews(csvText: string, file: string, opts: { skipLines?: number } = {}): OewsRow[] {
  return readTable(csvText, file, OEWS_COLUMNS, { ...opts, comments: true }).map(({ line, row }) => {
    const parsed = OewsRow.safeParse(row);
    if (!parsed.success) throw BuildError.fromZod(file, line, parsed.error, "(row)");
    return { ...parsed.data, line };
  });
}

export function numberOf(v: OewsValue): number | undefined {
  return v.kind === "number" ? v.value : undefined;
}
