// Turns imported source rows into core entities with figures that carry their provenance.
import { z } from "zod";
import { Entity, type Figure, type Source } from "../../core/index";
import { BuildError } from "./build-error";
import { readTable } from "./csv";
import type { OewsRow } from "./oews";
import { addRowFigures, fig, WAGE_PLAN, type RowSource } from "./oews-files";

export const OccupationDef = z.object({
  code: z.string().regex(/^\d{2}-\d{4}$/),
  id: z.string(),
  name: z.string(),
  /** Why the series cannot reach back further (e.g. the SOC code exists only from a given release). */
  seriesStart: z.string().min(1).optional(),
});

/** The figures a series carries for each release. */
const SERIES_PLAN = WAGE_PLAN.filter(([m]) => ["employment", "median-annual-wage", "mean-annual-wage", "p10-annual-wage", "p90-annual-wage"].includes(m));

export interface Release {
  rows: OewsRow[];
  from: RowSource;
}

const nationalRows = (rows: OewsRow[]) => {
  const out = new Map<string, OewsRow>();
  for (const r of rows) if (r.AREA === "99" && r.NAICS === "000000" && !out.has(r.OCC_CODE)) out.set(r.OCC_CODE, r);
  return out;
};

/**
 * Each occupation's national series over every release (oldest first): employment, median, mean, 10th and 90th
 * percentile wages with their PRSE, top-coded values as bounds, and the growth from the first to the last release
 * (computed by the atlas, labelled so). A release with no row for the code is a stated gap, never filled.
 */
export function addSeries(occupations: Entity[], defs: z.infer<typeof OccupationDef>[], releases: Release[]): Entity[] {
  const byRelease = releases.map((r) => ({ ...r, national: nationalRows(r.rows) }));
  const first = byRelease[0]!.from.src;
  const last = byRelease[byRelease.length - 1]!.from.src;
  const span = `${first.period} to ${last.period}`;
  return occupations.map((o) => {
    const def = defs.find((d) => d.id === o.id)!;
    const points: Record<string, Figure[]> = {};
    const gaps: string[] = [];
    if (def.seriesStart) gaps.push(def.seriesStart);
    for (const r of byRelease) {
      const row = r.national.get(def.code);
      if (!row) {
        gaps.push(`${r.from.src.period}: BLS: no row for SOC ${def.code} in ${r.from.src.title}`);
        continue;
      }
      const target = { figures: {} as Record<string, Figure>, gaps: {} as Record<string, string> };
      addRowFigures(target, row, SERIES_PLAN, r.from);
      for (const [metric, f] of Object.entries(target.figures)) (points[metric] ??= []).push(f);
      for (const [metric, reason] of Object.entries(target.gaps)) gaps.push(`${r.from.src.period}, ${metric}: ${reason}`);
    }
    const figures = { ...o.figures };
    const extraGaps = { ...o.gaps };
    const emp = points.employment ?? [];
    const e0 = emp[0];
    const e1 = emp[emp.length - 1];
    if (e0 && e1 && e0.period === first.period && e1.period === last.period && e0 !== e1 && e0.value > 0) {
      const inputs = `employment ${e1.value} [${e1.source}, ${e1.period}] and ${e0.value} [${e0.source}, ${e0.period}]`;
      const derived = { source: e1.source, period: span, trust: e1.trust, derivedSources: [e0.source, e1.source] };
      figures["employment-growth-series"] = {
        ...derived,
        value: Math.round(((e1.value - e0.value) / e0.value) * 1000) / 10,
        unit: "percent",
        derivedFrom: `(${e1.value} − ${e0.value}) ÷ ${e0.value}: ${inputs}`,
      };
      figures["jobs-added-series"] = { ...derived, value: e1.value - e0.value, unit: "jobs", derivedFrom: `${e1.value} − ${e0.value}: ${inputs}` };
    } else
      for (const m of ["employment-growth-series", "jobs-added-series"])
        extraGaps[m] = `no employment figure for both ${first.period} and ${last.period} (${def.seriesStart ?? "see the series gaps"})`;
    return Entity.parse({ ...o, figures, gaps: extraGaps, series: { points, gaps } });
  });
}

export function occupationsFromOews(defs: z.infer<typeof OccupationDef>[], rows: OewsRow[], from: RowSource): Entity[] {
  const national = nationalRows(rows);
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
  if (raw.trim() === "" || !Number.isFinite(v) || v < 0) throw new BuildError(file, line, field, `expected a non-negative number, found "${raw}"`);
  return v;
};

/** Metros from the May 2024 extracts: employment + LQ for 263 metros, the annual median for 37. */
export function metrosFromExtracts(lqText: string, lqFile: string, medianText: string, medianFile: string, src: Source): Entity[] {
  const medians = new Map<string, number>();
  for (const { line, row } of readTable(medianText, medianFile, ["msa", "tot_emp", "loc_quotient", "a_median_usd_may2024", "bea_rpp_2023", "top25_group"])) {
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
    if (median !== undefined) figures["median-annual-wage"] = { ...fig(median, "usd-per-year", src), note: "Data scientists (SOC 15-2051)" };
    else gaps["median-annual-wage"] = `not among the ${medians.size} metros for which the third-party extract gives an annual median`;
    return Entity.parse({ kind: "metros", id, name, figures, gaps });
  });
  for (const name of medians.keys()) if (!seen.has(metroId(name))) throw new BuildError(medianFile, 0, "msa", `metro "${name}" is not in ${lqFile}`);
  return metros;
}
