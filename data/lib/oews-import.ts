// Normalises an official OEWS download (csv or xlsx rows; national, state, metro or industry layout) to the 32-column CSV.
import { createHash } from "node:crypto";
import { BuildError } from "./build-error";
import { parseCsv } from "./csv";
import { csvField } from "../../core/index";
import { MAX_VALUE, OEWS_COLUMNS, OewsRow } from "./oews";
import { parseOewsValue } from "./oews-value";

export type Layout = "national" | "state" | "metro" | "industry";

/** Columns a release may leave out (May 2025 files drop nothing known, but some layouts lack these). */
const NUMERIC = new Set(OEWS_COLUMNS.slice(OEWS_COLUMNS.indexOf("TOT_EMP"), OEWS_COLUMNS.indexOf("ANNUAL")));
const OPTIONAL = new Set(["PRIM_STATE", "JOBS_1000", "LOC_QUOTIENT", "PCT_TOTAL", "PCT_RPT", "ANNUAL", "HOURLY"]);

export interface Normalised {
  csv: string;
  rows: number;
  layout: Layout;
  topCoded: boolean;
  sha256: string;
}

export function rowsFromCsv(text: string, file: string): { line: number; fields: string[] }[] {
  // Comment lines ("# …") may come before the header; after it every record is data (a row whose columns were
  // reordered may start with a top-coded "#" wage).
  const records = parseCsv(text, file);
  const head = records.findIndex((r) => !r.fields[0]?.startsWith("#"));
  return head < 0 ? [] : records.slice(head);
}

/** Numbers lose thousands separators and float noise from xlsx (59.899999999999999 → 59.9); special codes are kept. */
function normaliseCell(raw: string): string {
  const s = raw.trim();
  const v = parseOewsValue(s);
  // A value out of range stays as written, so the row check reports it as the file has it.
  if (v && v.kind === "number" && Math.abs(v.value) <= MAX_VALUE) return String(Number(v.value.toFixed(6)));
  return s;
}

export function normaliseOews(records: { line: number; fields: string[] }[], file: string, input: Uint8Array | string): Normalised {
  const head = records[0];
  if (!head) throw new BuildError(file, 1, "(header)", "file is empty");
  const names = head.fields.map((h) => h.trim().toUpperCase());
  const index = new Map(names.map((n, i) => [n, i]));
  for (const c of OEWS_COLUMNS)
    if (!index.has(c) && !OPTIONAL.has(c)) throw new BuildError(file, head.line, c, "header does not match: required OEWS column is missing");
  const out = [OEWS_COLUMNS.join(",")];
  const types = new Set<string>();
  const groups = new Set<string>();
  let topCoded = false;
  for (const r of records.slice(1)) {
    if (r.fields.every((f) => f.trim() === "")) continue;
    if (r.fields.length < names.length)
      throw new BuildError(file, r.line, names[r.fields.length] ?? "(row)", `truncated row: ${r.fields.length} of ${names.length} fields`);
    const row: Record<string, string> = {};
    for (const c of OEWS_COLUMNS) {
      const raw = index.has(c) ? (r.fields[index.get(c)!] ?? "") : "";
      // Codes (AREA "01", NAICS "000000") stay text; only measures are normalised.
      row[c] = NUMERIC.has(c) ? normaliseCell(raw) : raw.trim();
    }
    const parsed = OewsRow.safeParse(row);
    if (!parsed.success) throw BuildError.fromZod(file, r.line, parsed.error, "(row)");
    types.add(row.AREA_TYPE!);
    groups.add(row.I_GROUP!);
    if (Object.values(row).includes("#")) topCoded = true;
    out.push(OEWS_COLUMNS.map((c) => csvField(row[c]!)).join(","));
  }
  const layout: Layout = [...groups].some((g) => /sector|digit/.test(g)) ? "industry" : types.has("4") ? "metro" : types.has("2") ? "state" : "national";
  const sha256 = createHash("sha256").update(input).digest("hex");
  return { csv: `${out.join("\n")}\n`, rows: out.length - 1, layout, topCoded, sha256 };
}
