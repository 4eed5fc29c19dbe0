// A strict RFC 4180 reader that remembers the line each record starts on, for file:row error messages.
import { BuildError } from "./build-error";

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1 when the file has no preamble). */
  line: number;
  fields: string[];
}

export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      fieldStarted = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new BuildError(file, recordLine, "(record)", "unterminated quoted field");
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/**
 * Blanks lines that start with "#" (provenance lines above or among the rows) before parsing, so a quote in a
 * comment cannot open a field, and every record keeps its real line number.
 */
export function blankComments(text: string): string {
  return text.replace(/^#[^\r\n]*/gm, "");
}

/** Records as objects keyed by header; fails on a header mismatch and on short or long rows. */
export function readTable(
  text: string,
  file: string,
  expected: readonly string[],
  { skipLines = 0, comments = false }: { skipLines?: number; comments?: boolean } = {},
): { line: number; row: Record<string, string> }[] {
  const records = parseCsv(comments ? blankComments(text) : text, file).filter((r) => r.line > skipLines);
  const head = records[0];
  if (!head) throw new BuildError(file, 1, "(header)", "file is empty");
  const normalised = head.fields.map((h) => h.trim().toUpperCase());
  expected.forEach((name, i) => {
    if (normalised[i] !== name.toUpperCase())
      throw new BuildError(file, head.line, name, `header does not match: expected column ${i + 1} to be "${name}", found "${head.fields[i] ?? ""}"`);
  });
  if (normalised.length !== expected.length)
    throw new BuildError(file, head.line, "(header)", `expected ${expected.length} columns, found ${normalised.length}`);
  return records.slice(1).map((r) => {
    if (r.fields.length < expected.length)
      throw new BuildError(file, r.line, expected[r.fields.length]!, `truncated row: ${r.fields.length} of ${expected.length} fields`);
    if (r.fields.length > expected.length) throw new BuildError(file, r.line, "(row)", `${r.fields.length} fields, expected ${expected.length}`);
    const row: Record<string, string> = {};
    expected.forEach((name, i) => (row[name] = r.fields[i]!));
    return { line: r.line, row };
  });
}
