// Official NAICS sectors and 3-/4-digit industries (OEWS May 2024) plus the May 2025 third-party detail, as entities.
import { Entity, type Figure, type Source } from "../../core/index";
import { BuildError } from "./build-error";
import { readTable } from "./csv";
import { addRowFigures, CIRS, CIRS_PLAN, DS, fig, WAGE_PLAN, type RowSource } from "./oews-files";
import type { OewsRow } from "./oews";

/** Said for an occupation that has no row at all for an industry in BLS's file. */
export const NO_ROW = "BLS: no row for this occupation and industry in the file (no estimate published)";

/** `52` → naics-52, `31-33` → naics-31-33, `523000` → naics-523, `513200` → naics-5132, `5220A1` → naics-5220a1. */
export function naicsId(code: string): string {
  const c = code.trim().toLowerCase();
  if (/^\d{6}$/.test(c)) return `naics-${c.replace(/0+$/, "").padEnd(3, "0")}`;
  return `naics-${c}`;
}

interface Acc {
  name: string;
  code: string;
  figures: Record<string, Figure>;
  gaps: Record<string, string>;
  notes: string[];
}

/** Adds a file's rows; an industry with no row for one of the two occupations gets that occupation's gaps stated. */
function fromOewsRows(rows: OewsRow[], from: RowSource, acc: Map<string, Acc>) {
  const seen = new Map<string, Set<string>>();
  for (const row of rows) {
    const id = naicsId(row.NAICS);
    const a = acc.get(id) ?? { name: row.NAICS_TITLE, code: row.NAICS, figures: {}, gaps: {}, notes: [] };
    const isDs = row.OCC_CODE === "15-2051";
    addRowFigures(a, row, isDs ? WAGE_PLAN : CIRS_PLAN, { ...from, note: isDs ? DS : CIRS });
    if (row.OWN_CODE !== "5") a.notes.push(`OEWS ownership code ${row.OWN_CODE} (${ownership(row.OWN_CODE)})`);
    acc.set(id, a);
    seen.set(id, (seen.get(id) ?? new Set()).add(row.OCC_CODE));
  }
  for (const [id, occs] of seen)
    for (const [code, plan] of [
      ["15-2051", WAGE_PLAN],
      ["15-1221", CIRS_PLAN],
    ] as const)
      if (!occs.has(code)) for (const [metric] of plan) acc.get(id)!.gaps[metric] ??= NO_ROW;
}

function ownership(code: string): string {
  return (
    (
      {
        "1": "federal",
        "2": "state",
        "3": "local",
        "5": "private",
        "123": "federal, state and local government",
        "235": "private, state and local",
        "57": "private and local",
        "58": "private, state and local",
        "59": "private and local",
      } as Record<string, string>
    )[code] ?? "mixed ownership"
  );
}

const EXTRACT_COLUMNS = ["naics", "industry", "occ", "occupation", "employment", "p10", "p25", "p50", "p75", "p90", "mean"];

/** The May 2025 extract: a text file whose CSV block starts at its `naics,` line; rows keyed by NAICS code. */
export function readIndustryExtract(text: string, file: string) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith("51,"));
  if (start < 0) throw new BuildError(file, 1, "naics", "no data rows found (expected a line starting with 51,)");
  let end = start;
  while (end < lines.length && /^[0-9A-Z]+,/.test(lines[end]!)) end++;
  if (start === 0) throw new BuildError(file, 1, "(preamble)", "expected a description line above the data rows");
  // The header takes the place of the line above the data, so reported line numbers are the file's own.
  const csv = lines.map((l, i) => (i === start - 1 ? EXTRACT_COLUMNS.join(",") : i >= start && i < end ? l : "")).join("\n");
  return readTable(csv, file, EXTRACT_COLUMNS).map(({ line, row }) => {
    const num = (f: string) => {
      const v = Number(row[f]);
      if (!/^\d+$/.test(row[f]!.trim()) || !Number.isFinite(v)) throw new BuildError(file, line, f, `expected a whole number, found "${row[f]}"`);
      return v;
    };
    if (row.occ !== "15-2051") throw new BuildError(file, line, "occ", `expected 15-2051, found "${row.occ}"`);
    return {
      line: line,
      naics: row.naics!.trim(),
      industry: row.industry!.trim(),
      employment: num("employment"),
      median: num("p50"),
      mean: num("mean"),
      p90: num("p90"),
    };
  });
}

