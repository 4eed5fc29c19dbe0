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
  /** Medians over the rounds (each round is one slice of load). */
  rps: number;
  p50: number;
  p99: number;
  /** Each round's own figures, in order; rounds of targets loaded together are paired by index. */
  rounds: { rps: number; p50: number; p99: number }[];
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

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function summarise(raws: Raw[]): LoadResult {
  const rounds = raws.map((r) => {
    const sorted = Float64Array.from(r.times).sort();
    return { rps: r.times.length / r.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  });
  const seconds = raws.reduce((s, r) => s + r.seconds, 0);
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    rounds,
    requests: raws.reduce((s, r) => s + r.times.length, 0),
    errors: raws.reduce((s, r) => s + r.errors, 0),
    wrongStatus: raws.reduce((s, r) => s + r.wrongStatus, 0),
    others: raws.reduce((s, r) => s + r.othersCpu * r.seconds, 0) / seconds,
  };
}

export const load = async (t: Target, connections: number, seconds: number) => summarise([await once(t, connections, seconds)]);

/**
 * Loads each target in `rounds` slices of `slice` seconds, interleaved and in alternating order
 * (a b c, c b a, a b c …), so that a burst of other work on the machine, or the load generator's own
 * warm-up, hits every target alike. Figures are medians over the rounds; `pairedRatio` compares two
 * targets round by round.
 */
export async function loadInterleaved(targets: Target[], connections: number, slice: number, rounds: number): Promise<LoadResult[]> {
  const raws: Raw[][] = targets.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = [...targets.keys()];
    if (r % 2) order.reverse();
    for (const i of order) raws[i]!.push(await once(targets[i]!, connections, slice));
  }
  return raws.map(summarise);
}

/** Median over rounds of a / b for one figure, rounds paired by index (both loaded in the same round). */
export function pairedRatio(a: LoadResult, b: LoadResult, pick: (r: LoadResult["rounds"][number]) => number): number {
  return median(a.rounds.map((r, i) => pick(r) / pick(b.rounds[i]!)));
}
