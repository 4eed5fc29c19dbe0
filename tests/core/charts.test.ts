import { describe, expect, it } from "vitest";
import { CHART_MAX_ROWS, rankingBarChart, untitled, type Ranking } from "../../core/index";

const item = (i: number) => ({
  rank: i + 1,
  id: `m-${i}`,
  name: `Metro ${i}`,
  figure: { value: 1000 - i, unit: "jobs" as const, source: "src", period: "May 2024", trust: "third-party" as const },
});
const ranking = (n: number): Ranking => ({
  id: "metros-by-employment",
  title: "Metros by employment",
  kind: "metros",
  metric: "employment",
  unit: "jobs",
  order: "desc",
  summary: "Metro 0 leads.",
  sources: [{ id: "src", organisation: "Org", title: "Title", url: null, period: "May 2024", trust: "third-party" }],
  items: Array.from({ length: n }, (_, i) => item(i)),
  gaps: [],
  links: { self: "/s", chart: "/c", csv: "/s?format=csv" },
});
const meta = { id: "metros-by-employment", snapshot: { id: "0123456789ab", builtAt: "2026-01-01T00:00:00Z", schemaVersion: 1 as const } };

describe("rankingBarChart(ranking)", () => {
  it("matches the golden spec for a three-row ranking", async () => {
    await expect(JSON.stringify(rankingBarChart(ranking(3), meta), null, 2)).toMatchFileSnapshot("../output/bar-chart-3.vl.json");
  });

  it("shows at most CHART_MAX_ROWS rows and says so in the title", () => {
    const spec = rankingBarChart(ranking(50), meta);
    expect(spec.data.values).toHaveLength(CHART_MAX_ROWS);
    expect(spec.usermeta.title).toBe(`Metros by employment (top ${CHART_MAX_ROWS} of 50)`);
  });

  it("untitled() drops only the title block", () => {
    const spec = rankingBarChart(ranking(3), meta);
    const bare = untitled(spec);
    expect("title" in bare).toBe(false);
    expect(bare.usermeta).toEqual(spec.usermeta);
  });
});
