// `npm run data:import -- <file> [--id ID] [--period "May 2025"] [--trust official] [--url URL] [--title T]
//   [--top-code ANNUAL,HOURLY] [--sources DIR] [--dry-run]`:
// reads an official OEWS download (csv or xlsx), validates every row, and writes a normalised 32-column CSV, a copy
// of the file as received and its provenance into data/sources/<id>/, registering it in sources.json. A national
// file joins the national series (`series: "oews-national"`): the build takes the newest release of the series for
// the current national figures and every release for the history, so a refresh needs no other edit. The top code
// of a top-coded release is read from the workbook's "Field Descriptions" sheet (or given with --top-code for a CSV).
// Nothing is written if any row is bad.
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Source, TrustLabel } from "../core/index";
import { BuildError } from "./lib/build-error";
import { normaliseOews, rowsFromCsv, type Normalised } from "./lib/oews-import";
import { NATIONAL_SERIES, type TopCode } from "./lib/sources";
import { readFirstSheet } from "./lib/xlsx";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface ImportOptions {
  id?: string;
  period?: string;
  trust?: Source["trust"];
  url?: string;
  title?: string;
  /** For a CSV with `#` cells: the release's top codes (an xlsx states them in its Field Descriptions sheet). */
  topCode?: { annual: number; hourly: number };
  sourcesDir?: string;
  /** Only read and normalise; write nothing. */
  dryRun?: boolean;
}

/** The release's top code as its field descriptions state it: "# = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year". */
export function topCodeIn(text: string): TopCode | undefined {
  const m = /#\s*=\s*indicates a wage equal to or greater than \$([\d,.]+) per hour or \$([\d,.]+) per year/i.exec(text);
  if (!m) return undefined;
  const hourly = Number(m[1]!.replaceAll(",", ""));
  const annual = Number(m[2]!.replaceAll(",", ""));
  return { annual, hourly, note: `# in the file: a wage at or above $${m[1]} per hour or $${m[2]} per year (the file's field descriptions)` };
}

/** The text of a CSV download: UTF-8 (with or without a BOM), or UTF-16 with its BOM, as Excel's "Unicode Text"
 *  and some converters write it. */
function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16le").decode(Buffer.from(data.subarray(2)).swap16());
  return data.toString("utf8");
}

export function readOewsDownload(file: string): Normalised & { topCode?: TopCode } {
  const data = readFileSync(file);
  const name = basename(file);
  if (/\.xlsx$/i.test(file)) {
    let rows: string[][];
    try {
      ({ rows } = readFirstSheet(data));
    } catch (err) {
      // A damaged or truncated workbook (bad zip, bad XML) is bad input, reported like any other.
      throw new BuildError(name, 0, "(workbook)", `not a readable xlsx file: ${err instanceof Error ? err.message : String(err)}`);
    }
    const width = rows[0]?.length ?? 0;
    // Excel omits trailing empty cells: pad to the header's width (a CSV row that is short is still an error).
    const records = rows.map((fields, i) => ({ line: i + 1, fields: [...fields, ...Array(Math.max(0, width - fields.length)).fill("")] as string[] }));
    let topCode: TopCode | undefined;
    try {
      topCode = topCodeIn(readFirstSheet(data, "Field Descriptions").rows.flat().join("\n"));
    } catch {
      topCode = undefined; // no Field Descriptions sheet: only a problem if the file has # cells (checked below)
    }
    return { ...normaliseOews(records, name, data), ...(topCode ? { topCode } : {}) };
  }
  if (data.length % 2 === 1 && (data[0] === 0xff || data[0] === 0xfe) && data[1] === (data[0] === 0xff ? 0xfe : 0xff))
    throw new BuildError(name, 0, "(file)", "UTF-16 text with an odd number of bytes: the download looks truncated");
  const text = decodeText(data);
  // Official files end every row with a line break: a file that does not was cut short, possibly inside a value.
  if (text.length > 0 && !/[\r\n]$/.test(text))
    throw new BuildError(name, text.split(/\r\n|\r|\n/).length, "(record)", "the file does not end with a line break: the download looks truncated");
  return normaliseOews(rowsFromCsv(text, name), name, data);
}

