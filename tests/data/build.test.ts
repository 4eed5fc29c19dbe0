import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POINTER_KEY, RankingResponse, snapshotKeys } from "../../core/index";
import { build } from "../../data/build";
import { vegaLiteValidator } from "../helpers/vega-lite-schema";

const builtAt = "2026-01-01T00:00:00Z";

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "atlas-build-"));
  cpSync("data/sources", join(dir, "sources"), { recursive: true });
  cpSync("data/content", join(dir, "content"), { recursive: true });
  return {
    dir,
    opts: {
      sourcesDir: join(dir, "sources"),
      contentDir: join(dir, "content"),
      kvFile: join(dir, "out/kv.json"),
      fallbackFile: join(dir, "out/fallback.json"),
      builtAt,
    },
  };
}

type Kv = { key: string; value: string }[];

describe("data build", () => {
  let kv: Map<string, string>;
  let id: string;

  beforeAll(async () => {
    const { opts } = workspace();
    const result = await build(opts);
    id = result.snapshot.id;
    kv = new Map((JSON.parse(readFileSync(opts.kvFile, "utf8")) as Kv).map((e) => [e.key, e.value]));
  });

  it("writes the pointer to the snapshot it built", () => {
    expect(kv.get(POINTER_KEY)).toBe(id);
  });

  it("publishes data scientists' official May 2025 figures exactly", () => {
    const body = RankingResponse.parse(JSON.parse(kv.get(snapshotKeys(id).ranking("occupations-by-median-wage"))!));
    const ds = body.ranking.items.find((i) => i.id === "data-scientists")!;
    expect(ds.figure).toEqual({ value: 120230, unit: "usd-per-year", source: "bls-oews-national-m2025", period: "May 2025", trust: "official" });
    const mean = JSON.parse(kv.get(snapshotKeys(id).entity("occupations", "data-scientists"))!).page.entity.figures["mean-annual-wage"];
    expect(mean).toMatchObject({ value: 126800, period: "May 2025" });
    expect(mean.prse).toBeTypeOf("number");
    const emp = RankingResponse.parse(JSON.parse(kv.get(snapshotKeys(id).ranking("occupations-by-employment"))!));
    expect(emp.ranking.items.find((i) => i.id === "data-scientists")!.figure.value).toBe(262440);
    const p90 = RankingResponse.parse(JSON.parse(kv.get(snapshotKeys(id).ranking("occupations-by-90th-percentile-wage"))!));
    expect(p90.ranking.items.find((i) => i.id === "data-scientists")!.figure.value).toBe(199130);
  });

  it("ranks metros by data-scientist employment with New York first at 19,810", () => {
    const body = RankingResponse.parse(JSON.parse(kv.get(snapshotKeys(id).ranking("metros-by-data-scientist-employment"))!));
    expect(body.ranking.items).toHaveLength(263);
    expect(body.ranking.items[0]).toMatchObject({ rank: 1, name: "New York-Newark-Jersey City, NY-NJ", figure: { value: 19810, trust: "third-party" } });
  });

  it("gives the same snapshot id for the same output, whatever the build time", async () => {
    const { opts } = workspace();
    const again = await build({ ...opts, builtAt: "2027-06-30T12:00:00Z" });
    expect(again.snapshot.id).toBe(id);
    const bodies = new Map((JSON.parse(readFileSync(opts.kvFile, "utf8")) as Kv).map((e) => [e.key, e.value]));
    expect(bodies.get(snapshotKeys(id).manifest)).toBe(kv.get(snapshotKeys(id).manifest)!.replaceAll(builtAt, "2027-06-30T12:00:00Z"));
  });

  it("writes Vega-Lite specs that validate against Vega-Lite's own JSON schema", () => {
    const validate = vegaLiteValidator();
    const charts = [...kv].filter(([k]) => k.startsWith(`atlas:v1:${id}:chart:`));
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const [key, value] of charts) {
      const ok = validate(JSON.parse(value));
      expect(ok, `${key}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
    }
  });

  it("carries source, period and trust on every figure of every ranking, each source listed", () => {
    for (const [key, value] of kv) {
      if (!key.includes(":ranking:")) continue;
      const { ranking } = RankingResponse.parse(JSON.parse(value));
      const listed = new Set(ranking.sources.map((s) => s.id));
      for (const item of ranking.items) expect(listed.has(item.figure.source), `${key} ${item.id}`).toBe(true);
    }
  });
});

describe("data build on bad input", () => {
  const sentinel = "previous snapshot";
  it("fails on a corrupted row naming file, row and field, and publishes nothing", async () => {
    const { dir, opts } = workspace();
    const file = join(dir, "sources/bls-oews-m2024/national_M2024_dl.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace('Data Scientists,detailed,"233,440"', "Data Scientists,detailed,two hundred"));
    await expect(build(opts)).rejects.toThrow(
      'data/sources/bls-oews-m2024/national_M2024_dl.csv:167: TOT_EMP: not a number or an OEWS special value: "two hundred"',
    );
    expect(existsSync(opts.kvFile)).toBe(false);
    expect(existsSync(opts.fallbackFile)).toBe(false);
  });

  it("leaves the previously published files untouched when a metro row is truncated", async () => {
    const { dir, opts } = workspace();
    await build(opts);
    writeFileSync(opts.kvFile, sentinel);
    writeFileSync(opts.fallbackFile, sentinel);
    const file = join(dir, "sources/metro-extracts/oews_may2024_15-2051_msa_employment_lq.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace('"Durham-Chapel Hill, NC",2.98,1540', '"Durham-Chapel Hill, NC",2.98'));
    await expect(build(opts)).rejects.toThrow("data/sources/metro-extracts/oews_may2024_15-2051_msa_employment_lq.csv:3: tot_emp: truncated row");
    expect(readFileSync(opts.kvFile, "utf8")).toBe(sentinel);
    expect(readFileSync(opts.fallbackFile, "utf8")).toBe(sentinel);
  });

  it("fails on a changed header", async () => {
    const { dir, opts } = workspace();
    const file = join(dir, "sources/bls-oews-m2024/national_M2024_dl.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("TOT_EMP", "TOTAL_EMP"));
    await expect(build(opts)).rejects.toThrow("national_M2024_dl.csv:1: TOT_EMP: header does not match");
  });
});
