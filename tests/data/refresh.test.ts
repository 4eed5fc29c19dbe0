// The newest national release is the current national figures, and every release is a point of the history:
// each checked against its own official file, over every occupation the atlas shows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Entity, Ranking } from "../../core/index";
import { importOews, numberOf, type OewsNumericColumn, type OewsRow } from "../../data/lib/oews";
import { readBulk, ROOT } from "./helpers";

const kv = readBulk(join(ROOT, "data/out/kv-bulk.json"));
const occupations = (kv.json("entities:occupations") as { entities: { id: string }[] }).entities.map(
  (e) => (kv.json(`entity:occupations:${e.id}`) as { page: { entity: Entity } }).page.entity,
);
const registry = JSON.parse(readFileSync(join(ROOT, "data/sources/sources.json"), "utf8")) as {
  id: string;
  period: string;
  series?: string;
  files: string[];
}[];
const releases = registry
  .filter((e) => e.series === "oews-national")
  .sort((a, b) => a.period.localeCompare(b.period))
  .map((e) => ({
    id: e.id,
    period: e.period,
    rows: new Map<string, OewsRow>(
      importOews(readFileSync(join(ROOT, "data/sources", e.files[0]!), "utf8"), e.id)
        .filter((r) => r.AREA === "99" && r.NAICS === "000000")
        .map((r) => [r.OCC_CODE, r]),
    ),
  }));
const newest = releases[releases.length - 1]!;
const columns: [string, OewsNumericColumn][] = [
  ["employment", "TOT_EMP"],
  ["median-annual-wage", "A_MEDIAN"],
  ["mean-annual-wage", "A_MEAN"],
  ["p10-annual-wage", "A_PCT10"],
  ["p25-annual-wage", "A_PCT25"],
  ["p75-annual-wage", "A_PCT75"],
  ["p90-annual-wage", "A_PCT90"],
  ["median-hourly-wage", "H_MEDIAN"],
];

describe("the national refresh", () => {
  it("reads May 2021 to May 2025, one official release each, the newest being May 2025", () => {
    expect(releases.map((r) => r.period)).toEqual(["May 2021", "May 2022", "May 2023", "May 2024", "May 2025"]);
    expect(newest.id).toBe("bls-oews-national-m2025");
  });

  it("gives data scientists 262,440 jobs and a median of $120,230 for May 2025, official", () => {
    const ds = occupations.find((o) => o.id === "data-scientists")!;
    expect(ds.figures.employment).toMatchObject({ value: 262440, period: "May 2025", trust: "official", source: "bls-oews-national-m2025" });
    expect(ds.figures["median-annual-wage"]).toMatchObject({ value: 120230, period: "May 2025", trust: "official" });
  });

  it("shows every current national figure of every occupation exactly as the May 2025 file gives it", () => {
    let checked = 0;
    for (const o of occupations) {
      const row = newest.rows.get(o.code!)!;
      for (const [metric, column] of columns) {
        const v = numberOf(row[column]);
        if (v === undefined) continue;
        expect(o.figures[metric], `${o.id} ${metric}`).toMatchObject({ value: v, period: "May 2025", source: newest.id, trust: "official" });
        checked++;
      }
      expect(o.figures.employment!.prse, o.id).toBe(numberOf(row.EMP_PRSE));
      expect(o.figures["mean-annual-wage"]!.prse, o.id).toBe(numberOf(row.MEAN_PRSE));
    }
    expect(checked).toBe(occupations.length * columns.length);
  });

  it("makes every point of every series equal its own year's row, with that year's period and source", () => {
    let points = 0;
    for (const o of occupations)
      for (const [metric, list] of Object.entries(o.series!.points)) {
        const column = columns.find(([m]) => m === metric)![1];
        for (const p of list) {
          const r = releases.find((x) => x.period === p.period)!;
          const cell = r.rows.get(o.code!)![column];
          expect(p.source, `${o.id} ${metric} ${p.period}`).toBe(r.id);
          if (cell.kind === "number") expect(p.value, `${o.id} ${metric} ${p.period}`).toBe(cell.value);
          else expect(p.bound, `${o.id} ${metric} ${p.period}`).toBe("at-least");
          points++;
        }
        expect(
          list.map((p) => p.period),
          `${o.id} ${metric}`,
        ).toEqual(releases.map((r) => r.period));
      }
    expect(points).toBe(occupations.length * 5 * releases.length);
  });

  it("gives data scientists' series 105,980 → 262,440 and states where it starts and why", () => {
    const ds = occupations.find((o) => o.id === "data-scientists")!;
    expect(ds.series!.points.employment!.map((p) => p.value)).toEqual([105980, 159630, 192710, 233440, 262440]);
    expect(ds.series!.gaps.join(" ")).toMatch(/15-2051.*only from May 2021.*15-2098.*not comparable.*not bridged/);
    expect(ds.figures["employment-growth-series"]).toMatchObject({
      value: 147.6,
      period: "May 2021 to May 2025",
      derivedSources: ["bls-oews-national-m2021", "bls-oews-national-m2025"],
    });
  });

  it("ranks occupations by growth and by jobs added over the series, with the span in the title", () => {
    const growth = (kv.json("ranking:occupations-by-employment-growth") as { ranking: Ranking }).ranking;
    const added = (kv.json("ranking:occupations-by-jobs-added") as { ranking: Ranking }).ranking;
    expect(growth.title).toBe("ML-relevant occupations by employment growth, May 2021 to May 2025");
    expect(growth.items[0]).toMatchObject({ id: "data-scientists", figure: { value: 147.6 } });
    expect(added.items.find((i) => i.id === "data-scientists")!.figure.value).toBe(262440 - 105980);
    expect(growth.items).toHaveLength(occupations.length);
  });
});
