import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importOewsFile, readOewsDownload, topCodeIn } from "../../data/import";
import { BuildError } from "../../data/lib/build-error";
import { importOews, numberOf } from "../../data/lib/oews";
import { ROOT, tempDir } from "./helpers";

const DIR = join(ROOT, "data/sources/bls-oews-m2024");

describe("data:import", () => {
  it("reads national_M2024_dl.xlsx into exactly the same normalised rows as the CSV", () => {
    const x = readOewsDownload(join(DIR, "national_M2024_dl.xlsx"));
    const c = readOewsDownload(join(DIR, "national_M2024_dl.csv"));
    expect(x.rows).toBe(1403);
    expect(x.csv).toBe(c.csv);
    expect(x).toMatchObject({ layout: "national", topCoded: true });
  });
  it("gives data scientists 233,440 jobs, median $112,590, 90th percentile $194,410 from the xlsx", () => {
    const rows = importOews(readOewsDownload(join(DIR, "national_M2024_dl.xlsx")).csv, "xlsx");
    const ds = rows.find((r) => r.OCC_CODE === "15-2051")!;
    expect([numberOf(ds.TOT_EMP), numberOf(ds.A_MEDIAN), numberOf(ds.A_PCT90)]).toEqual([233440, 112590, 194410]);
    expect(rows.find((r) => r.OCC_CODE === "11-0000")!.A_PCT90).toEqual({ kind: "special", code: "#" });
  });
  it("accepts a May 2025-style file without top-coding and registers it with provenance", () => {
    const dir = tempDir();
    const src = readFileSync(join(DIR, "national_M2024_dl.csv"), "utf8").replace(/(^|,)#(?=,|\r?$)/gm, "$1239300");
    const file = join(dir, "national_M2025_dl.csv");
    writeFileSync(file, src);
    const sources = tempDir();
    writeFileSync(join(sources, "sources.json"), "[]");
    const r = importOewsFile(file, { sourcesDir: sources, trust: "official" });
    expect(r.norm.topCoded).toBe(false);
    expect(r.source).toMatchObject({ id: "bls-oews-national-m2025", period: "May 2025", trust: "official" });
    const reg = JSON.parse(readFileSync(join(sources, "sources.json"), "utf8"));
    expect(reg[0].files).toEqual(["bls-oews-national-m2025/national_M2025_dl.csv"]);
    expect(reg[0].series).toBe("oews-national");
  });
  it("fails on a bad header with file, row and column, and writes nothing", () => {
    const dir = tempDir();
    const file = join(dir, "state_M2024_dl.csv");
    writeFileSync(file, readFileSync(join(DIR, "national_M2024_dl.csv"), "utf8").replace("OCC_CODE", "OCCUPATION"));
    const sources = tempDir();
    writeFileSync(join(sources, "sources.json"), "[]");
    expect(() => importOewsFile(file, { sourcesDir: sources })).toThrow(BuildError);
    expect(() => importOewsFile(file, { sourcesDir: sources })).toThrow(/^state_M2024_dl\.csv:1: OCC_CODE: header does not match/);
    expect(readFileSync(join(sources, "sources.json"), "utf8")).toBe("[]");
  });
  it("reads a release's top code from its workbook's Field Descriptions sheet and registers it with the series", () => {
    const sources = tempDir();
    writeFileSync(join(sources, "sources.json"), "[]");
    const r = importOewsFile(join(DIR, "national_M2024_dl.xlsx"), { sourcesDir: sources });
    expect(r.entry).toMatchObject({ id: "bls-oews-national-m2024", series: "oews-national", topCode: { annual: 239200, hourly: 115 } });
    expect(topCodeIn("#  = indicates a wage equal to or greater than $100.00 per hour or $208,000 per year ")).toMatchObject({ annual: 208000, hourly: 100 });
  });
  it("refuses a top-coded CSV that states no top code, and writes nothing", () => {
    const sources = tempDir();
    writeFileSync(join(sources, "sources.json"), "[]");
    expect(() => importOewsFile(join(DIR, "national_M2024_dl.csv"), { sourcesDir: sources })).toThrow(
      /# \(top-coded\) wages but states no top code: pass --top-code/,
    );
    expect(readFileSync(join(sources, "sources.json"), "utf8")).toBe("[]");
  });
});
