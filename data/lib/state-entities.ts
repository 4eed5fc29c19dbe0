// States: official OEWS May 2024 (50 states + DC) joined to the third-party May 2025 extract by postal code.
import { Entity, type Figure, type Source } from "../../core/index";
import { BuildError } from "./build-error";
import { readTable } from "./csv";
import type { OewsRow } from "./oews";
import { addRowFigures, CIRS, CIRS_PLAN, DS, DS_PLAN, fig, type RowSource } from "./oews-files";

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const COLUMNS = ["soc", "state", "tot_emp", "loc_quotient", "a_mean", "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90"];

/** The May 2025 state extract: blank cells are "not released", anything else must be a number. */
export function readStateExtract(text: string, file: string) {
  return readTable(text, file, COLUMNS, { comments: true }).map(({ line, row }) => {
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

/** Blank cells of the May 2025 extract, in its own header's words. */
const BLANK_2025 = "blank in the third-party May 2025 extract: not released by BLS (* or **)";
const ABSENT_2025 = "no row in the third-party May 2025 extract (not published, or not kept by the extract's script)";

export function stateEntities(rows: OewsRow[], from: RowSource, may2025: ReturnType<typeof readStateExtract>, src2025: Source, file2025: string): Entity[] {
  const acc = new Map<string, { name: string; code: string; figures: Record<string, Figure>; gaps: Record<string, string> }>();
  const occs = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.AREA_TYPE !== "2") throw new BuildError(from.file, row.line, "AREA_TYPE", `expected 2 (state), found ${row.AREA_TYPE}`);
    const a = acc.get(row.PRIM_STATE) ?? { name: row.AREA_TITLE, code: row.PRIM_STATE, figures: {}, gaps: {} };
    const isDs = row.OCC_CODE === "15-2051";
    addRowFigures(a, row, isDs ? DS_PLAN : CIRS_PLAN, { ...from, note: isDs ? DS : CIRS });
    acc.set(row.PRIM_STATE, a);
    occs.set(row.PRIM_STATE, (occs.get(row.PRIM_STATE) ?? new Set()).add(row.OCC_CODE));
  }
  for (const [state, set] of occs)
    if (!set.has("15-1221"))
      for (const [metric] of CIRS_PLAN) acc.get(state)!.gaps[metric] ??= "BLS: no row for this occupation and state in the file (no estimate published)";
  const seen2025 = new Set<string>();
  for (const r of may2025) {
    const a = acc.get(r.state);
    if (!a) throw new BuildError(file2025, r.line, "state", `"${r.state}" is not among the May 2024 states`);
    const put = (metric: string, v: number | undefined, unit: Figure["unit"], note: string) => {
      seen2025.add(`${r.state}/${metric}`);
      if (v !== undefined) a.figures[metric] = fig(v, unit, src2025, { note });
      else a.gaps[metric] = BLANK_2025;
    };
    if (r.soc === "15-2051") {
      put("employment-may-2025", r.employment, "jobs", DS);
      put("median-annual-wage-may-2025", r.median, "usd-per-year", DS);
      put("location-quotient-may-2025", r.lq, "ratio", DS);
    } else if (r.soc === "15-1221") put("cirs-employment-may-2025", r.employment, "jobs", CIRS);
  }
  for (const [state, a] of acc)
    for (const metric of ["employment-may-2025", "median-annual-wage-may-2025", "location-quotient-may-2025", "cirs-employment-may-2025"])
      if (!seen2025.has(`${state}/${metric}`)) a.gaps[metric] = ABSENT_2025;
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
        derivedSources: [e25.source, e24.source],
        derivedFrom: `(May 2025 employment ${e25.value} [${e25.source}, third-party] − May 2024 employment ${e24.value} [${e24.source}, official]) ÷ May 2024 employment; labelled third-party because one input is`,
      };
  }
  return [...acc.values()].map((a) =>
    Entity.parse({
      kind: "states",
      id: slug(a.name),
      name: a.name,
      code: a.code,
      description: `${a.name} (${a.code}).`,
      figures: a.figures,
      gaps: a.gaps,
    }),
  );
}
