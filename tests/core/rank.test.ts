import { describe, expect, it } from "vitest";
import { rankEntities, type Entity, type Figure } from "../../core/index";

const fig = (value: number): Figure => ({ value, unit: "jobs", source: "s", period: "May 2024", trust: "official" });
const entity = (id: string, name: string, figures: Record<string, Figure>): Entity => ({
  kind: "metros",
  id,
  name,
  figures,
  gaps: {},
  claims: [],
});

describe("rankEntities", () => {
  const rows = [
    entity("b", "Beta", { employment: fig(10) }),
    entity("a", "Alpha", { employment: fig(10) }),
    entity("c", "Gamma", { employment: fig(30) }),
    entity("d", "Delta", {}),
  ];

  it("orders descending, breaks ties by name and lets equal values share a rank", () => {
    const ranked = rankEntities(rows, { metric: "employment", order: "desc" });
    expect(ranked.map((r) => [r.rank, r.id])).toEqual([
      [1, "c"],
      [2, "a"],
      [2, "b"],
    ]);
  });

  it("orders ascending when asked", () => {
    const ranked = rankEntities(rows, { metric: "employment", order: "asc" });
    expect(ranked.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it("leaves out entities without the metric instead of ranking them as zero", () => {
    const ranked = rankEntities(rows, { metric: "employment", order: "desc" });
    expect(ranked.find((r) => r.id === "d")).toBeUndefined();
  });

  it("keeps each figure's provenance on the ranked item", () => {
    const [first] = rankEntities(rows, { metric: "employment", order: "desc" });
    expect(first?.figure).toEqual(fig(30));
  });
});
