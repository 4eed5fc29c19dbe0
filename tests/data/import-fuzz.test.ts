// Property tests of data:import (fast-check, fixed seeds) over the official OEWS download, as CSV and xlsx, mutated:
// re-encoded, re-ordered, cut short, renamed, given bad numbers and random bytes. Every outcome is the right rows,
// or a BuildError `file:row: field: reason` with nothing written; never another exception.
import fc from "fast-check";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../../data/lib/csv";
import { describe, expect, it } from "vitest";
import { importOewsFile, readOewsDownload } from "../../data/import";
import { BuildError } from "../../data/lib/build-error";
import { importOews, OEWS_COLUMNS } from "../../data/lib/oews";
import { ROOT, tempDir } from "./helpers";

const DIR = join(ROOT, "data/sources/bls-oews-m2024");
const OFFICIAL_CSV = readFileSync(join(DIR, "national_M2024_dl.csv"), "utf8");
const OFFICIAL_XLSX = readFileSync(join(DIR, "national_M2024_dl.xlsx"));
/** The official file's header and first 150 rows (the whole file is 1,403 rows): the same layout, 10× faster a run. */
const SAMPLE = `${OFFICIAL_CSV.split("\n").slice(0, 151).join("\n")}\n`;
const NAME = "national_M2024_dl.csv";
const SEED = 20261202;
const MEASURES = OEWS_COLUMNS.slice(OEWS_COLUMNS.indexOf("TOT_EMP"), OEWS_COLUMNS.indexOf("ANNUAL"));
const OPTIONAL = new Set(["PRIM_STATE", "JOBS_1000", "LOC_QUOTIENT", "PCT_TOTAL", "PCT_RPT", "ANNUAL", "HOURLY"]);

const work = tempDir("atlas-import-fuzz-");
const sourcesDir = join(work, "sources");
function freshSources() {
  rmSync(sourcesDir, { recursive: true, force: true });
  mkdirSync(sourcesDir, { recursive: true });
  writeFileSync(join(sourcesDir, "sources.json"), "[]");
}

type Outcome = { ok: true; csv: string; rows: number } | { ok: false; message: string };

/** Imports `bytes` as `name` into a fresh sources folder. A failure must be a BuildError `name:row: field: reason`
 *  that left the folder as it was; any other exception fails the property. */
function attempt(bytes: Uint8Array | string, name = NAME): Outcome {
  const file = join(work, name);
  writeFileSync(file, bytes);
  freshSources();
  try {
    // The release's top code, as a CSV of a top-coded release must be given it (an xlsx states it itself).
    const { norm } = importOewsFile(file, { sourcesDir, topCode: { annual: 239200, hourly: 115 } });
    return { ok: true, csv: norm.csv, rows: norm.rows };
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    expect(err.message).toMatch(new RegExp(`^${name.replace(".", "\\.")}:\\d+: [^:\\n]+: .+`));
    expect(readdirSync(sourcesDir)).toEqual(["sources.json"]);
    expect(readFileSync(join(sourcesDir, "sources.json"), "utf8")).toBe("[]");
    return { ok: false, message: err.message };
  }
}

/** The records of a CSV text, by the pipeline's RFC 4180 reader (a different module from the writers under test). */
const parse = (text: string): string[][] => parseCsv(text, "csv").map((r) => r.fields);
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const write = (rows: string[][], eol = "\n") => rows.map((r) => r.map(quote).join(",")).join(eol) + eol;

const TABLE = parse(SAMPLE);
const LINE_ENDS = [...SAMPLE.matchAll(/\n/g)].map((m) => m.index);
const EXPECTED = attempt(SAMPLE) as Extract<Outcome, { ok: true }>;
const run = (p: fc.IRawProperty<unknown[]>, numRuns: number) => fc.assert(p, { seed: SEED, numRuns, endOnFailure: true });

