// `npm run data:build`: import and validate every source, precompute the snapshot, write the KV bulk file
// and the worker's bundled fallback. Any bad input stops the build before anything is written.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { POINTER_KEY, type Entity } from "../core/index";
import { BuildError } from "./lib/csv";
import { industriesFromArticle, metrosFromExtracts, OccupationDef, occupationsFromOews } from "./lib/entities";
import { importOews } from "./lib/oews";
import { rankingDefs } from "./lib/rankings";
import { buildSnapshot } from "./lib/snapshot";
import { loadRegistry, toSource } from "./lib/sources";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildOptions {
  sourcesDir?: string;
  contentDir?: string;
  kvFile?: string;
  fallbackFile?: string;
  builtAt?: string;
}

export async function build(opts: BuildOptions = {}) {
  const sourcesDir = opts.sourcesDir ?? join(root, "data/sources");
  const contentDir = opts.contentDir ?? join(root, "data/content");
  const kvFile = opts.kvFile ?? join(root, "data/out/kv-bulk.json");
  const fallbackFile = opts.fallbackFile ?? join(root, "worker/generated/snapshot.json");
  const builtAt = opts.builtAt ?? new Date().toISOString().replace(/\.\d+Z$/, "Z");

  const registry = loadRegistry(sourcesDir);
  const src = (id: string) => {
    const s = registry.get(id);
    if (!s) throw new BuildError("data/sources/sources.json", 0, "id", `source "${id}" is not registered`);
    return s;
  };
  const read = (rel: string) => readFileSync(join(sourcesDir, rel), "utf8");
  const rel = (p: string) => `data/sources/${p}`;

  const oewsSrc = src("bls-oews-national-m2024");
  const oewsFile = oewsSrc.files[0]!;
  const oewsRows = importOews(read(oewsFile), rel(oewsFile));
  const occupationsFile = "data/content/occupations.json";
  const occDefs = JSON.parse(readFileSync(join(contentDir, "occupations.json"), "utf8")) as unknown[];
  const occupations = occupationsFromOews(
    occDefs.map((d, i) => {
      const p = OccupationDef.safeParse(d);
      if (!p.success) throw new BuildError(occupationsFile, i + 1, String(p.error.issues[0]!.path[0]), p.error.issues[0]!.message);
      return p.data;
    }),
    oewsRows,
    toSource(oewsSrc),
    rel(oewsFile),
  );

  const metroSrc = src("oews-msa-m2024-extract");
  const [lqFile, medianFile] = metroSrc.files as [string, string];
  const metros = metrosFromExtracts(read(lqFile), rel(lqFile), read(medianFile), rel(medianFile), toSource(metroSrc));

  const industries = industriesFromArticle(
    JSON.parse(readFileSync(join(contentDir, "industries.json"), "utf8")),
    "data/content/industries.json",
    toSource(src("article")),
  );

  const entities: Entity[] = [...occupations, ...metros, ...industries];
  const { snapshot, entries } = await buildSnapshot({
    sources: [...registry.values()].map(toSource),
    entities,
    rankings: rankingDefs,
    builtAt,
  });

  // Everything is validated and computed; only now touch the disk, each file written whole then renamed.
  const kv = [...entries].map(([key, value]) => ({ key, value }));
  kv.push({ key: POINTER_KEY, value: snapshot.id });
  const fallback = { pointer: snapshot.id, entries: Object.fromEntries(entries) };
  writeAtomically(kvFile, JSON.stringify(kv));
  writeAtomically(fallbackFile, JSON.stringify(fallback));
  return { snapshot, keys: entries.size, entities: entities.length };
}

function writeAtomically(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** True when both outputs exist and are newer than every source and content file. */
function upToDate(): boolean {
  const outputs = [join(root, "data/out/kv-bulk.json"), join(root, "worker/generated/snapshot.json")];
  if (!outputs.every((f) => existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = ["data/sources", "data/content", "data/lib", "core"].flatMap((d) =>
    readdirSync(join(root, d), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  );
  return inputs.every((f) => statSync(f).mtimeMs <= built);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  if (process.argv.includes("--if-needed") && upToDate()) {
    console.log("data:build: snapshot is up to date");
    process.exit(0);
  }
  build().then(
    (r) =>
      console.log(
        `data:build: snapshot ${r.snapshot.id} (${r.entities} entities, ${r.keys} keys) in ${Math.round(performance.now() - started)} ms`,
      ),
    (err: unknown) => {
      console.error(err instanceof BuildError ? `data:build failed: ${err.message}` : err);
      console.error("data:build: nothing was written.");
      process.exit(1);
    },
  );
}
