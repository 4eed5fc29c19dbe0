import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runDiff } from "../../data/diff";
import { buildTo, sourcesCopy, tempDir } from "./helpers";

describe("data:diff", () => {
  it("prints figures moved, ranks changed and entities dropped between two builds from different inputs", async () => {
    const before = inject("snapshotDir");
    const src = sourcesCopy();
    // Professional services data scientists 69,410 → 29,410 (finance and insurance moves up to first); one metro dropped.
    src.edit("bls-oews-m2024-industry/natsector_M2024_15-2051_15-1221.csv", (t) => t.replace("detailed,69410,", "detailed,29410,"));
    src.edit("metro-extracts/oews_may2024_15-2051_msa_employment_lq.csv", (t) => t.replace(/^"Wichita, KS",0\.12,60\r?\n/m, ""));
    const after = tempDir();
    await buildTo(after, src.dir);
    const text = await runDiff(["--published", join(before, "kv-bulk.json"), "--new", join(after, "kv-bulk.json")]);
    expect(text).toContain("naics-sectors/naics-54 employment: 69410 (May 2024) → 29410 (May 2024)");
    expect(text).toContain("employer-types/professional-services-and-consulting employment: 69410 (May 2024) → 29410 (May 2024)");
    expect(text).toMatch(/sectors-by-data-scientist-employment naics-52: 2 → 1/);
    expect(text).toContain("- metros/wichita-ks");
    expect(text).not.toContain("identical content");
  });
  it("reports identical content for the same inputs", async () => {
    const a = inject("snapshotDir");
    const text = await runDiff(["--published", join(a, "kv-bulk.json"), "--new", join(a, "kv-bulk.json")]);
    expect(text).toContain("identical content");
    expect(text).toContain("figures moved: 0");
  });
  it("shows a new national release as the current figures moving, bounds becoming values, and nothing else to edit", async () => {
    // The snapshot as it was before the May 2025 file was imported, and the one after.
    const before = inject("previousSnapshotDir");
    const after = inject("snapshotDir");
    const text = await runDiff(["--published", join(before, "kv-bulk.json"), "--new", join(after, "kv-bulk.json")]);
    expect(text).toContain("occupations/data-scientists employment: 233440 (May 2024) → 262440 (May 2025)");
    expect(text).toContain("occupations/data-scientists median-annual-wage: 112590 (May 2024) → 120230 (May 2025)");
    expect(text).toContain("occupations/computer-and-information-systems-managers p90-annual-wage: ≥ 239200 (May 2024) → 297510 (May 2025)");
    expect(text).toContain("occupations/data-scientists employment-growth-series: 120.3 (May 2021 to May 2024) → 147.6 (May 2021 to May 2025)");
    expect(text).toMatch(/sources: \+1 −0\n {2}\+ bls-oews-national-m2025/);
  });
});
