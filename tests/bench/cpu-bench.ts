// Section 2: CPU µs per request of the real app inside workerd, warm (isolate cache hit) and cold (first read).
import { endpoints, type Endpoint } from "./endpoints";
import type { EdgeRuntime } from "./edge-runtime";

export const CPU_BUDGET_US = 1000;
export const FREE_PLAN_LIMIT_US = 10_000;
const REPEATS = 3;
const MISSES = 2000;

export interface CpuRow {
  endpoint: Endpoint;
  status: number;
  warmUs: number;
  warmN: number;
  coldUs: number;
  coldN: number;
  createAppUs: number;
  /** KV reads: by the first request of a fresh app, in all warm loops, and per cold request. */
  firstKvGets: number;
  warmKvGets: number;
  warmKvGetsPerRequest: number;
  coldKvGets: number;
}

/** A flood of unknown ids on a warm isolate: KV reads and time per 404. */
export interface MissesRow {
  n: number;
  routes: number;
  warmupKvGets: number;
  kvGets: number;
  kvGetsPer404: number;
  usPer404: number;
  statuses: Record<string, number>;
}

export async function cpuBench(
  rt: EdgeRuntime,
  log: (s: string) => void,
): Promise<{ rows: CpuRow[]; startupParseMs: number; snapshotBytes: number; misses: MissesRow }> {
  const rows: CpuRow[] = [];
  for (const ep of endpoints) {
    const etag = ep.revalidate ? (await fetch(rt.api + ep.path)).headers.get("etag") : null;
    const q = new URLSearchParams({ path: ep.path, ...(etag ? { inm: etag } : {}) });
    // Best of REPEATS: other load on the machine only ever adds time, so the minimum is closest to CPU time.
    let r: Omit<CpuRow, "endpoint"> | undefined;
    for (let i = 0; i < REPEATS; i++) {
      const res = await fetch(`${rt.cpu}/run?${q}`);
      if (!res.ok) throw new Error(`cpu worker failed for ${ep.name}: ${res.status} ${await res.text()}`);
      const x = (await res.json()) as Omit<CpuRow, "endpoint">;
      r = r ? { ...x, warmUs: Math.min(r.warmUs, x.warmUs), coldUs: Math.min(r.coldUs, x.coldUs), createAppUs: Math.min(r.createAppUs, x.createAppUs) } : x;
    }
    if (!r) throw new Error("no CPU run");
    if (r.status !== ep.status) throw new Error(`cpu worker: ${ep.name} answered ${r.status}, expected ${ep.status}`);
    rows.push({ endpoint: ep, ...r });
    log(
      `  ${ep.name.padEnd(20)} warm ${r.warmUs.toFixed(1).padStart(7)} µs (n=${r.warmN})  cold ${r.coldUs.toFixed(1).padStart(7)} µs (n=${r.coldN}, ${r.coldKvGets.toFixed(1)} KV reads each)`,
    );
  }
  const s = (await (await fetch(`${rt.cpu}/startup`)).json()) as { inflateMs: number; gzBytes: number };
  const misses = (await (await fetch(`${rt.cpu}/misses?n=${MISSES}`)).json()) as MissesRow;
  log(
    `  ${MISSES} unknown ids over ${misses.routes} routes (warm isolate): ${misses.kvGets} KV reads (${misses.kvGetsPer404} per 404), ${misses.usPer404.toFixed(1)} µs per 404; warm-up ${misses.warmupKvGets} reads`,
  );
  return { rows, startupParseMs: s.inflateMs, snapshotBytes: s.gzBytes, misses };
}
