import { describe, expect, it } from "vitest";
import { formatValue, summariseRanking } from "../../core/index";
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
  it("names the first, the next two and the last, with their figures and the period", () => {
    const f = (value: number) => ({ value, unit: "jobs" as const, source: "s", period: "May 2024", trust: "official" as const });
    const items = ["A", "B", "C", "D"].map((name, i) => ({ rank: i + 1, id: name.toLowerCase(), name, figure: f(40 - i * 10) }));
    expect(summariseRanking({ title: "T", items, unit: "jobs", order: "desc" }, "things")).toBe(
      "T: A has the highest value, 40, followed by B (30) and C (20). D is last of 4 things with 10. Figures for May 2024, official source.",
    );
  });
});
