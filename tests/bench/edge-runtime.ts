// Runs the API, a ceiling worker and the CPU bench worker in one raw `workerd serve` (never `wrangler dev`).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
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
}

function compatibilityDate(): string {
  const m = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "wrangler.toml"), "utf8"));
  if (!m) throw new Error("wrangler.toml has no compatibility_date");
  return m[1]!;
}

/** `wrangler deploy --dry-run` with a copy of the config minus [assets] (the widget build is not needed here). */
function bundleApi(dir: string, date: string): string {
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
    ].join("\n"),
  );
  const out = join(dir, "api");
  execFileSync(join(BIN, "wrangler"), ["deploy", "--dry-run", "--config", config, "--outdir", out], {
    cwd: ROOT,
    env: OFFLINE_ENV,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return join(out, "index.js");
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
  const apiJs = bundleApi(dir, date);
  copyFileSync(apiJs, join(dir, "api.js"));
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
  });
  const kvDir = seedKv(dir);
  const [apiPort, ceilPort, cpuPort] = [await freePort(), await freePort(), await freePort()];
  const worker = (file: string, kv: boolean) =>
    `(modules = [(name = "${file}", esModule = embed "${file}")], compatibilityDate = "${date}"` +
    (kv ? `, bindings = [(name = "ATLAS_KV", kvNamespace = "kv")]` : "") +
    `)`;
  writeFileSync(
    join(dir, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "api", worker = ${worker("api.js", true)}),
    (name = "ceiling", worker = ${worker("ceiling.js", false)}),
    (name = "cpu", worker = ${worker("cpu.js", false)}),
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
    bundleBytes: readFileSync(apiJs).length,
    kvNote: "",
  };
  await Promise.all([rt.api + "/api/v1", rt.ceiling + "/c/200/1", rt.cpu + "/startup"].map((u) => waitForHttp(u, 30_000)));
  // The store reads only the pointer from KV; it equals the bundled snapshot id, so bodies come from the bundle.
  const pointer = (await fetch(rt.api + "/api/v1")).headers.get("x-atlas-snapshot");
  const bundled = (JSON.parse(readFileSync(join(ROOT, "worker/generated/snapshot.json"), "utf8")) as { pointer: string }).pointer;
  rt.kvNote =
    `KV: disk-backed namespace seeded from data/out/kv-bulk.json; its pointer (${pointer}) ` +
    (pointer === bundled ? "equals the bundled snapshot, so the worker serves bodies from the bundle (store.ts) and reads only the pointer from KV, once per 30 s per isolate." : "differs from the bundle: bodies are read from KV once per isolate.");
  return rt;
}
