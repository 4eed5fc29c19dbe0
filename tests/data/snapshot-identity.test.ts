// The snapshot id fingerprints what is served: a change in a code path that only shapes the output (here the
// SVG renderer) gives a new id, though every source and content file is the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { POINTER_KEY } from "../../core/index";
import { buildTo, ROOT, tempDir } from "./helpers";

vi.mock("../../data/lib/charts-render", async (original) => {
  const real = await original<typeof import("../../data/lib/charts-render")>();
  return { ...real, renderSvg: async (spec: Parameters<typeof real.renderSvg>[0]) => `${await real.renderSvg(spec)}<!-- changed renderer -->` };
});

describe("snapshot identity", () => {
  it("changes when only an output code path changes (the SVG renderer), with the same inputs", async () => {
    const bulk = JSON.parse(readFileSync(join(ROOT, "data/out/kv-bulk.json"), "utf8")) as { key: string; value: string }[];
    const published = bulk.find((e) => e.key === POINTER_KEY)!.value;
    const { snapshot } = await buildTo(tempDir());
    expect(snapshot.id).toMatch(/^[0-9a-f]{12}$/);
    expect(snapshot.id).not.toBe(published);
  });
});