export function industryEntities(input: {
  sectors: OewsRow[];
  sectorSrc: RowSource;
  nat3d: OewsRow[];
  nat3dSrc: RowSource;
  may2025: ReturnType<typeof readIndustryExtract>;
  may2025Src: Source;
}): { sectors: Entity[]; industries: Entity[] } {
  const sectors = new Map<string, Acc>();
  const industries = new Map<string, Acc>();
  fromOewsRows(input.sectors, input.sectorSrc, sectors);
  fromOewsRows(input.nat3d, input.nat3dSrc, industries);
  for (const r of input.may2025) {
    const isSector = /^\d{2}$/.test(r.naics);
    const target = isSector ? sectors : industries;
    const id = naicsId(r.naics);
    const name = r.industry.replace(/ \(sector\)$/, "").replace(/^./, (c) => c.toUpperCase());
    const a = target.get(id) ?? { name, code: r.naics, figures: {}, gaps: {}, notes: [] };
    const s = input.may2025Src;
    a.figures["employment-may-2025"] = fig(r.employment, "jobs", s, { note: DS });
    a.figures["median-annual-wage-may-2025"] = fig(r.median, "usd-per-year", s, { note: DS });
    a.figures["mean-annual-wage-may-2025"] = fig(r.mean, "usd-per-year", s, { note: DS });
    a.figures["p90-annual-wage-may-2025"] = fig(r.p90, "usd-per-year", s, { note: DS });
    target.set(id, a);
  }
  const may2025Metrics = ["employment-may-2025", "median-annual-wage-may-2025", "mean-annual-wage-may-2025", "p90-annual-wage-may-2025"];
  for (const [acc, level] of [
    [sectors, "sectors"],
    [industries, "3-digit industries"],
  ] as const)
    for (const a of acc.values()) {
      for (const m of may2025Metrics)
        if (!a.figures[m]) a.gaps[m] ??= "not in the third-party May 2025 industry extract (sectors 51, 52 and 54 and selected 4-digit industries)";
      for (const [m] of [...WAGE_PLAN, ...CIRS_PLAN]) if (!a.figures[m]) a.gaps[m] ??= `no row in the BLS May 2024 file used here (it gives ${level})`;
    }
  const toEntities = (acc: Map<string, Acc>, kind: "naics-sectors" | "naics-industries") =>
    [...acc.entries()].map(([id, a]) =>
      Entity.parse({
        kind,
        id,
        name: a.name,
        code: a.code,
        description: `NAICS ${a.code}: ${a.name}.${a.notes.length ? ` ${[...new Set(a.notes)].join("; ")}.` : ""}`,
        figures: a.figures,
        gaps: a.gaps,
      }),
    );
  return { sectors: toEntities(sectors, "naics-sectors"), industries: toEntities(industries, "naics-industries") };
}

const LEVELS: Record<string, { id: string; name: string }> = {
  "1": { id: "federal", name: "Federal government (incl. U.S. Postal Service)" },
  "2": { id: "state", name: "State government (incl. schools and hospitals)" },
  "3": { id: "local", name: "Local government (incl. schools and hospitals)" },
};

/** Federal, state and local government from the ownership file; the all-government and private rows stay as section figures. */
export function governmentLevels(rows: OewsRow[], from: RowSource): Entity[] {
  const out = new Map<string, { name: string; code: string; figures: Record<string, Figure>; gaps: Record<string, string> }>();
  for (const row of rows) {
    const level = LEVELS[row.OWN_CODE];
    if (!level) continue;
    const a = out.get(level.id) ?? { name: level.name, code: row.NAICS, figures: {}, gaps: {} };
    const isDs = row.OCC_CODE === "15-2051";
    addRowFigures(a, row, isDs ? WAGE_PLAN : CIRS_PLAN, { ...from, note: isDs ? DS : CIRS });
    out.set(level.id, a);
  }
  return [...out.entries()].map(([id, a]) =>
    Entity.parse({
      kind: "government-levels",
      id,
      name: a.name,
      code: a.code,
      description: `OEWS ownership estimate, ${row0(a.name)}.`,
      figures: a.figures,
      gaps: a.gaps,
    }),
  );
}
const row0 = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
