import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BuildError } from "../../data/lib/build-error";
import { loadExcerptFigures } from "../../data/lib/excerpt-figures";
import { buildTo, sourcesCopy, tempDir } from "./helpers";

const NATSECTOR = "bls-oews-m2024-industry/natsector_M2024_15-2051_15-1221.csv";
const STATE = "bls-oews-m2024-state/state_M2024_15-2051_15-1221.csv";

/** Runs a build on corrupted sources into a directory holding earlier output; both files must stay as they were. */
async function failingBuild(rel: string, corrupt: (t: string) => string) {
  const src = sourcesCopy();
  src.edit(rel, corrupt);
  const out = tempDir();
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "kv-bulk.json"), "previous kv");
  writeFileSync(join(out, "snapshot.json"), "previous fallback");
  const err = await buildTo(out, src.dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BuildError);
  expect(readFileSync(join(out, "kv-bulk.json"), "utf8")).toBe("previous kv");
  expect(readFileSync(join(out, "snapshot.json"), "utf8")).toBe("previous fallback");
  return err as BuildError;
}

describe("data:build rejects bad input with file:row: field and writes nothing", () => {
  it("a bad header names the file, the header row and the column", async () => {
    const err = await failingBuild(STATE, (t) => t.replace("AREA,AREA_TITLE,AREA_TYPE", "AREA,AREA_NAME,AREA_TYPE"));
    expect(err.message).toMatch(/^data\/sources\/bls-oews-m2024-state\/state_M2024_15-2051_15-1221\.csv:11: AREA_TITLE: header does not match/);
  });
  it("a non-numeric employment names the row and TOT_EMP", async () => {
    const err = await failingBuild(NATSECTOR, (t) =>
      t.replace(
        "Finance and Insurance,sector,5,15-2051,Data Scientists,detailed,41020,",
        "Finance and Insurance,sector,5,15-2051,Data Scientists,detailed,forty-one thousand,",
      ),
    );
    const line =
      readFileSync(join(import.meta.dirname, "../../data/sources", NATSECTOR), "utf8")
        .split("\n")
        .findIndex((l) => l.includes("detailed,41020,")) + 1;
    expect(err.message).toBe(`data/sources/${NATSECTOR}:${line}: TOT_EMP: not a number or an OEWS special value: "forty-one thousand"`);
  });
  it("a truncated row names the row and the first missing field", async () => {
    const err = await failingBuild(STATE, (t) =>
      t.replace(/^(01,Alabama,2,AL,000000,Cross-industry,cross-industry,1235,15-1221,[^,]+,detailed,540),.*$/m, "$1"),
    );
    expect(err.message).toMatch(/state_M2024_15-2051_15-1221\.csv:12: EMP_PRSE: truncated row: 12 of 32 fields$/);
  });
  it("a metro growth row that is not a number is reported with its field", async () => {
    const err = await failingBuild("metro-extracts/oews_2021-2024_15-2051_msa_employment.csv", (t) =>
      t.replace("Austin-Round Rock-San Marcos TX,940,", "Austin-Round Rock-San Marcos TX,n/a,"),
    );
    expect(err.message).toBe('data/sources/metro-extracts/oews_2021-2024_15-2051_msa_employment.csv:3: emp2021: expected a whole number or "nan", found "n/a"');
  });
  it("an excerpt figure whose number is not in its quote fails", async () => {
    const src = sourcesCopy();
    const content = tempDir();
    const root = join(import.meta.dirname, "../../data/content");
    for (const f of ["occupations", "industries", "employer-types", "employer-sizes", "roles", "sections", "facts", "excerpt-figures"])
      writeFileSync(join(content, `${f}.json`), readFileSync(join(root, `${f}.json`), "utf8").replace('"value": 63081', '"value": 63000'));
    const out = tempDir();
    const { build } = await import("../../data/build");
    await expect(build({ sourcesDir: src.dir, contentDir: content, outDir: out, builtAt: "2026-01-01T00:00:00Z" })).rejects.toThrow(
      /excerpt-figures\.json:1: value: 63000 does not appear in the quote/,
    );
    expect(existsSync(join(out, "kv-bulk.json"))).toBe(false);
  });
  it("a # wage in a source that registers no top code names the file, the row and the column", async () => {
    const err = await failingBuild("sources.json", (t) => t.replace(/"topCode": \{[^}]*\},\n\s*/, ""));
    expect(err.message).toMatch(
      /^data\/sources\/bls-oews-m2024\/national_M2024_dl\.csv:\d+: A_PCT90: # \(a wage at or above the top code\) but sources\.json gives this source no topCode$/,
    );
  });
  it("an excerpt figure without its own period, or without the hedge its quote puts on its number, names the row and field", () => {
    const registry = new Map([
      ["nace", { id: "nace", organisation: "NACE", title: "t", url: null, period: "2022–23 intern cohort", trust: "third-party" as const, files: ["n.txt"] }],
    ]);
    const read = () => "employers converted ~53% of 2022-23 interns (down from nearly 58%)";
    const item = { id: "x", label: "Conversion", value: 58, unit: "percent", source: "nace", quote: "(down from nearly 58%)" };
    const fail = (items: unknown[]) => {
      try {
        loadExcerptFigures(items, "data/content/excerpt-figures.json", registry, read);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };
    expect(fail([item])).toBe("data/content/excerpt-figures.json:1: period: Invalid input: expected string, received undefined");
    expect(fail([{ ...item, period: "2021–22 intern cohort" }])).toBe(
      'data/content/excerpt-figures.json:1: qualifier: the quote hedges 58 with "nearly ": give it as the qualifier',
    );
    expect(fail([{ ...item, period: "2021–22 intern cohort", qualifier: "nearly " }])).toBe("no error");
  });
});
