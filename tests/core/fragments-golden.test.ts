// Golden files for the no-JS fragments: each renderer's whole output for one real payload (taken from the May 2025
// build: a chart with gaps and caution marks, a ranking topped by a bound, a comparison with gaps, a derived fact,
// a state profile). A change in the markup shows as a diff of tests/core/golden/*.html; `vitest -u` accepts it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChartEmbed, ComparisonPayload, FactPayload, ProfilePayload, RankingPayload } from "../../core/embed";
import { chartFragment, comparisonFragment, factFragment, profileFragment, rankingFragment } from "../../core/fragments";

const ctx = { origin: "https://atlas.example" };
const fixture = (kind: string) => JSON.parse(readFileSync(join(import.meta.dirname, "golden", `${kind}.json`), "utf8")) as unknown;
/** One tag per line, so a change reads as a small diff. */
const lines = (html: string) => `${html.replace(/></g, ">\n<")}\n`;

describe("no-JS fragments match their golden files", () => {
  const cases = {
    chart: () => chartFragment(ChartEmbed.parse(fixture("chart")), ctx),
    ranking: () => rankingFragment(RankingPayload.parse(fixture("ranking")), ctx),
    compare: () => comparisonFragment(ComparisonPayload.parse(fixture("compare")), ctx, "/api/v1/compare/states?a=massachusetts&b=wyoming"),
    fact: () => factFragment(FactPayload.parse(fixture("fact")), ctx),
    profile: () => profileFragment(ProfilePayload.parse(fixture("profile")), ctx),
  };
  for (const [kind, render] of Object.entries(cases))
    it(kind, async () => {
      await expect(lines(render())).toMatchFileSnapshot(join("golden", `${kind}.html`));
    });
});
