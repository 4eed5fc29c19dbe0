// Turns imported source rows into core entities with figures that carry their provenance.
import { z } from "zod";
import { Entity, type Figure, type Source } from "../../core/index";
import { BuildError, readTable } from "./csv";
import type { OewsRow } from "./oews";
import { addRowFigures, fig, WAGE_PLAN, type RowSource } from "./oews-files";

export const OccupationDef = z.object({ code: z.string().regex(/^\d{2}-\d{4}$/), id: z.string(), name: z.string() });

export function occupationsFromOews(
  defs: z.infer<typeof OccupationDef>[],
  rows: OewsRow[],
  from: RowSource,
): Entity[] {
  const national = new Map<string, OewsRow>();
  for (const r of rows) if (r.AREA === "99" && r.NAICS === "000000" && !national.has(r.OCC_CODE)) national.set(r.OCC_CODE, r);
  return defs.map((def) => {
    const row = national.get(def.code);
    if (!row) throw new BuildError(from.file, 0, "OCC_CODE", `no national cross-industry row for ${def.code} (${def.name})`);
    const target = { figures: {} as Record<string, Figure>, gaps: {} as Record<string, string> };
    addRowFigures(target, row, WAGE_PLAN, from);
    return Entity.parse({
      kind: "occupations",
      id: def.id,
      name: def.name,
      code: def.code,
      description: `${row.OCC_TITLE} (SOC ${def.code})`,
      ...target,
    });
  });
}

export const metroId = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const positive = (file: string, line: number, field: string, raw: string) => {
  const v = Number(raw.replaceAll(",", ""));
  if (raw.trim() === "" || !Number.isFinite(v) || v < 0)
    throw new BuildError(file, line, field, `expected a non-negative number, found "${raw}"`);
  return v;
};

/** Metros from the May 2024 extracts: employment + LQ for 263 metros, the annual median for 37. */
export function metrosFromExtracts(
  lqText: string,
  lqFile: string,
  medianText: string,
  medianFile: string,
  src: Source,
): Entity[] {
  const medians = new Map<string, number>();
  for (const { line, row } of readTable(medianText, medianFile, [
    "msa", "tot_emp", "loc_quotient", "a_median_usd_may2024", "bea_rpp_2023", "top25_group",
  ])) {
    medians.set(row.msa!.trim(), positive(medianFile, line, "a_median_usd_may2024", row.a_median_usd_may2024!));
  }
  const seen = new Set<string>();
  const metros = readTable(lqText, lqFile, ["msa", "loc_quotient", "tot_emp"]).map(({ line, row }) => {
    const name = row.msa!.trim();
    if (!name) throw new BuildError(lqFile, line, "msa", "metro name is empty");
    const id = metroId(name);
    if (seen.has(id)) throw new BuildError(lqFile, line, "msa", `metro "${name}" appears twice`);
    seen.add(id);
    const figures: Record<string, Figure> = {
      employment: { ...fig(positive(lqFile, line, "tot_emp", row.tot_emp!), "jobs", src), note: "Data scientists (SOC 15-2051)" },
      "location-quotient": {
        ...fig(positive(lqFile, line, "loc_quotient", row.loc_quotient!), "ratio", src),
        note: "Data scientists' share of metro employment relative to their national share",
      },
    };
    const median = medians.get(name);
    const gaps: Record<string, string> = {};
    if (median !== undefined)
      figures["median-annual-wage"] = { ...fig(median, "usd-per-year", src), note: "Data scientists (SOC 15-2051)" };
    else gaps["median-annual-wage"] = `not among the ${medians.size} metros for which the third-party extract gives an annual median`;
    return Entity.parse({ kind: "metros", id, name, figures, gaps });
  });
  for (const name of medians.keys())
    if (!seen.has(metroId(name))) throw new BuildError(medianFile, 0, "msa", `metro "${name}" is not in ${lqFile}`);
  return metros;
}
