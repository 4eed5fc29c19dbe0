import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDiff } from "../../data/diff";
import { buildTo, sourcesCopy, tempDir } from "./helpers";

describe("data:diff", () => {
  it("prints figures moved, ranks changed and entities dropped between two builds from different inputs", async () => {
    const before = tempDir();
    await buildTo(before);
    const src = sourcesCopy();
    // Professional services data scientists 69,410 → 29,410 (finance and insurance moves up to first); one metro dropped.
    src.edit("bls-oews-m2024-industry/natsector_M2024_15-2051_15-1221.csv", (t) => t.replace("detailed,69410,", "detailed,29410,"));
    src.edit("metro-extracts/oews_may2024_15-2051_msa_employment_lq.csv", (t) => t.replace(/^"Wichita, KS",0\.12,60\r?\n/m, ""));
    const after = tempDir();
    await buildTo(after, src.dir);
    const text = await runDiff(["--published", join(before, "kv-bulk.json"), "--new", join(after, "kv-bulk.json")]);
    expect(text).toContain("naics-sectors/naics-54 employment: 69410 → 29410");
    expect(text).toContain("employer-types/professional-services-and-consulting employment: 69410 → 29410");
    expect(text).toMatch(/sectors-by-data-scientist-employment naics-52: 2 → 1/);
    expect(text).toContain("- metros/wichita-ks");
    expect(text).not.toContain("identical content");
  });
  it("reports identical content for the same inputs", async () => {
    const a = tempDir();
    await buildTo(a);
    const text = await runDiff(["--published", join(a, "kv-bulk.json"), "--new", join(a, "kv-bulk.json")]);
    expect(text).toContain("identical content");
    expect(text).toContain("figures moved: 0");
  });
});
