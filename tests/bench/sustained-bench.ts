// Section 6: sustained load on workerd. Minute after minute at 32 connections, a mix of cached endpoints and a
// flood of random unknown ids: errors, throughput and p99 per minute, and workerd's resident memory after each.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import type { EdgeRuntime } from "./edge-runtime";
import { median } from "./load";
import { ownedGroups } from "./procs";
import { cpuSample, othersShare } from "./sys-load";

/** What every connection cycles through: cached JSON, a join, CSV, SVG, a fragment, an embed page, and misses. */
const CACHED = [
  "/api/v1/rankings/occupations-by-median-wage",
  "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca",
  "/api/v1/rankings/metros-by-data-scientist-employment?format=csv",
  "/api/v1/charts/occupations-by-median-wage?format=svg",
  "/api/v1/facts/data-scientist-growth-2023-33?format=html",
  "/embed/chart/occupations-by-employment",
];

export interface Minute {
  minute: number;
  requests: number;
  rps: number;
  p99: number;
  errors: number;
  wrongStatus: number;
  rssMiB: number;
  othersCpu: number;
}

/** Resident memory of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function sustainedBench(
  rt: EdgeRuntime,
  o: { minutes: number; connections: number; log: (s: string) => void },
): Promise<{ minutes: Minute[]; rssBeforeMiB: number; missShare: number }> {
  const pid = rt.server.pid;
  const rssBeforeMiB = rssMiB(pid);
  o.log(`  workerd RSS before: ${rssBeforeMiB.toFixed(1)} MiB`);
  let n = 0;
  const minutes: Minute[] = [];
  for (let minute = 1; minute <= o.minutes; minute++) {
    const times: number[] = [];
    let wrongStatus = 0;
    const before = cpuSample(ownedGroups());
    const instance = autocannon({
      url: rt.api,
      connections: o.connections,
      duration: 60,
      timeout: 10,
      // One request in four asks for an id that does not exist (a random-id flood), the rest cycle the cached set.
      requests: [
        {
          setupRequest: (req: Record<string, unknown>) => {
            const i = n++;
            return { ...req, path: i % 4 === 3 ? `/api/v1/rankings/no-such-${(i * 2654435761) % 1e9}` : CACHED[i % CACHED.length] };
          },
        },
      ],
    });
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      times.push(ms);
      if (status !== 200 && status !== 404) wrongStatus++;
    });
    const result = await instance;
    const sorted = Float64Array.from(times).sort();
    const row: Minute = {
      minute,
      requests: times.length,
      rps: times.length / (result.duration || 60),
      p99: sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN,
      errors: result.errors + result.timeouts,
      wrongStatus,
      rssMiB: rssMiB(pid),
      othersCpu: othersShare(before, cpuSample(ownedGroups())),
    };
    minutes.push(row);
    o.log(
      `  minute ${String(minute).padStart(2)}: ${Math.round(row.rps).toLocaleString("en-US").padStart(6)} req/s, p99 ${row.p99.toFixed(2)} ms, ` +
        `${row.errors} errors, ${row.wrongStatus} unexpected statuses, workerd RSS ${row.rssMiB.toFixed(1)} MiB` +
        (row.othersCpu > 0.1 ? `  [others used ${Math.round(row.othersCpu * 100)}% CPU]` : ""),
    );
  }
  return { minutes, rssBeforeMiB, missShare: 0.25 };
}

/** Throughput steadiness: the slowest minute against the median minute. */
export const steadiness = (m: Minute[]) => Math.min(...m.map((x) => x.rps)) / median(m.map((x) => x.rps));
