// `npm run data:build`: import and validate every source, precompute the snapshot, write the KV bulk file
// and the worker's bundled fallback. Any bad input stops the build before anything is written.
// Options: --out DIR (writes DIR/kv-bulk.json and DIR/snapshot.json), --sources DIR, --content DIR, --built-at ISO,
// --kv-file FILE, --fallback-file FILE, --if-needed (skip when nothing changed), --before-newest-release (the edition
// before the newest national release was imported).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { POINTER_KEY } from "../core/index";
import { BuildError } from "./lib/build-error";
import { loadEntities } from "./lib/load-entities";
import { rankingDefs } from "./lib/rankings";
import { buildFacts, buildSections } from "./lib/sections";
import { buildSnapshot } from "./lib/snapshot";
import { toSource } from "./lib/sources";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Unicode bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): formatting, not data. In a
 *  name they make text display in another order than it is stored ("gnp.exe" shown as "exe.png"), in the API, the
 *  CSV, the SVG and every page that shows it; no value the build publishes keeps them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** The snapshot bundled into the worker, gzipped. */
const FALLBACK = "worker/generated/snapshot.json.gz";

export interface BuildOptions {
  sourcesDir?: string;
  contentDir?: string;
  kvFile?: string;
  fallbackFile?: string;
  /** Shorthand: kv-bulk.json and snapshot.json both go into this directory. */
  outDir?: string;
  builtAt?: string;
  /** Build the edition before the newest national release (the sources as they were before its import). */
  beforeNewestRelease?: boolean;
  /** Called with notices such as metro rows that matched no metro. */
  log?: (line: string) => void;
}

export async function build(opts: BuildOptions = {}) {
  const sourcesDir = opts.sourcesDir ?? join(root, "data/sources");
  const contentDir = opts.contentDir ?? join(root, "data/content");
  const kvFile = opts.kvFile ?? (opts.outDir ? join(opts.outDir, "kv-bulk.json") : join(root, "data/out/kv-bulk.json"));
  const fallbackFile = opts.fallbackFile ?? (opts.outDir ? join(opts.outDir, "snapshot.json") : join(root, FALLBACK));
  const builtAt = opts.builtAt ?? new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const log = opts.log ?? (() => {});

  const loaded = loadEntities(sourcesDir, contentDir, { beforeNewestRelease: opts.beforeNewestRelease });
  const { metroGrowth } = loaded;
  log(
    `metro growth: ${metroGrowth.matched.length} matched, unmatched: ${metroGrowth.unmatched.join("; ") || "none"}, no 2021 or 2024 value: ${metroGrowth.noGrowth.join("; ") || "none"}`,
  );
  const sources = [...loaded.registry.values()].map(toSource);
  const sourceMap = new Map(sources.map((s) => [s.id, s]));
  const content = (name: string) => JSON.parse(readFileSync(join(contentDir, name), "utf8")) as unknown;
  const byKind = new Set(loaded.entities.map((e) => e.kind));
  const compareKinds = new Set([...byKind].filter((k) => loaded.entities.filter((e) => e.kind === k && Object.keys(e.figures).length).length >= 2));
  const input = {
    loaded,
    sources: sourceMap,
    rankingIds: new Set(rankingDefs.map((r) => r.id)),
    compareKinds,
    read: (rel: string) => readFileSync(join(sourcesDir, rel), "utf8"),
  };
  const facts = buildFacts(content("facts.json"), "data/content/facts.json", input);
  const sections = buildSections(content("sections.json"), "data/content/sections.json", input, facts);

  const { snapshot, entries } = await buildSnapshot({
    sources,
    entities: loaded.entities,
    rankings: rankingDefs,
    builtAt,
    release: loaded.release,
    pages: { sections, facts, mappings: loaded.mappings },
  });

  for (const [key, value] of entries) {
    const clean = value.replace(BIDI_CONTROLS, "");
    if (clean !== value) entries.set(key, clean);
  }
  // Everything is validated and computed; only now touch the disk, each file written whole then renamed.
  const kv = [...entries].map(([key, value]) => ({ key, value }));
  kv.push({ key: POINTER_KEY, value: snapshot.id });
  const fallback = { pointer: snapshot.id, entries: Object.fromEntries(entries) };
  writeAtomically(kvFile, JSON.stringify(kv));
  // The worker bundles the fallback gzipped (a few hundred KB instead of MBs) and inflates it only when KV fails it.
  const fallbackText = JSON.stringify(fallback);
  writeAtomically(fallbackFile, fallbackFile.endsWith(".gz") ? gzipSync(fallbackText, { level: 9 }) : fallbackText);
  return { snapshot, keys: entries.size, entities: loaded.entities.length, kvFile, fallbackFile, metroGrowth };
}

function writeAtomically(file: string, text: string | Uint8Array) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** True when both outputs exist and are newer than every source and content file. */
function upToDate(): boolean {
  const outputs = [join(root, "data/out/kv-bulk.json"), join(root, FALLBACK)];
  if (!outputs.every((f) => existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = ["data/sources", "data/content", "data/lib", "core"].flatMap((d) =>
    readdirSync(join(root, d), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  );
  return inputs.every((f) => statSync(f).mtimeMs <= built);
}

/** The build's command-line options, shared with data:diff (which builds too). */
export const buildArgOptions = {
  out: { type: "string" },
  sources: { type: "string" },
  content: { type: "string" },
  "built-at": { type: "string" },
  "kv-file": { type: "string" },
  "fallback-file": { type: "string" },
  /** `npm start`: skip the build when every output is newer than every input. */
  "if-needed": { type: "boolean" },
  "before-newest-release": { type: "boolean" },
} as const;

export function buildOptionsFrom(
  values: { [K in keyof typeof buildArgOptions]?: (typeof buildArgOptions)[K]["type"] extends "string" ? string : boolean },
): BuildOptions {
  const path = (v: string | undefined) => (v === undefined ? undefined : resolve(v));
  return Object.fromEntries(
    Object.entries({
      outDir: path(values.out),
      sourcesDir: path(values.sources),
      contentDir: path(values.content),
      kvFile: path(values["kv-file"]),
      fallbackFile: path(values["fallback-file"]),
      builtAt: values["built-at"],
      beforeNewestRelease: values["before-newest-release"] || undefined,
    }).filter(([, v]) => v !== undefined),
  ) as BuildOptions;
}

export function parseBuildArgs(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: buildArgOptions, strict: true });
  return { options: buildOptionsFrom(values), ifNeeded: values["if-needed"] ?? false };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  Promise.resolve()
    .then(() => {
      const { options, ifNeeded } = parseBuildArgs(process.argv.slice(2));
      if (ifNeeded && Object.keys(options).length === 0 && upToDate()) {
        console.log("data:build: snapshot is up to date");
        process.exit(0);
      }
      return build({ ...options, log: (l) => console.log(`data:build: ${l}`) });
    })
    .then(
      (r) =>
        console.log(
          `data:build: snapshot ${r.snapshot.id} (${r.entities} entities, ${r.keys} keys) in ${Math.round(performance.now() - started)} ms → ${r.kvFile}`,
        ),
      (err: unknown) => {
        const usage = (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
        console.error(err instanceof BuildError || usage ? `data:build failed: ${(err as Error).message}` : err);
        console.error("data:build: nothing was written.");
        process.exit(1);
      },
    );
}
