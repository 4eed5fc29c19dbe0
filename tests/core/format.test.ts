import { describe, expect, it } from "vitest";
import { formatFigure, formatValue, rankEntities, summariseRanking, type Figure } from "../../core/index";
import { enUsMismatches } from "../helpers/en-us-cases";

describe("formatValue", () => {
  it("formats dollars, jobs and ratios for the locale", () => {
    expect(formatValue(112590, "usd-per-year")).toBe("$112,590");
    expect(formatValue(233440, "jobs")).toBe("233,440");
    expect(formatValue(3.8, "ratio")).toBe("3.80");
    expect(formatValue(233440, "jobs", "de-DE")).toBe("233.440");
  });

  it("writes en-US without Intl exactly as Node's Intl.NumberFormat does, ties and negative zero included", () => {
    expect(formatValue(-0.4, "jobs")).toBe("-0");
    expect(formatValue(2.675, "ratio")).toBe("2.68"); // rounds the shortest decimal, as ICU does, not the double below it
    expect(formatValue(999.995, "usd-per-hour")).toBe("$1,000.00");
    expect(formatValue(1234.5, "usd-per-year")).toBe("$1,235");
    expect(formatValue(-1234.5, "usd-per-hour")).toBe("-$1,234.50");
    expect(formatValue(36, "percent")).toBe("36%");
    expect(formatValue(Number.NaN, "jobs")).toBe("NaN");
    expect(enUsMismatches()).toEqual([]);
  });
});

describe("summariseRanking", () => {
  const f = (value: number, extra: Partial<Figure> = {}): Figure => ({ value, unit: "jobs", source: "s", period: "May 2024", trust: "official", ...extra });
  const ranked = (values: number[], extra: (i: number) => Partial<Figure> = () => ({})) => {
    const items = rankEntities(
      values.map((v, i) => ({ kind: "metros" as const, id: `e${i}`, name: `E${i}`, figures: { m: f(v, extra(i)) }, gaps: {}, claims: [] })),
      { metric: "m", order: "desc" },
    );
    return { title: "T", items, unit: "jobs" as const, order: "desc" as const };
  };

  it("names the first, the next two and the last, with their figures and the period", () => {
    expect(summariseRanking(ranked([40, 30, 20, 10]), { noun: "things" })).toBe(
      "T. Highest: E0, 40; then E1 (30) and E2 (20). Lowest of the 4 things ranked: E3, 10. Figures for May 2024 (official).",
    );
  });

  it("says a shared first or last place is shared, and never names the last twice", () => {
    expect(summariseRanking(ranked([40, 40, 10]), { noun: "things" })).toBe(
      "T. Highest (shared): E0 and E1, 40. Lowest of the 3 things ranked: E2, 10. Figures for May 2024 (official).",
    );
    expect(summariseRanking(ranked([40, 10, 10]), { noun: "things" })).toContain("Highest: E0, 40. Lowest of the 3 things ranked (shared): E1 and E2, 10.");
  });

  it("reads a top code as a bound: first at its bound, 'at least', and says what the bound means", () => {
    const text = summariseRanking(
      ranked([239200, 232120, 100], (i) => (i === 0 ? { bound: "at-least" } : {})),
      { noun: "things" },
    );
    expect(text).toContain("Highest: E0, at least 239,200;");
    expect(text).toContain("One value is a top code");
  });

  it("says how many estimates are marked for reliability and the uncertainty of a small first estimate", () => {
    const t = ranked([50, 40, 30], (i) => (i === 2 ? { prse: 41.5, reliability: "use-with-caution" } : {}));
    const basis = (id: string) => (id === "e0" ? f(80, { prse: 14.3 }) : undefined);
    const text = summariseRanking(t, { noun: "things", basis });
    expect(text).toContain("E0, 50, an estimate for about 80 jobs (employment estimate's relative standard error 14.3%)");
    expect(text).toContain("One estimate has a relative standard error of 30% or more and is marked † (use with caution).");
  });

  it("states the entities left out and why", () => {
    const text = summariseRanking(
      { ...ranked([3, 2]), gaps: [{ id: "w", name: "Wyoming", reason: "BLS: an employment estimate is not available (**)" }] },
      { noun: "states" },
    );
    expect(text).toContain("1 entity has no published figure and is left out: Wyoming (BLS: an employment estimate is not available (**)).");
  });

  it("gives each period with its own trust label, and marks what the atlas computed", () => {
    const t = ranked([3, 2, 1], (i) => (i === 1 ? { period: "May 2025", trust: "third-party" } : i === 2 ? { derivedFrom: "x" } : {}));
    expect(summariseRanking(t, { noun: "things" })).toContain(
      "Figures for May 2024 (official) and May 2025 (third-party) and May 2024 (official, mapped or computed by the atlas).",
    );
  });
});

describe("formatFigure", () => {
  it("writes a top code as ≥ and keeps a quoted hedge beside its number", () => {
    expect(formatFigure({ value: 239200, unit: "usd-per-year", bound: "at-least" })).toBe("≥ $239,200");
    expect(formatFigure({ value: 58, unit: "percent", qualifier: "nearly " })).toBe("nearly 58%");
    expect(formatFigure({ value: 53, unit: "percent", qualifier: "~" })).toBe("~53%");
  });
});
