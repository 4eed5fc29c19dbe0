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

describe("rankingToCsv against CSV injection", () => {
  it("writes a text cell starting with = + - @ tab or CR with a leading apostrophe; negative numbers stay numbers", () => {
    const names = ['=HYPERLINK("https://evil.example","x")', "+SUM(1+1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "Plain - name"];
    const r: Ranking = {
      ...ranking,
      items: names.map((name, i) => ({
        rank: i + 1,
        id: `m${i}`,
        name,
        figure: { value: -5.5, unit: "jobs", source: "src", period: "@May 2024", trust: "third-party" },
      })),
    };
    const rows = rankingToCsv(r, { id: "0123456789ab", builtAt: "2026-01-01T00:00:00Z", schemaVersion: 1 }).split("\r\n");
    expect(rows.slice(1, -1)).toEqual([
      `1,m0,"'=HYPERLINK(""https://evil.example"",""x"")",-5.5,,jobs,,,src,https://example.org/x,'@May 2024,third-party,,,,0123456789ab`,
      "2,m1,'+SUM(1+1),-5.5,,jobs,,,src,https://example.org/x,'@May 2024,third-party,,,,0123456789ab",
      "3,m2,'-2+3,-5.5,,jobs,,,src,https://example.org/x,'@May 2024,third-party,,,,0123456789ab",
      "4,m3,'@SUM(A1),-5.5,,jobs,,,src,https://example.org/x,'@May 2024,third-party,,,,0123456789ab",
      `5,m4,"'\t=1+1",-5.5,,jobs,,,src,https://example.org/x,'@May 2024,third-party,,,,0123456789ab`,
      `6,m5,"'\r=1+1",-5.5,,jobs,,,src,https://example.org/x,'@May 2024,third-party,,,,0123456789ab`,
      "7,m6,Plain - name,-5.5,,jobs,,,src,https://example.org/x,'@May 2024,third-party,,,,0123456789ab",
    ]);
  });
});
