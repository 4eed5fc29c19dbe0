// Joins the 2021–2024 metro extract (names without commas) to the May 2024 metros and derives 2021–2024 growth.
import type { Entity, Source } from "../../core/index";
import { BuildError } from "./build-error";
import { readTable } from "./csv";
import { metroId } from "./entities";
import { fig } from "./oews-files";

const COLUMNS = ["msa", "emp2021", "emp2022", "emp2023", "emp2024", "pct_growth_2021_2023_as_computed_by_author"];

export interface MetroGrowthResult {
  metros: Entity[];
  matched: string[];
  /** Extract rows with no May 2024 metro of the same slug: reported, never guessed. */
  unmatched: string[];
  /** Matched rows whose 2021 or 2024 value is missing ("nan"), so no growth is derived. */
  noGrowth: string[];
}

export function addMetroGrowth(metros: Entity[], text: string, file: string, src: Source): MetroGrowthResult {
  const byId = new Map(metros.map((m) => [m.id, { ...m, figures: { ...m.figures } }]));
  const res: MetroGrowthResult = { metros: [], matched: [], unmatched: [], noGrowth: [] };
  const value = (raw: string, line: number, field: string) => {
    const s = raw.trim();
    if (s === "nan") return undefined;
    if (!/^\d+$/.test(s)) throw new BuildError(file, line, field, `expected a whole number or "nan", found "${raw}"`);
    return Number(s);
  };
  for (const { line, row } of readTable(text, file, COLUMNS)) {
    // "Houston-Pasadena-The Woodlands TX" and "Houston-Pasadena-The Woodlands, TX" share a slug.
    const id = metroId(row.msa!);
    const m = byId.get(id);
    if (!m) {
      res.unmatched.push(row.msa!);
      continue;
    }
    res.matched.push(m.name);
    const e21 = value(row.emp2021!, line, "emp2021");
    const e24 = value(row.emp2024!, line, "emp2024");
    const published = m.figures.employment?.value;
    if (e24 !== undefined && published !== undefined && e24 !== published)
      throw new BuildError(file, line, "emp2024", `${e24} differs from the May 2024 extract's ${published} for ${m.name}`);
    if (e21 === undefined || e24 === undefined || e21 === 0) {
      res.noGrowth.push(m.name);
      const missing = e21 === undefined ? "May 2021" : e24 === undefined ? "May 2024" : "a non-zero May 2021";
      m.gaps = {
        ...m.gaps,
        "employment-growth-2021-2024": `the third-party 2021–2024 extract has no ${missing} value for this metro`,
        ...(e21 === undefined ? { "employment-2021": "the third-party 2021–2024 extract has no May 2021 value for this metro" } : {}),
      };
      continue;
    }
    m.figures["employment-2021"] = fig(e21, "jobs", src, {
      period: "May 2021",
      note: "Data scientists (SOC 15-2051); area remapped to its 2024 definition by the extract's author",
    });
    m.figures["employment-growth-2021-2024"] = fig(Math.round(((e24 - e21) / e21) * 1000) / 10, "percent", src, {
      period: "May 2021 to May 2024",
      note: "Data scientists (SOC 15-2051)",
      derivedSources: [src.id],
      derivedFrom: `(May 2024 employment ${e24} − May 2021 employment ${e21}) ÷ May 2021 employment, both from ${src.id}; the extract's own 2021–2023 column is not used`,
    });
  }
  const rows = res.matched.length + res.unmatched.length;
  for (const m of byId.values())
    if (!m.figures["employment-growth-2021-2024"] && !m.gaps["employment-growth-2021-2024"]) {
      const reason = `not among the ${rows} metros of the third-party 2021–2024 extract (metros with at least 1,000 data scientists in 2024)`;
      m.gaps = { ...m.gaps, "employment-growth-2021-2024": reason, "employment-2021": reason };
    }
  res.metros = metros.map((m) => byId.get(m.id)!);
  return res;
}
