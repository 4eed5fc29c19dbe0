// Drives targets with autocannon (programmatic API): exact p50/p99 from every response, other processes' CPU share.
import autocannon from "autocannon";
import { ownedGroups } from "./procs";
import { cpuSample, othersShare } from "./sys-load";

export interface Target {
  url: string;
  headers?: Record<string, string>;
  status: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** Responses whose status was not the expected one. */
  wrongStatus: number;
  /** Share of all CPUs used by other processes on the machine meanwhile (0 on a quiet machine). */
  others: number;
}

interface Raw {
  times: number[];
  seconds: number;
  errors: number;
  wrongStatus: number;
  othersCpu: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function once(t: Target, connections: number, seconds: number): Promise<Raw> {
  const times: number[] = [];
  let wrongStatus = 0;
  const before = cpuSample(ownedGroups());
  const instance = autocannon({ url: t.url, connections, duration: seconds, headers: t.headers ?? {}, pipelining: 1, timeout: 10 });
  // autocannon's own histogram has 1 ms buckets; keep the exact response times instead.
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    if (status !== t.status) wrongStatus++;
  });
  const result = await instance;
  const others = othersShare(before, cpuSample(ownedGroups()));
  return { times, seconds: result.duration || seconds, errors: result.errors + result.timeouts, wrongStatus, othersCpu: others };
}

function summarise(raws: Raw[]): LoadResult {
  const times = raws.flatMap((r) => r.times);
  const sorted = Float64Array.from(times).sort();
  const seconds = raws.reduce((s, r) => s + r.seconds, 0);
  return {
    rps: times.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    requests: times.length,
    errors: raws.reduce((s, r) => s + r.errors, 0),
    wrongStatus: raws.reduce((s, r) => s + r.wrongStatus, 0),
    others: raws.reduce((s, r) => s + r.othersCpu * r.seconds, 0) / seconds,
  };
}

export const load = async (t: Target, connections: number, seconds: number) => summarise([await once(t, connections, seconds)]);

/**
 * Loads each target for `seconds` in total, in `rounds` alternating slices (a b c a b c …), so that a
 * burst of other work on the machine hits every target alike and their ratios stay meaningful.
 */
export async function loadInterleaved(targets: Target[], connections: number, seconds: number, rounds: number): Promise<LoadResult[]> {
  const raws: Raw[][] = targets.map(() => []);
  for (let r = 0; r < rounds; r++)
    for (const [i, t] of targets.entries()) raws[i]!.push(await once(t, connections, seconds / rounds));
  return raws.map(summarise);
}
