import { describe, expect, it } from "vitest";
import { Fact, listNames, Mapping, SectionId, sectionIds, snapshotKeys } from "../../core/index";

describe("core content keys and schemas", () => {
  it("snapshotKeys(id).section/fact/list build stable keys", () => {
    const k = snapshotKeys("0123456789ab");
    expect(k.section("geography")).toBe("atlas:v1:0123456789ab:section:geography");
    expect(k.fact("internship-effect")).toBe("atlas:v1:0123456789ab:fact:internship-effect");
    expect(k.list("sections")).toBe("atlas:v1:0123456789ab:list:sections");
    expect(k.entity("naics-sectors", "naics-52")).toBe("atlas:v1:0123456789ab:entity:naics-sectors:naics-52");
    expect(listNames).toEqual(["api", "rankings", "charts", "compare", "sources", "entities", "sections", "facts"]);
  });
  it("has the twelve article sections", () => {
    expect(sectionIds).toHaveLength(12);
    expect(SectionId.safeParse("mid-career").success).toBe(true);
    expect(SectionId.safeParse("salaries").success).toBe(false);
  });
  it("a mapping must say it is the project's, never a published classification", () => {
    expect(Mapping.safeParse({ label: "published", codes: [], note: "x" }).success).toBe(false);
  });
  it("a fact's figure needs source, period and trust", () => {
    const base = {
      id: "x",
      title: "t",
      text: "t",
      section: "key-facts",
      links: { self: "/a", section: "/b" },
      sources: [{ id: "s", organisation: "o", title: "t", url: null, period: "p", trust: "official" }],
    };
    expect(Fact.safeParse({ ...base, figure: { id: "f", label: "l", value: 1, unit: "percent" } }).success).toBe(false);
    expect(Fact.safeParse({ ...base, figure: { id: "f", label: "l", value: 1, unit: "percent", source: "s", period: "p", trust: "official" } }).success).toBe(
      true,
    );
  });
});