describe("data:import under mutation (fast-check, seed 20261202)", () => {
  it("the sample imports as the official file's first 150 rows", () => {
    expect(EXPECTED).toMatchObject({ ok: true, rows: 150 });
    expect(EXPECTED.csv.split("\n").slice(0, 151)).toEqual(readOewsDownload(join(DIR, "national_M2024_dl.csv")).csv.split("\n").slice(0, 151));
  });

  it("40 re-encodings (UTF-8, BOM, UTF-16 LE/BE), line endings, column orders and header cases give exactly the same rows", () => {
    run(
      fc.property(
        fc.constantFrom("utf8", "utf8-bom", "utf16le", "utf16be"),
        fc.constantFrom("\n", "\r\n"),
        fc.shuffledSubarray([...TABLE[0]!.keys()], { minLength: TABLE[0]!.length, maxLength: TABLE[0]!.length }),
        fc.constantFrom("as is", "lower"),
        fc.nat(2),
        (encoding, eol, order, headerCase, blanks) => {
          const rows = TABLE.map((r, i) => order.map((j) => (i === 0 && headerCase === "lower" ? r[j]!.toLowerCase() : r[j]!)));
          const text = write(rows, eol) + eol.repeat(blanks);
          const bytes =
            encoding === "utf8"
              ? Buffer.from(text)
              : encoding === "utf8-bom"
                ? Buffer.from(`\uFEFF${text}`)
                : encoding === "utf16le"
                  ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
                  : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
          expect(attempt(bytes)).toEqual(EXPECTED);
        },
      ),
      40,
    );
  });

  it("150 bad values (negative, huge, not numbers) in any measure of any row are reported at that row and column", () => {
    const bad = fc.oneof(
      fc.integer({ min: -1e9, max: -1 }).map(String),
      fc.bigInt({ min: 10n ** 16n, max: 10n ** 40n }).map(String),
      fc.constantFrom("1e400", "NaN", "Infinity", "-0.5", "12,34", "1.2.3", "--5", "0x10", "5%", "$100", "N/A", "=1+1", "½"),
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^[\s\d.,eE+-]*$/.test(s) && !["*", "**", "#", "~"].includes(s.trim())),
    );
    run(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.constantFrom(...MEASURES), bad, (row, column, value) => {
        const rows = TABLE.map((r) => [...r]);
        rows[row]![TABLE[0]!.indexOf(column)] = value;
        const out = attempt(write(rows));
        expect(out.ok).toBe(false);
        expect((out as { message: string }).message.startsWith(`${NAME}:${row + 1}: ${column}: `)).toBe(true);
      }),
      150,
    );
  });

  it("100 downloads cut at any byte are an error at a row, or exactly the rows before the cut", () => {
    run(
      // Half the cuts land within 3 bytes of a line end, where a cut can leave a row that still has every field.
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: SAMPLE.length - 1 }),
          fc.tuple(fc.constantFrom(...LINE_ENDS), fc.nat(3)).map(([end, back]) => Math.max(0, end - back)),
        ),
        (at) => {
          const cut = SAMPLE.slice(0, at);
          const out = attempt(cut);
          if (cut.endsWith("\n") && at > 0) {
            const kept = cut.split("\n").length - 1;
            expect(out).toEqual({ ok: true, rows: kept - 1, csv: `${EXPECTED.csv.split("\n").slice(0, kept).join("\n")}\n` });
          } else expect(out.ok).toBe(false);
        },
      ),
      100,
    );
  });

  it("60 renamed columns: a required one is reported in the header row, an optional one leaves its column empty", () => {
    const name = fc.string({ minLength: 1, maxLength: 10 }).map((s) => `X_${s.replace(/[^A-Za-z0-9_]/g, "")}`);
    run(
      fc.property(fc.constantFrom(...TABLE[0]!), name, (column, renamed) => {
        const rows = TABLE.map((r, i) => (i === 0 ? r.map((c) => (c === column ? renamed : c)) : r));
        const out = attempt(write(rows));
        if (OPTIONAL.has(column)) {
          const j = OEWS_COLUMNS.indexOf(column as (typeof OEWS_COLUMNS)[number]);
          const blanked = parse(EXPECTED.csv).map((r, i) => (i === 0 ? r : r.map((c, k) => (k === j ? "" : c))));
          expect(out).toEqual({ ok: true, rows: 150, csv: write(blanked) });
        } else expect(out).toEqual({ ok: false, message: `${NAME}:1: ${column}: header does not match: required OEWS column is missing` });
      }),
      60,
    );
  });

  it("150 random byte edits (insert, delete, overwrite) never crash, never write on error, and what imports reads back", () => {
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom("insert", "delete", "overwrite"), byte: fc.integer({ min: 0, max: 255 }) });
    run(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let bytes = Buffer.from(SAMPLE);
        for (const e of edits) {
          const at = e.at % bytes.length;
          const b = Buffer.from([e.byte]);
          bytes =
            e.op === "insert"
              ? Buffer.concat([bytes.subarray(0, at), b, bytes.subarray(at)])
              : e.op === "delete"
                ? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)])
                : Buffer.concat([bytes.subarray(0, at), b, bytes.subarray(at + 1)]);
        }
        const out = attempt(bytes);
        // What imports is well formed: the build's own reader takes the normalised file back.
        if (out.ok) expect(importOews(out.csv, "normalised.csv").length).toBe(out.rows);
      }),
      150,
    );
  });

  it("25 damaged workbooks (cut short, bytes overwritten) are an error, or the official rows", () => {
    const official = attempt(OFFICIAL_XLSX, "national_M2024_dl.xlsx");
    expect(official).toMatchObject({ ok: true, rows: 1403 });
    const damage = fc.oneof(
      fc.integer({ min: 0, max: OFFICIAL_XLSX.length - 1 }).map((at) => ({ cut: at, writes: [] as { at: number; byte: number }[] })),
      fc
        .array(fc.record({ at: fc.integer({ min: 0, max: OFFICIAL_XLSX.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 })
        .map((writes) => ({ cut: OFFICIAL_XLSX.length, writes })),
    );
    run(
      fc.property(damage, ({ cut, writes }) => {
        const bytes = Buffer.from(OFFICIAL_XLSX.subarray(0, cut));
        for (const w of writes) bytes[w.at] = w.byte;
        const out = attempt(bytes, "national_M2024_dl.xlsx");
        if (out.ok) expect(out).toEqual(official);
      }),
      25,
    );
  });
});
