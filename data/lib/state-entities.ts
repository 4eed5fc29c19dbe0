// States: official OEWS May 2024 (50 states + DC) joined to the third-party May 2025 extract by postal code.
import { Entity, type Figure, type Source } from "../../core/index";
import { BuildError, readTable } from "./csv";
import type { OewsRow } from "./oews";
import { addRowFigures, CIRS, CIRS_PLAN, DS, DS_PLAN, fig } from "./oews-files";

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const COLUMNS = ["soc", "state", "tot_emp", "loc_quotient", "a_mean", "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90"];

/** The May 2025 state extract: blank cells are "not released", anything else must be a number. */
export function readStateExtract(text: string, file: string) {
  const lines = text.split(/\r?\n/).map((l) => (l.startsWith("#") ? "" : l));
  return readTable(lines.join("\n"), file, COLUMNS).map(({ line, row }) => {
    const num = (f: string): number | undefined => {
      const raw = row[f]!.trim();
      if (raw === "" || raw === "**") return undefined;
      if (!/^\d+(\.\d+)?$/.test(raw)) throw new BuildError(file, line, f, `expected a number or blank, found "${raw}"`);
      return Number(raw);
    };
    if (!/^\d{2}-\d{4}$/.test(row.soc!)) throw new BuildError(file, line, "soc", `not a SOC code: "${row.soc}"`);
    if (!/^[A-Z]{2}$/.test(row.state!)) throw new BuildError(file, line, "state", `not a postal code: "${row.state}"`);
    return { line, soc: row.soc!, state: row.state!, employment: num("tot_emp"), lq: num("loc_quotient"), median: num("a_median") };
  });
}

export function stateEntities(rows: OewsRow[], src: Source, may2025: ReturnType<typeof readStateExtract>, src2025: Source, file: string): Entity[] {
  const acc = new Map<string, { name: string; code: string; figures: Record<string, Figure>; notes: string[] }>();
  for (const row of rows) {
    if (row.AREA_TYPE !== "2") throw new BuildError(file, row.line, "AREA_TYPE", `expected 2 (state), found ${row.AREA_TYPE}`);
    const a = acc.get(row.PRIM_STATE) ?? { name: row.AREA_TITLE, code: row.PRIM_STATE, figures: {}, notes: [] };
    const isDs = row.OCC_CODE === "15-2051";
    const missing = addRowFigures(a.figures, row, isDs ? DS_PLAN : CIRS_PLAN, src, isDs ? DS : CIRS);
    if (missing.length) a.notes.push(`not published: ${missing.join(", ")}`);
    acc.set(row.PRIM_STATE, a);
  }
  for (const r of may2025) {
    const a = acc.get(r.state);
    if (!a) throw new BuildError("data/sources/oews-m2025-extracts/oews_may2025_state_15-2051_15-1221.csv", r.line, "state", `"${r.state}" is not among the May 2024 states`);
    const put = (metric: string, v: number | undefined, unit: Figure["unit"], note: string) => {
      if (v !== undefined) a.figures[metric] = fig(v, unit, src2025, { note });
    };
    if (r.soc === "15-2051") {
      put("employment-may-2025", r.employment, "jobs", DS);
      put("median-annual-wage-may-2025", r.median, "usd-per-year", DS);
      put("location-quotient-may-2025", r.lq, "ratio", DS);
    } else if (r.soc === "15-1221") put("cirs-employment-may-2025", r.employment, "jobs", CIRS);
  }
  for (const a of acc.values()) {
    const e24 = a.figures.employment;
    const e25 = a.figures["employment-may-2025"];
    if (e24 && e25 && e24.value > 0)
      a.figures["employment-change-2024-2025"] = {
        value: Math.round(((e25.value - e24.value) / e24.value) * 1000) / 10,
        unit: "percent",
        source: e25.source,
        period: "May 2024 to May 2025",
        trust: "third-party",
        note: DS,
        derivedFrom: `(May 2025 employment ${e25.value} [${e25.source}, third-party] − May 2024 employment ${e24.value} [${e24.source}, official]) ÷ May 2024 employment; labelled third-party because one input is`,
      };
  }
  return [...acc.values()].map((a) =>
    Entity.parse({
      kind: "states",
      id: slug(a.name),
      name: a.name,
      code: a.code,
      description: `${a.name} (${a.code}).` + (a.notes.length ? ` ${a.notes.join("; ")}.` : ""),
      figures: a.figures,
    }),
  );
}
