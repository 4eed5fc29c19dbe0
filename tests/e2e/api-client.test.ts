// The typed example client (types from openapi-typescript's reading of /openapi.json) against the real local server.
import { describe, expect, inject, it } from "vitest";
import { dataScientistSeries, describeRanking, factSentence, getEntity } from "../../examples/client/client";

const api = inject("apiUrl");

describe("the typed example client", () => {
  it("reads a ranking, an entity with its series and a fact through the generated types", async () => {
    const lines = await describeRanking(api, "occupations-by-median-wage");
    expect(lines[0]).toMatch(/^1\. .+: \d+ \(May 2025, official\)$/);
    expect((await dataScientistSeries(api)).map((p) => p.jobs)).toEqual([105980, 159630, 192710, 233440, 262440]);
    expect(await factSentence(api, "data-scientist-employment")).toMatch(/^262,440 data scientists .* \(May 2025, official\)$/);
    const { page } = await getEntity(api, "occupations", "data-scientists");
    expect(page.entity.figures["median-annual-wage"]).toMatchObject({ value: 120230, period: "May 2025" });
  });
});
