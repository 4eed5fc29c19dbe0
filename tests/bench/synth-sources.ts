// Writes a copy of data/sources + data/content scaled ×N with synthetic metros, occupations and OEWS rows.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../../data/lib/csv";
import { ROOT } from "./edge-runtime";

const LQ = "metro-extracts/oews_may2024_15-2051_msa_employment_lq.csv";
const MEDIAN = "metro-extracts/oews_may2024_15-2051_msa_median_top37.csv";
const OEWS = "bls-oews-m2024/national_M2024_dl.csv";

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const line = (fields: string[]) => fields.map(cell).join(",");

/** Deterministic pseudo-random numbers, so every run builds the same synthetic data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** Synthetic SOC-like codes 60-0000…99-9999: no real SOC major group uses 60+. */
const code = (n: number) => `${60 + Math.floor(n / 10_000)}-${String(n % 10_000).padStart(4, "0")}`;

export function writeScaledSources(dir: string, scale: number): { sourcesDir: string; contentDir: string } {
  const sourcesDir = join(dir, "sources");
  const contentDir = join(dir, "content");
  cpSync(join(ROOT, "data/sources"), sourcesDir, { recursive: true });
  cpSync(join(ROOT, "data/content"), contentDir, { recursive: true });
  const rand = rng(scale);
  const read = (rel: string) => parseCsv(readFileSync(join(sourcesDir, rel), "utf8"), rel).map((r) => r.fields);

  // Metros: every real row again (scale - 1) times under a synthetic name, medians for the same share.
  const [lqHead, ...lqRows] = read(LQ);
  const [medHead, ...medRows] = read(MEDIAN);
  const lqOut = [line(lqHead!), ...lqRows.map(line)];
  const medOut = [line(medHead!), ...medRows.map(line)];
  for (let c = 1; c < scale; c++) {
    lqRows.forEach((_, j) => {
      const name = `Synthetic Metro ${c}-${j}, ZZ`;
      const emp = String(Math.round(50 + rand() * 20_000));
      lqOut.push(line([name, (0.1 + rand() * 4).toFixed(2), emp]));
      if (j < medRows.length)
        medOut.push(line([name, emp, (0.1 + rand() * 4).toFixed(2), String(Math.round(60_000 + rand() * 120_000)), (90 + rand() * 30).toFixed(3), "Both"]));
    });
  }
  writeFileSync(join(sourcesDir, LQ), `${lqOut.join("\n")}\n`);
  writeFileSync(join(sourcesDir, MEDIAN), `${medOut.join("\n")}\n`);

  // OEWS: every real row again (scale - 1) times with a synthetic occupation code; occupation defs likewise.
  const [oewsHead, ...oewsRows] = read(OEWS);
  const codeCol = oewsHead!.indexOf("OCC_CODE");
  const titleCol = oewsHead!.indexOf("OCC_TITLE");
  const oewsOut = [line(oewsHead!), ...oewsRows.map(line)];
  const defs = JSON.parse(readFileSync(join(contentDir, "occupations.json"), "utf8")) as { code: string; id: string; name: string }[];
  const synthDefs: typeof defs = [];
  let n = 0;
  for (let c = 1; c < scale; c++) {
    const codes = new Map<string, string>();
    for (const row of oewsRows) {
      const orig = row[codeCol]!;
      const syn = codes.get(orig) ?? code(n++);
      codes.set(orig, syn);
      const copy = [...row];
      copy[codeCol] = syn;
      copy[titleCol] = `${row[titleCol]} (synthetic ${c})`;
      oewsOut.push(line(copy));
    }
    for (const d of defs) synthDefs.push({ code: codes.get(d.code)!, id: `${d.id}-synthetic-${c}`, name: `${d.name} (synthetic ${c})` });
  }
  writeFileSync(join(sourcesDir, OEWS), `${oewsOut.join("\n")}\n`);
  writeFileSync(join(contentDir, "occupations.json"), JSON.stringify([...defs, ...synthDefs], null, 1));
  return { sourcesDir, contentDir };
}
