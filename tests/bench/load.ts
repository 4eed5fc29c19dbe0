// Drives one target with autocannon (programmatic API) and returns req/s and exact p50/p99 from every response.
import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** Responses whose status was not the expected one. */
  wrongStatus: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function load(opts: {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  status: number;
}): Promise<LoadResult> {
  const times: number[] = [];
  let wrongStatus = 0;
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers ?? {},
    pipelining: 1,
    timeout: 10,
  });
  // autocannon's own histogram has 1 ms buckets; keep the exact response times instead.
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    if (status !== opts.status) wrongStatus++;
  });
  const result = await instance;
  const sorted = Float64Array.from(times).sort();
  const elapsed = result.duration || opts.seconds;
  return {
    rps: times.length / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    requests: times.length,
    errors: result.errors + result.timeouts,
    wrongStatus,
  };
}