export function importOewsFile(file: string, opts: ImportOptions = {}) {
  const norm = readOewsDownload(file);
  const stem = basename(file).replace(/\.(csv|xlsx)$/i, "");
  const period = opts.period ?? periodFromName(stem);
  const year = /\d{4}/.exec(period)?.[0];
  const id = opts.id ?? `bls-oews-${norm.layout}${year ? `-m${year}` : ""}`;
  const topCode = opts.topCode
    ? {
        ...opts.topCode,
        note: `# in the file: a wage at or above $${opts.topCode.hourly.toFixed(2)} per hour or $${opts.topCode.annual.toLocaleString("en-US")} per year (given at import)`,
      }
    : norm.topCode;
  if (norm.topCoded && !topCode)
    throw new BuildError(
      basename(file),
      1,
      "topCode",
      "the file has # (top-coded) wages but states no top code: pass --top-code ANNUAL,HOURLY from the release's field descriptions",
    );
  const source = Source.parse({
    id,
    organisation: "U.S. Bureau of Labor Statistics",
    title: opts.title ?? `Occupational Employment and Wage Statistics, ${norm.layout} estimates (${stem})`,
    url: opts.url ?? "https://www.bls.gov/oes/tables.htm",
    period,
    trust: opts.trust ?? "official",
    note: `Imported from ${basename(file)} (sha256 ${norm.sha256}); ${norm.rows} rows; ${norm.topCoded ? "wages top-coded (#)" : "no top-coded wages"}; normalised by data/import.ts (thousands separators removed, special values kept).`,
  });
  const folder = id;
  const csvRel = `${folder}/${stem}.csv`;
  const entry = {
    ...source,
    ...(norm.layout === "national" ? { series: NATIONAL_SERIES } : {}),
    ...(norm.topCoded && topCode ? { topCode } : {}),
    files: [csvRel],
  };
  if (opts.dryRun) return { source, entry, norm, csvRel };
  const sourcesDir = opts.sourcesDir ?? join(root, "data/sources");
  const registryFile = join(sourcesDir, "sources.json");
  const registry = JSON.parse(readFileSync(registryFile, "utf8")) as { id: string }[];
  const next = registry.some((s) => s.id === id) ? registry.map((s) => (s.id === id ? entry : s)) : [...registry, entry];
  write(join(sourcesDir, csvRel), norm.csv);
  if (!csvRel.endsWith(basename(file))) {
    mkdirSync(join(sourcesDir, folder), { recursive: true });
    copyFileSync(file, join(sourcesDir, folder, basename(file)));
  }
  write(
    join(sourcesDir, folder, `${stem}.provenance.json`),
    `${JSON.stringify({ ...entry, input: basename(file), sha256: norm.sha256, layout: norm.layout, rows: norm.rows }, null, 2)}\n`,
  );
  write(registryFile, `${JSON.stringify(next, null, 2)}\n`);
  return { source, entry, norm, csvRel };
}

function periodFromName(stem: string): string {
  const m = /_M(\d{4})_/i.exec(`${stem}_`);
  return m ? `May ${m[1]}` : "unknown (pass --period)";
}

function write(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const usage =
    "usage: npm run data:import -- <file.csv|file.xlsx> [--id ID] [--period P] [--trust T] [--url U] [--title T] [--top-code ANNUAL,HOURLY] [--sources DIR] [--dry-run]";
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        id: { type: "string" },
        period: { type: "string" },
        trust: { type: "string" },
        url: { type: "string" },
        title: { type: "string" },
        "top-code": { type: "string" },
        sources: { type: "string" },
        "dry-run": { type: "boolean" },
      },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new Error(usage);
    const [annual, hourly] = (values["top-code"] ?? "").split(",").map(Number);
    const r = importOewsFile(resolve(file), {
      id: values.id,
      period: values.period,
      url: values.url,
      title: values.title,
      trust: values.trust === undefined ? undefined : TrustLabel.parse(values.trust),
      topCode: values["top-code"] ? { annual: annual!, hourly: hourly! } : undefined,
      dryRun: values["dry-run"],
      sourcesDir: values.sources ? resolve(values.sources) : undefined,
    });
    console.log(
      `data:import: ${r.norm.rows} rows (${r.norm.layout} layout${r.norm.topCoded ? `, top-coded at $${r.entry.topCode?.annual.toLocaleString("en-US")} a year` : ", no top-coding"}) → data/sources/${r.csvRel} as source "${r.source.id}" (${r.source.period}, ${r.source.trust})` +
        (r.norm.layout === "national" ? `; joins the national series` : ""),
    );
  } catch (err) {
    console.error(err instanceof BuildError ? `data:import failed: ${err.message}` : `data:import failed: ${err instanceof Error ? err.message : String(err)}`);
    console.error("data:import: nothing was written.");
    process.exit(1);
  }
}
