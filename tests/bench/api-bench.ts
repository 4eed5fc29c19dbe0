// Section 1: req/s and latency of each endpoint in workerd, against a same-size ceiling worker and a static server.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { endpoints, probe, type Endpoint, type Probe } from "./endpoints";
import { load, loadInterleaved, pairedRatio, type LoadResult } from "./load";
import { freePort, startGroup, waitForHttp } from "./procs";
import { ROOT, type EdgeRuntime } from "./edge-runtime";

export const CONNECTIONS = [1, 32, 64] as const;
export const BUDGET_CONNECTIONS = 32;
export const MIN_RPS_RATIO = 0.85;
export const MAX_P99_RATIO = 2;

export interface ApiRow {
  endpoint: Endpoint;
  probe: Probe;
  connections: number;
  app: LoadResult;
  ceiling: LoadResult;
  static?: LoadResult;
  /** Medians over rounds of app / ceiling, each round's app and ceiling loads run back to back. */
  rpsRatio: number;
  p99Ratio: number;
}

/** The ceiling's URL: a constant body of the probe's status and size, with the probe's own response headers. */
export function ceilingPath(pr: Probe): string {
  const h = Buffer.from(JSON.stringify(pr.responseHeaders)).toString("base64url");
  return `/c/${pr.status}/${pr.bytes}?h=${h}`;
}

const ext = (type: string) => (type.includes("csv") ? ".csv" : type.includes("svg") ? ".svg" : ".json");

/** `slice` seconds per load, `rounds` rounds at the budget's connection count (3 at the others, to keep the bench short). */
export async function apiBench(rt: EdgeRuntime, dir: string, slice: number, rounds: number, log: (s: string) => void): Promise<ApiRow[]> {
  const probes = [];
  const staticDir = join(dir, "static");
  mkdirSync(staticDir, { recursive: true });
  for (const ep of endpoints) {
    const p = await probe(rt.api, ep);
    const file = ep.status === 404 ? "404.json" : `${ep.name}${ext(p.probe.type)}`;
    // The 304 row revalidates the ranking file; its static twin is that same file.
    if (!ep.revalidate) writeFileSync(join(staticDir, file), p.probe.body);
    probes.push({ ep, ...p, file: ep.revalidate ? `ranking${ext(p.probe.type)}` : file });
  }

  const port = await freePort();
  const staticServer = startGroup(process.execPath, ["--import", "tsx", join(import.meta.dirname, "static-server.ts"), staticDir, String(port)], {
    cwd: ROOT,
    log: join(dir, "static.log"),
  });
  const staticBase = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${staticBase}/`);
    const staticEtag = async (file: string) => (await fetch(`${staticBase}/${file}`)).headers.get("etag") ?? "";

    // JIT warm-up of all three servers before anything is recorded.
    const first = probes[0]!;
    for (const url of [rt.api + first.ep.path, rt.ceiling + ceilingPath(first.probe), `${staticBase}/${first.file}`]) await load({ url, status: 200 }, 32, 2);

    const rows: ApiRow[] = [];
    for (const { ep, probe: pr, headers, file } of probes) {
      for (const connections of CONNECTIONS) {
        const targets = [
          { url: rt.api + ep.path, headers, status: ep.status },
          // The same request headers (If-None-Match for the 304 row) and the same response headers and size.
          { url: rt.ceiling + ceilingPath(pr), headers, status: pr.status },
        ];
        // The static reference only at the budget's connection count, to keep the whole bench short.
        if (connections === BUDGET_CONNECTIONS) {
          const h: Record<string, string> = ep.revalidate ? { "if-none-match": await staticEtag(file) } : {};
          targets.push({ url: `${staticBase}/${ep.status === 404 ? "missing" : file}`, headers: h, status: ep.status });
        }
        const n = connections === BUDGET_CONNECTIONS ? rounds : Math.min(3, rounds);
        const [app, ceiling, stat] = (await loadInterleaved(targets, connections, slice, n)) as [LoadResult, LoadResult, LoadResult?];
        const rpsRatio = pairedRatio(app, ceiling, (r) => r.rps);
        const p99Ratio = pairedRatio(app, ceiling, (r) => r.p99);
        rows.push({ endpoint: ep, probe: pr, connections, app, ceiling, static: stat, rpsRatio, p99Ratio });
        log(
          `  ${ep.name.padEnd(20)} c=${String(connections).padStart(2)}  app ${fmtRps(app.rps)} p99 ${app.p99.toFixed(2)} ms | ceiling ${fmtRps(ceiling.rps)} p99 ${ceiling.p99.toFixed(2)} ms` +
            (stat ? ` | static ${fmtRps(stat.rps)}` : "") +
            ` | ratio ${Math.round(rpsRatio * 100)}% p99 ×${p99Ratio.toFixed(2)} (medians of ${n} rounds)` +
            (app.others > 0.1 ? `  [others used ${Math.round(app.others * 100)}% CPU]` : "") +
            (app.errors || app.wrongStatus ? `  (!) ${app.errors} errors, ${app.wrongStatus} unexpected statuses` : ""),
        );
      }
    }
    return rows;
  } finally {
    await staticServer.stop();
  }
}

export const fmtRps = (n: number) => `${Math.round(n).toLocaleString("en-US").padStart(6)}/s`;
