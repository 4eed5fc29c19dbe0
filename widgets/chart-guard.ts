// A plain check of a chart's embed payload, so a chart's first paint does not wait for the zod parser chunk.
// tests/core/chart-guard.test.ts holds it to the same verdicts as core's ChartEmbed schema.
import type { ChartEmbed } from "../core/embed";
import { bounds, reliabilityMarks, trustLabels, units } from "../core/vocab";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (o: Obj, k: string) => typeof o[k] === "string";
const num = (o: Obj, k: string) => typeof o[k] === "number" && Number.isFinite(o[k]);
const strs = (o: Obj, ks: string[]) => ks.every((k) => str(o, k));
const oneOf = (list: readonly string[], v: unknown) => typeof v === "string" && list.includes(v);
/** Every element, holes included (Array.prototype.every skips holes). */
const all = (v: unknown, ok: (x: unknown) => boolean) => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
};

const isSource = (s: unknown) =>
  isObj(s) && strs(s, ["id", "organisation", "title", "period"]) && (s.url === null || str(s, "url")) && oneOf(trustLabels, s.trust);

/** An optional field: absent (or undefined), else `ok`. */
const opt = (o: Obj, k: string, ok: (v: unknown) => boolean) => o[k] === undefined || ok(o[k]);
const isGap = (g: unknown) => isObj(g) && strs(g, ["id", "name", "reason"]);
const isRow = (r: unknown) =>
  isObj(r) &&
  num(r, "rank") &&
  strs(r, ["id", "name"]) &&
  num(r, "value") &&
  opt(r, "bound", (v) => oneOf(bounds, v)) &&
  opt(r, "prse", (v) => typeof v === "number") &&
  opt(r, "reliability", (v) => oneOf(reliabilityMarks, v));

/** The payload as a ChartEmbed when it has every field the element uses, else null. */
export function checkChartEmbed(json: unknown): ChartEmbed | null {
  if (!isObj(json) || !str(json, "svg")) return null;
  const { snapshot, chart, rows, links } = json;
  if (!isObj(snapshot) || !strs(snapshot, ["id", "builtAt"])) return null;
  if (!isObj(chart) || !strs(chart, ["id", "title", "summary", "ranking", "valueLabel"]) || !oneOf(units, chart.unit)) return null;
  if (!all(chart.sources, isSource) || !all(rows, isRow) || !opt(chart, "gaps", (g) => all(g, isGap))) return null;
  if (!isObj(links) || !strs(links, ["vega", "csv", "json"])) return null;
  if (!opt(json, "citation", (c) => isObj(c) && strs(c, ["text", "bibtex", "url"]))) return null;
  return json as unknown as ChartEmbed;
}
