import { describe, expect, it } from "vitest";
import { rankingToCsv, type Ranking } from "../../core/index";

const ranking: Ranking = {
  id: "r",
  title: "T",
  kind: "metros",
  metric: "employment",
  unit: "jobs",
  order: "desc",
  summary: "S",
  sources: [{ id: "src", organisation: "O", title: "T", url: "https://example.org/x", period: "May 2024", trust: "third-party" }],
  items: [{ rank: 1, id: "ny", name: 'New York, "NY"', figure: { value: 19810, unit: "jobs", source: "src", period: "May 2024", trust: "third-party" } }],
  gaps: [],
  links: { self: "/r", chart: "/c", csv: "/r?format=csv" },
};

describe("rankingToCsv", () => {
  it("quotes fields with commas and quotes, and carries source, URL, period, trust and snapshot on every row", () => {
    const csv = rankingToCsv(ranking, { id: "0123456789ab", builtAt: "2026-01-01T00:00:00Z", schemaVersion: 1 });
    expect(csv.split("\r\n")).toEqual([
      "rank,id,name,value,bound,unit,prse,reliability,source,source_url,period,trust,derived_from,derived_sources,note,snapshot",
      '1,ny,"New York, ""NY""",19810,,jobs,,,src,https://example.org/x,May 2024,third-party,,,,0123456789ab',
      "",
    ]);
  });
});
