// The widgets' plain check of chart payloads gives the same verdict as core's ChartEmbed schema.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChartEmbed } from "../../core/embed";
import { checkChartEmbed } from "../../widgets/chart-guard";

const bulk = JSON.parse(readFileSync(join(import.meta.dirname, "../../data/out/kv-bulk.json"), "utf8")) as { key: string; value: string }[];
const payloads = bulk.filter((e) => e.key.includes(":chart-embed:")).map((e) => JSON.parse(e.value) as Record<string, unknown>);

/** Every path to a value in `v`, e.g. ["chart", "sources", 0, "trust"]. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.slice(0, 2).flatMap((x, i) => paths(x, [...at, i]))];
  if (typeof v === "object" && v !== null) return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}

function mutate(root: unknown, path: (string | number)[], make: (old: unknown) => unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const next = make(node[last]);
  if (next === undefined) delete node[last];
  else node[last] = next;
  return copy;
}

describe("checkChartEmbed", () => {
  it("accepts every chart payload of the snapshot, as the schema does", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(10);
    for (const p of payloads) {
      expect(ChartEmbed.safeParse(p).success).toBe(true);
      expect(checkChartEmbed(p)).toBe(p);
    }
  });

  it("agrees with the schema when any field is removed or given a wrong type", () => {
    const p = payloads[0]!;
    const cases = paths(p).filter((path) => path.length > 0);
    expect(cases.length).toBeGreaterThan(30);
    const wrong = [
      () => undefined,
      () => null,
      () => 42,
      () => "text",
      () => [],
      () => ({}),
      (old: unknown) => (typeof old === "string" ? `${old}-not-in-a-list` : old),
    ];
    for (const path of cases)
      for (const make of wrong) {
        const bad = mutate(p, path, make);
        expect(checkChartEmbed(bad) !== null, `${path.join(".")} → ${JSON.stringify(make(undefined))}`).toBe(ChartEmbed.safeParse(bad).success);
      }
  });

  it("rejects what is not a payload at all", () => {
    for (const v of [null, 1, "x", [], {}, { svg: "<svg/>" }]) expect(checkChartEmbed(v)).toBeNull();
  });
});
