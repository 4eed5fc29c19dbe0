// `npm run data:import -- <file> [--id ID] [--period "May 2025"] [--trust official] [--url URL] [--title T] [--sources DIR]`:
// reads an official OEWS download (csv or xlsx), validates every row, and writes a normalised 32-column CSV plus its
// provenance into data/sources/<id>/, registering it in sources.json. Nothing is written if any row is bad.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Source } from "../core/index";
import { BuildError } from "./lib/csv";
import { normaliseOews, rowsFromCsv, type Normalised } from "./lib/oews-import";
import { readFirstSheet } from "./lib/xlsx";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface ImportOptions {
  id?: string;
  period?: string;
  trust?: Source["trust"];
  url?: string;
  title?: string;
  sourcesDir?: string;
  /** Only read and normalise; write nothing. */
  dryRun?: boolean;
}

/** The text of a CSV download: UTF-8 (with or without a BOM), or UTF-16 with its BOM, as Excel's "Unicode Text"
 *  and some converters write it. */
function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16le").decode(Buffer.from(data.subarray(2)).swap16());
  return data.toString("utf8");
}

export function readOewsDownload(file: string): Normalised {
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
    return normaliseOews(records, name, data);
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
  const id = opts.id ?? `bls-oews-${stem.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  const period = opts.period ?? periodFromName(stem);
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
  if (opts.dryRun) return { source, norm, csvRel };
  const sourcesDir = opts.sourcesDir ?? join(root, "data/sources");
  const registryFile = join(sourcesDir, "sources.json");
  const registry = JSON.parse(readFileSync(registryFile, "utf8")) as { id: string }[];
  const entry = { ...source, files: [csvRel] };
  const next = registry.some((s) => s.id === id) ? registry.map((s) => (s.id === id ? entry : s)) : [...registry, entry];
  write(join(sourcesDir, csvRel), norm.csv);
  write(join(sourcesDir, folder, `${stem}.provenance.json`), JSON.stringify({ ...entry, input: basename(file), sha256: norm.sha256, layout: norm.layout, rows: norm.rows }, null, 2) + "\n");
  write(registryFile, JSON.stringify(next, null, 2) + "\n");
  return { source, norm, csvRel };
}

function periodFromName(stem: string): string {
  const m = /_M(\d{4})_/i.exec(stem + "_");
  return m ? `May ${m[1]}` : "unknown (pass --period)";
}

function write(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (!file) {
    console.error("usage: npm run data:import -- <file.csv|file.xlsx> [--id ID] [--period P] [--trust T] [--url U] [--title T] [--dry-run]");
    process.exit(2);
  }
  try {
    const r = importOewsFile(resolve(file), {
      id: opt("id"), period: opt("period"), url: opt("url"), title: opt("title"),
      trust: opt("trust") as Source["trust"] | undefined, dryRun: args.includes("--dry-run"),
      sourcesDir: opt("sources") ? resolve(opt("sources")!) : undefined,
    });
    console.log(`data:import: ${r.norm.rows} rows (${r.norm.layout} layout${r.norm.topCoded ? ", top-coded" : ""}) → data/sources/${r.csvRel} as source "${r.source.id}" (${r.source.period}, ${r.source.trust})`);
  } catch (err) {
    console.error(err instanceof BuildError ? `data:import failed: ${err.message}` : err);
    console.error("data:import: nothing was written.");
    process.exit(1);
  }
}
