// The fuzzer's corpus of real ids, read from the data build's KV bulk file (the snapshot the local server serves).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Corpus } from "./fuzz-requests";

const root = resolve(import.meta.dirname, "../..");

export function corpusFromBuild(): Corpus {
  const bulk = JSON.parse(readFileSync(join(root, "data/out/kv-bulk.json"), "utf8")) as { key: string; value: string }[];
  const map = new Map(bulk.map((e) => [e.key, e.value]));
  const id = map.get("atlas:v1:current")!;
  const json = (k: string) => JSON.parse(map.get(`atlas:v1:${id}:${k}`)!) as Record<string, { id?: string; kind?: string }[]>;
  const manifest = json("manifest") as unknown as { rankings: { id: string }[]; charts: { id: string }[]; compare: { kind: string }[] };
  const kinds = json("list:entities").kinds!.map((k) => k.kind!);
  const entities = Object.fromEntries(kinds.map((k) => [k, json(`entities:${k}`).entities!.map((e) => e.id!)]));
  const pub = join(root, "dist/public");
  const assets = readdirSync(pub, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith("_"))
    .map((e) => `/${relative(pub, join(e.parentPath, e.name))}`);
  return {
    rankings: manifest.rankings.map((r) => r.id),
    charts: manifest.charts.map((c) => c.id),
    facts: json("list:facts").facts!.map((f) => f.id!),
    sections: json("list:sections").sections!.map((s) => s.id!),
    kinds,
    entities,
    compareKinds: manifest.compare.map((c) => c.kind),
    assets,
  };
}
