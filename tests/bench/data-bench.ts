// Section 3: data build time, peak RSS and output size for today's sources and for synthetic ×10 and ×100.
import { spawn } from "node:child_process";
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGzip } from "node:zlib";
import { ROOT } from "./edge-runtime";
import { writeScaledSources } from "./synth-sources";

export const SCALES = [1, 10, 100] as const;
/** Growth of time / memory / bytes vs entities from ×10 to ×100, as an exponent: 1 is linear. */
export const MAX_GROWTH_EXPONENT = 1.2;
/** Workers' compressed script size limit on the free plan; the fallback snapshot is bundled into the worker. */
export const FREE_SCRIPT_LIMIT = 3 * 1024 * 1024;
/** Workers Paid allows a 10 MiB (gzip) script. */
export const PAID_SCRIPT_LIMIT = 10 * 1024 * 1024;
export const KV_VALUE_LIMIT = 25 * 1024 * 1024;

export interface BuildRun {
  scale: number;
  ok: boolean;
  error?: string;
  ms: number;
  /** User + system CPU of the build process (all its threads, GC included): robust to other load. */
  cpuMs: number;
  peakRss: number;
  entities: number;
  keys: number;
  fallbackBytes: number;
  fallbackGzipBytes: number;
  kvBytes: number;
  largestValueBytes: number;
}

function runChild(args: string[], timeoutMs: number): Promise<{ code: number | null; out: string; err: string; timedOut: boolean }> {
  return new Promise((res) => {
    // detached: its own process group, killed whole on timeout.
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const kill = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    process.once("exit", kill);
    child.on("close", (code) => {
      clearTimeout(timer);
      process.removeListener("exit", kill);
      res({ code, out, err, timedOut });
    });
  });
}

function gzipSize(file: string): Promise<number> {
  return new Promise((res, rej) => {
    let n = 0;
    createReadStream(file)
      .pipe(createGzip({ level: 6 }))
      .on("data", (d: Buffer) => (n += d.length))
      .on("end", () => res(n))
      .on("error", rej);
  });
}

export async function dataBench(dir: string, timeoutMs: number, log: (s: string) => void): Promise<BuildRun[]> {
  const runs: BuildRun[] = [];
  for (const scale of SCALES) {
    const d = join(dir, `scale-${scale}`);
    mkdirSync(d, { recursive: true });
    const src = scale === 1 ? { sourcesDir: join(ROOT, "data/sources"), contentDir: join(ROOT, "data/content") } : writeScaledSources(d, scale);
    const opts = { ...src, kvFile: join(d, "kv-bulk.json"), fallbackFile: join(d, "snapshot.json") };
    const r = await runChild([join(import.meta.dirname, "build-child.ts"), JSON.stringify(opts)], timeoutMs);
    const last = r.out.trim().split("\n").pop() ?? "";
    if (r.code !== 0 || !last.startsWith("{")) {
      writeFileSync(join(d, "build-error.log"), r.err);
      const why =
        r.err
          .split("\n")
          .find((l) => /Error|error:/.test(l))
          ?.trim() ?? r.err.trim().slice(0, 200);
      const error = r.timedOut ? `did not finish within ${timeoutMs / 1000} s` : `exit ${r.code}: ${why}`;
      runs.push({
        scale,
        ok: false,
        error,
        ms: NaN,
        cpuMs: NaN,
        peakRss: NaN,
        entities: NaN,
        keys: NaN,
        fallbackBytes: NaN,
        fallbackGzipBytes: NaN,
        kvBytes: NaN,
        largestValueBytes: NaN,
      });
      log(`  ×${scale}: FAILED (${error})`);
      continue;
    }
    const m = JSON.parse(last) as Omit<BuildRun, "scale" | "ok" | "fallbackGzipBytes">;
    const run = { scale, ok: true, ...m, fallbackGzipBytes: await gzipSize(opts.fallbackFile) };
    runs.push(run);
    log(
      `  ×${scale}: ${run.entities} entities, ${run.keys} keys in ${(run.ms / 1000).toFixed(2)} s (CPU ${(run.cpuMs / 1000).toFixed(2)} s), peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MiB, snapshot ${(run.fallbackBytes / 2 ** 20).toFixed(2)} MiB`,
    );
  }
  return runs;
}

/** log(ratio of y) / log(ratio of entities) between two runs: 1 = linear, 2 = quadratic. */
export function growthExponent(a: BuildRun, b: BuildRun, pick: (r: BuildRun) => number): number {
  return Math.log(pick(b) / pick(a)) / Math.log(b.entities / a.entities);
}
