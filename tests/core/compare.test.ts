import { describe, expect, it } from "vitest";
import { compareRecords, metrics, snapshotKeys, type CompareRecord } from "../../core/index";
import { differenceLabel } from "../../core/fragments";

const rec = (id: string, figures: CompareRecord["figures"]): CompareRecord => ({ kind: "metros", id, name: id.toUpperCase(), figures, gaps: {} });
const f = (value: number, unit: "jobs" | "ratio" = "jobs") => ({ value, unit, source: "src", period: "May 2024", trust: "third-party" as const });

describe("compareRecords(a, b)", () => {
  it("gives difference and ratio for metrics both have, with what they were derived from", () => {
    const [d] = compareRecords(rec("a", { employment: f(300) }), rec("b", { employment: f(100) }));
    expect(d).toMatchObject({ metric: "employment", a: 300, b: 100, difference: 200, ratio: 3 });
    expect(d?.derivedFrom).toContain("src, May 2024");
  });

  it("skips metrics only one side has, or that differ in unit", () => {
    const out = compareRecords(rec("a", { employment: f(1), lq: f(2, "ratio") }), rec("b", { lq: f(2) }));
    expect(out).toEqual([]);
  });

  it("gives a null ratio rather than Infinity when b is zero", () => {
    const [d] = compareRecords(rec("a", { employment: f(5) }), rec("b", { employment: f(0) }));
    expect(d?.ratio).toBeNull();
    expect(d?.difference).toBe(5);
  });
});

describe("snapshotKeys", () => {
  it("builds the same pair key whichever way round the ids come", () => {
    const k = snapshotKeys("abc123abc123");
    expect(k.comparePair("metros", "x", "y")).toBe(k.comparePair("metros", "y", "x"));
  });

  it("puts the schema version and snapshot id in every key, and no two builders share a key", () => {
    const keys = snapshotKeys("abc123abc123");
    const built = Object.entries(keys).map(([name, k]): [string, string] => {
      if (typeof k === "string") return [name, k];
      // Every builder takes one to three string arguments (pairs take a kind and two ids).
      return [name, (k as (...a: string[]) => string)("occupations", "x", "y")];
    });
    expect(built.length).toBeGreaterThan(15);
    for (const [name, key] of built) expect(key, name).toMatch(/^atlas:v1:abc123abc123:/);
    const values = built.filter(([name]) => name !== "prefix").map(([, key]) => key);
    expect(new Set(values).size).toBe(values.length);
    expect(keys.ranking("r")).toBe("atlas:v1:abc123abc123:ranking:r");
  });
});

describe("differenceLabel", () => {
  it("names each row's period once, whether or not the metric's label already names it", () => {
    expect(differenceLabel({ metric: "median-annual-wage", period: "May 2025" })).toBe("Median annual wage, May 2025");
    expect(differenceLabel({ metric: "employment-2021", period: "May 2021" })).toBe("Employment, May 2021");
    expect(differenceLabel({ metric: "employment-growth-2021-2024", period: "May 2021 to May 2024" })).toBe("Employment growth, May 2021 to May 2024");
    for (const metric of Object.keys(metrics)) {
      const label = differenceLabel({ metric, period: "May 2021" });
      expect(label, metric).not.toMatch(/May 2021, May 2021/);
    }
  });
});
