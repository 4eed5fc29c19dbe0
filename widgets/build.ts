// `npm run build`: bundles widgets.js (small loader) and its lazily loaded chunks into dist/public, with the demo page,
// the custom elements manifest (custom-elements.json) and the bundle's TypeScript declarations (widgets.d.ts); and
// the release: the same files again under /v/{version}/ (the version named by their content) with release.json.
import { createHash } from "node:crypto";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LATEST_CACHE_CONTROL, RELEASE_CACHE_CONTROL } from "../core/release";
import { analyzeWidgets, elementTypes } from "./manifest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const defaultOut = join(root, "dist/public");

/** What release.json says: the version, the entry's URL path and SRI integrity, and every file of the release. */
export interface ReleaseManifest {
  version: string;
  /** Path of the versioned entry on the atlas origin, e.g. /v/0123456789ab/widgets.js. */
  entry: string;
  /** Subresource Integrity of the entry (sha384), for `<script integrity>`. */
  integrity: string;
  /** The entry and its chunks, paths relative to /v/{version}/. */
  files: { path: string; bytes: number; sha256: string; integrity: string }[];
}

const sri = (bytes: Buffer) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** The release of the files at `paths` (relative to `out`): the version is the first 12 hex digits of the sha256
 *  over each file's path and bytes, so the same code gives the same version and any changed byte a new one. The
 *  files are copied under `out/v/{version}/` with the same relative layout, so the entry's relative imports of its
 *  chunks resolve to versioned URLs. */
function writeRelease(out: string, paths: string[]): ReleaseManifest {
  const sorted = [...paths].sort();
  const hash = createHash("sha256");
  const files = sorted.map((path) => {
    const bytes = readFileSync(join(out, path));
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
    return { path, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), integrity: sri(bytes) };
  });
  const version = hash.digest("hex").slice(0, 12);
  for (const f of sorted) {
    mkdirSync(dirname(join(out, "v", version, f)), { recursive: true });
    copyFileSync(join(out, f), join(out, "v", version, f));
  }
  const entry = files.find((f) => f.path === "widgets.js")!;
  const manifest: ReleaseManifest = { version, entry: `/v/${version}/widgets.js`, integrity: entry.integrity, files };
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  writeFileSync(join(out, "release.json"), json);
  writeFileSync(join(out, "v", version, "release.json"), json);
  return manifest;
}

/** `out` (default dist/public) and `banner`, a comment put at the top of every script (tests build a second,
 *  different release with it). */
export async function buildWidgets(opts: { out?: string; banner?: string } = {}) {
  const out = opts.out ?? defaultOut;
  // Empty the folder rather than replace it, so a running `wrangler dev` keeps serving it after a rebuild.
  mkdirSync(out, { recursive: true });
  for (const entry of readdirSync(out)) rmSync(join(out, entry), { recursive: true, force: true });
  const common: BuildOptions & { metafile: true } = {
    outdir: out,
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
    ...(opts.banner ? { banner: { js: `/* ${opts.banner.replace(/\*\//g, "")} */` } } : {}),
  };
  // 1. The lazy chunk, self-contained (no code shared with the loader), so widgets.js has no static
  //    import: a page fetches widgets.js and runs it, with no second round trip for a shared chunk.
  const lazy = await build({
    ...common,
    entryPoints: { payloads: join(root, "widgets/lazy/payloads.ts") },
    entryNames: "chunks/[name]-[hash]",
  });
  const chunkOf = new Map(
    Object.entries(lazy.metafile.outputs).flatMap(([file, o]) =>
      o.entryPoint ? [[resolve(root, o.entryPoint), `./${relative(out, join(root, file))}`] as const] : [],
    ),
  );
  // 2. The loader and the demo script, each one file; `import("./lazy/…")` points at the hashed chunk.
  const lazyChunks: Plugin = {
    name: "lazy-chunks",
    setup(b) {
      b.onResolve({ filter: /\/lazy\/[^/]+$/ }, (args) => {
        const chunk = chunkOf.get(`${resolve(args.resolveDir, args.path)}.ts`);
        if (!chunk) return { errors: [{ text: `no built chunk for ${args.path}` }] };
        return { path: chunk, external: true };
      });
    },
  };
  const entries = await build({
    ...common,
    entryPoints: { widgets: join(root, "widgets/loader.ts"), demo: join(root, "widgets/demo/demo.ts") },
    plugins: [lazyChunks],
  });
  const result = { metafile: { outputs: { ...lazy.metafile.outputs, ...entries.metafile.outputs } } };
  const release = writeRelease(out, [
    "widgets.js",
    ...Object.keys(lazy.metafile.outputs)
      .filter((f) => f.endsWith(".js"))
      .map((f) => relative(out, resolve(root, f))),
  ]);
  // The gallery and embed builder live at /gallery/; the worker serves the front door at /.
  mkdirSync(join(out, "gallery"), { recursive: true });
  copyFileSync(join(root, "widgets/demo/index.html"), join(out, "gallery/index.html"));
  copyFileSync(join(root, "widgets/demo/demo.css"), join(out, "demo.css"));
  const manifest = analyzeWidgets(root);
  writeFileSync(join(out, "custom-elements.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(out, "widgets.d.ts"), elementTypes(manifest));
  // A module script from another origin is fetched in CORS mode: assets need an open CORS header.
  // By extension alone widgets.d.ts would go out as video/mp2t (.ts).
  // widgets.js is the moving alias of the latest release (a short cache); /v/{version}/ never changes.
  writeFileSync(
    join(out, "_headers"),
    "/*\n  Access-Control-Allow-Origin: *\n  X-Content-Type-Options: nosniff\n" +
      "/widgets.d.ts\n  Content-Type: text/plain; charset=utf-8\n" +
      `/widgets.js\n  Cache-Control: ${LATEST_CACHE_CONTROL}\n` +
      `/v/*\n  Cache-Control: ${RELEASE_CACHE_CONTROL}\n`,
  );
  const sizes = [
    ...Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js")),
    relative(root, join(out, "custom-elements.json")),
    relative(root, join(out, "widgets.d.ts")),
  ].map((f) => {
    const bytes = readFileSync(join(root, f));
    return { file: relative(out, join(root, f)), bytes: statSync(join(root, f)).size, gzip: gzipSync(bytes).length };
  });
  return { files: sizes, release };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, release } = await buildWidgets();
  console.log(`release ${release.version}: ${release.entry} integrity ${release.integrity}`);
  for (const f of files.sort((a, b) => a.file.localeCompare(b.file)))
    console.log(`${f.file.padEnd(40)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
}
