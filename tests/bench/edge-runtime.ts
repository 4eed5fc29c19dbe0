// Runs the API, a ceiling worker and the CPU bench worker in one raw `workerd serve` (never `wrangler dev`).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { build } from "esbuild";
import { freePort, startGroup, waitForHttp, type Started } from "./procs";

export const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "node_modules/.bin");
export const OFFLINE_ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

export interface EdgeRuntime {
  api: string;
  ceiling: string;
  cpu: string;
  kvNote: string;
  bundleBytes: number;
  server: Started;
  /** The disk-backed KV namespace: one file per key (the publish bench writes a new snapshot into it). */
  kvDir: string;
}

function compatibilityDate(): string {
  const m = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "wrangler.toml"), "utf8"));
  if (!m) throw new Error("wrangler.toml has no compatibility_date");
  return m[1]!;
}

export const FALLBACK_GZ = "worker/generated/snapshot.json.gz";

/** `wrangler deploy --dry-run` with a copy of the config minus [assets] (the widget build is not needed here).
 *  Returns the entry module and the Data modules (the gzipped fallback snapshot) wrangler wrote beside it. */
function bundleApi(dir: string, date: string): { entry: string; data: string[]; outDir: string } {
  const config = join(dir, "wrangler.toml");
  writeFileSync(
    config,
    [
      `name = "ml-employer-atlas-bench"`,
      `main = ${JSON.stringify(join(ROOT, "worker/index.ts"))}`,
      `compatibility_date = "${date}"`,
      `[[kv_namespaces]]`,
      `binding = "ATLAS_KV"`,
      `id = "00000000000000000000000000000000"`,
      `[[rules]]`,
      `type = "Data"`,
      `globs = ["**/*.gz"]`,
      `fallthrough = false`,
    ].join("\n"),
  );
  const out = join(dir, "api");
  execFileSync(join(BIN, "wrangler"), ["deploy", "--dry-run", "--config", config, "--outdir", out], {
    cwd: ROOT,
    env: OFFLINE_ENV,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const entry = readFileSync(join(out, "index.js"), "utf8");
  const data = readdirSync(out).filter((f) => f !== "index.js" && entry.includes(`"./${f}"`));
  return { entry: join(out, "index.js"), data, outDir: out };
}

/** A disk-backed KV namespace seeded with the data build's bulk file, one file per key. */
function seedKv(dir: string): string {
  const kvDir = join(dir, "kv");
  mkdirSync(kvDir, { recursive: true });
  const items = JSON.parse(readFileSync(join(ROOT, "data/out/kv-bulk.json"), "utf8")) as { key: string; value: string }[];
  for (const { key, value } of items) writeFileSync(join(kvDir, key), value);
  return kvDir;
}

export async function startEdge(dir: string): Promise<EdgeRuntime> {
  const date = compatibilityDate();
  const api = bundleApi(dir, date);
  const apiJs = api.entry;
  copyFileSync(apiJs, join(dir, "api.js"));
  for (const f of api.data) copyFileSync(join(api.outDir, f), join(dir, f));
  copyFileSync(join(ROOT, FALLBACK_GZ), join(dir, "cpu-snapshot.json.gz"));
  copyFileSync(join(import.meta.dirname, "ceiling-worker.js"), join(dir, "ceiling.js"));
  await build({
    entryPoints: [join(import.meta.dirname, "cpu-worker.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    outfile: join(dir, "cpu.js"),
    logLevel: "error",
    // The gzipped fallback stays a separate Data module (an ArrayBuffer in workerd), as wrangler's rule makes it.
    plugins: [{ name: "gz-data", setup: (b) => b.onResolve({ filter: /\.gz$/ }, () => ({ path: "./cpu-snapshot.json.gz", external: true })) }],
  });
  const kvDir = seedKv(dir);
  const [apiPort, ceilPort, cpuPort] = [await freePort(), await freePort(), await freePort()];
  const worker = (file: string, kv: boolean, data: string[] = []) =>
    `(modules = [(name = "${file}", esModule = embed "${file}")${data.map((d) => `, (name = "${d}", data = embed "${d}")`).join("")}], compatibilityDate = "${date}"` +
    (kv ? `, bindings = [(name = "ATLAS_KV", kvNamespace = "kv")]` : "") +
    `)`;
  writeFileSync(
    join(dir, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "api", worker = ${worker("api.js", true, api.data)}),
    (name = "ceiling", worker = ${worker("ceiling.js", false)}),
    (name = "cpu", worker = ${worker("cpu.js", true, ["cpu-snapshot.json.gz"])}),
    (name = "kv", disk = (path = ${JSON.stringify(kvDir)}, writable = false)),
  ],
  sockets = [
    (name = "api", address = "127.0.0.1:${apiPort}", http = (), service = "api"),
    (name = "ceiling", address = "127.0.0.1:${ceilPort}", http = (), service = "ceiling"),
    (name = "cpu", address = "127.0.0.1:${cpuPort}", http = (), service = "cpu"),
  ],
);
`,
  );
  const server = startGroup(join(BIN, "workerd"), ["serve", join(dir, "config.capnp")], { cwd: dir, log: join(dir, "workerd.log") });
  const rt = {
    api: `http://127.0.0.1:${apiPort}`,
    ceiling: `http://127.0.0.1:${ceilPort}`,
    cpu: `http://127.0.0.1:${cpuPort}`,
    server,
    kvDir,
    bundleBytes: readFileSync(apiJs).length,
    kvNote: "",
  };
  await Promise.all([`${rt.api}/api/v1`, `${rt.ceiling}/c/200/1`, `${rt.cpu}/ping`].map((u) => waitForHttp(u, 30_000)));
  // With the KV pointer present the store serves KV: bodies are read from the disk-backed KV once per isolate.
  const pointer = (await fetch(`${rt.api}/api/v1`)).headers.get("x-atlas-snapshot");
  const bundled = (JSON.parse(gunzipSync(readFileSync(join(ROOT, FALLBACK_GZ))).toString("utf8")) as { pointer: string }).pointer;
  rt.kvNote =
    `KV: disk-backed namespace (workerd disk service, one file per key) seeded from data/out/kv-bulk.json; pointer ${pointer}` +
    (pointer === bundled ? " (same id as the bundled fallback)" : ` (bundled fallback is ${bundled})`) +
    `. The store serves KV whenever the pointer exists, so the bench measures the real KV path: a cold request reads the pointer and the value from KV, a warm one is an isolate cache hit. The gzipped fallback is never inflated here.`;
  return rt;
}
