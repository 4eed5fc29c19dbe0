import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { listNames, sectionIds, SectionResponse, FactResponse, EntityResponse, RankingResponse, snapshotKeys } from "../../core/index";
import { buildTo, readBulk, tempDir } from "./helpers";

const out = inject("snapshotDir");
const kv = readBulk(join(out, "kv-bulk.json"));

describe("data:build known figures", () => {
  it("data scientists in finance and insurance (NAICS 52), May 2024 = 41,020", () => {
    const page = EntityResponse.parse(kv.json("entity:naics-sectors:naics-52")).page;
    expect(page.entity.figures.employment).toMatchObject({ value: 41020, source: "bls-oews-natsector-m2024", period: "May 2024", trust: "official" });
  });
  it("New York metro data scientists, May 2024 = 19,810", () => {
    const e = kv.json("entity:metros:new-york-newark-jersey-city-ny-nj").page.entity;
    expect(e.figures.employment).toMatchObject({ value: 19810, period: "May 2024", trust: "third-party" });
  });
  it("CIRS median annual wage, May 2025 = $140,300; data scientists 262,440 / $120,230", () => {
    const cirs = kv.json("entity:occupations:computer-and-information-research-scientists").page.entity;
    expect(cirs.figures["median-annual-wage"]).toMatchObject({ value: 140300, period: "May 2025", trust: "official" });
    expect(cirs.figures["projected-growth-2023-33"].value).toBe(25.6);
    const ds = kv.json("entity:occupations:data-scientists").page.entity;
    expect(ds.figures.employment.value).toBe(262440);
    expect(ds.figures["median-annual-wage"].value).toBe(120230);
  });
  it("data scientists' projected growth 2023–33 = 36.0% (202,900 → 276,000)", () => {
    const fact = FactResponse.parse(kv.json("fact:data-scientist-growth-2023-33")).fact;
    expect(fact.figure).toMatchObject({ value: 36, unit: "percent", source: "bls-ep-2023-33", period: "2023–33", trust: "official" });
    expect(fact.beside.map((f) => f.value)).toEqual([202900, 276000]);
  });
  it("states: 50 states + DC, official May 2024 and third-party May 2025", () => {
    const list = kv.json("entities:states");
    expect(list.entities).toHaveLength(51);
    const ca = kv.json("entity:states:california").page.entity;
    expect(ca.figures.employment).toMatchObject({ value: 36850, trust: "official" });
    expect(ca.figures["employment-may-2025"]).toMatchObject({ value: 39310, trust: "third-party" });
  });
  it("metro growth 2021–2024 is derived, labelled and says what from", () => {
    const f = kv.json("entity:metros:new-york-newark-jersey-city-ny-nj").page.entity.figures["employment-growth-2021-2024"];
    expect(f).toMatchObject({ value: 93.5, unit: "percent", trust: "third-party" });
    expect(f.derivedFrom).toMatch(/19810.*10240/);
  });
});

describe("data:build snapshot shape", () => {
  it("publishes at least 15 rankings across at least 8 kinds, each with chart, SVG and summary", () => {
    const list = kv.json("list:rankings").rankings as { id: string; kind: string }[];
    expect(list.length).toBeGreaterThanOrEqual(15);
    expect(new Set(list.map((r) => r.kind)).size).toBeGreaterThanOrEqual(8);
    for (const r of list) {
      const body = RankingResponse.parse(kv.json(`ranking:${r.id}`));
      expect(body.ranking.summary.length).toBeGreaterThan(20);
      expect(kv.map.get(snapshotKeys(kv.id).chartSvg(r.id))).toMatch(/^<svg/);
    }
  });
  it("every one of the 12 sections has a body with records and links", () => {
    expect(kv.json("list:sections").sections.map((s: { id: string }) => s.id)).toEqual([...sectionIds]);
    for (const id of sectionIds) {
      const s = SectionResponse.parse(kv.json(`section:${id}`)).section;
      expect(s.records.length + s.figures.length).toBeGreaterThan(0);
    }
  });
  it("every list body exists, and the API index links the new lists", () => {
    for (const name of listNames) expect(kv.map.has(snapshotKeys(kv.id).list(name))).toBe(true);
    expect(kv.json("list:api").links).toMatchObject({ sections: "/api/v1/sections", facts: "/api/v1/facts", entities: "/api/v1/entities" });
  });
  it("every figure in every entry carries source, period and trust, and its source is listed", () => {
    const sources = new Set((kv.json("list:sources").sources as { id: string }[]).map((s) => s.id));
    let count = 0;
    const visit = (v: unknown, where: string) => {
      if (Array.isArray(v)) return v.forEach((x) => visit(x, where));
      if (!v || typeof v !== "object") return;
      const o = v as Record<string, unknown>;
      if ("value" in o && "unit" in o) {
        count++;
        expect(typeof o.source, where).toBe("string");
        expect(sources.has(o.source as string), `${where}: ${String(o.source)}`).toBe(true);
        expect(typeof o.period, where).toBe("string");
        expect(["official", "official-derived", "third-party", "article"], where).toContain(o.trust);
      }
      if ("text" in o && o.trust === "article") expect(o.source, where).toBe("article");
      Object.values(o).forEach((x) => visit(x, where));
    };
    for (const { key, value } of kv.bulk) if (value.startsWith("{")) visit(JSON.parse(value), key);
    expect(count).toBeGreaterThan(5000);
  });
  it("is deterministic: the same inputs and builtAt give byte-identical output", async () => {
    const again = tempDir();
    await buildTo(again);
    expect(readFileSync(join(again, "kv-bulk.json"), "utf8")).toBe(readFileSync(join(out, "kv-bulk.json"), "utf8"));
  });
});
