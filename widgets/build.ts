// `npm run build`: bundles widgets.js (small loader) and its lazily loaded chunks into dist/public, with the demo page,
// the custom elements manifest (custom-elements.json) and the bundle's TypeScript declarations (widgets.d.ts).
import { build, type Plugin } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeWidgets, elementTypes } from "./manifest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/public");

export async function buildWidgets() {
  // Empty the folder rather than replace it, so a running `wrangler dev` keeps serving it after a rebuild.
  mkdirSync(out, { recursive: true });
  for (const entry of readdirSync(out)) rmSync(join(out, entry), { recursive: true, force: true });
  const common = { outdir: out, bundle: true, format: "esm", minify: true, target: "es2022", metafile: true, legalComments: "none", logLevel: "warning" } as const;
  // 1. The lazy chunk, self-contained (no code shared with the loader), so widgets.js has no static
  //    import: a page fetches widgets.js and runs it, with no second round trip for a shared chunk.
  const lazy = await build({
    ...common,
    entryPoints: { payloads: join(root, "widgets/lazy/payloads.ts") },
    entryNames: "chunks/[name]-[hash]",
  });
  const chunkOf = new Map(
    Object.entries(lazy.metafile.outputs).flatMap(([file, o]) => (o.entryPoint ? [[resolve(root, o.entryPoint), `./${relative(out, join(root, file))}`] as const] : [])),
  );
  // 2. The loader and the demo script, each one file; `import("./lazy/…")` points at the hashed chunk.
  const lazyChunks: Plugin = {
    name: "lazy-chunks",
    setup(b) {
      b.onResolve({ filter: /\/lazy\/[^/]+$/ }, (args) => {
        const chunk = chunkOf.get(resolve(args.resolveDir, args.path) + ".ts");
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
  // The gallery and embed builder live at /gallery/; the worker serves the front door at /.
  mkdirSync(join(out, "gallery"), { recursive: true });
  copyFileSync(join(root, "widgets/demo/index.html"), join(out, "gallery/index.html"));
  copyFileSync(join(root, "widgets/demo/demo.css"), join(out, "demo.css"));
  const manifest = analyzeWidgets(root);
  writeFileSync(join(out, "custom-elements.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(out, "widgets.d.ts"), elementTypes(manifest));
  // A module script from another origin is fetched in CORS mode: assets need an open CORS header.
  // By extension alone widgets.d.ts would go out as video/mp2t (.ts).
  writeFileSync(
    join(out, "_headers"),
    "/*\n  Access-Control-Allow-Origin: *\n  X-Content-Type-Options: nosniff\n" +
      "/widgets.d.ts\n  Content-Type: text/plain; charset=utf-8\n",
  );
  return [
    ...Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js")),
    relative(root, join(out, "custom-elements.json")),
    relative(root, join(out, "widgets.d.ts")),
  ].map((f) => {
    const bytes = readFileSync(join(root, f));
    return { file: relative(out, join(root, f)), bytes: statSync(join(root, f)).size, gzip: gzipSync(bytes).length };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildWidgets();
  for (const f of files.sort((a, b) => a.file.localeCompare(b.file)))
    console.log(`${f.file.padEnd(40)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
}
