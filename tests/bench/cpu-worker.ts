// Bench-only worker: runs the real app in-process many times inside workerd and reports CPU µs per request.
import { createApp } from "../../worker/app";
import bundleJson from "../../worker/generated/snapshot.json";
import type { Bundle } from "../../worker/store";

const bundle = bundleJson as Bundle;
/** No I/O: an empty KV, so the store serves the bundled snapshot (what an isolate does when KV is empty). */
const env = { ATLAS_KV: { get: async () => null } } as unknown as Parameters<ReturnType<typeof createApp>["fetch"]>[1];
const ORIGIN = "https://atlas.bench";
/** workerd's clock is coarse (1 ms); loops run at least this long so the mean is precise. */
const MIN_LOOP_MS = 150;

async function timeLoop(n: number, body: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await body(i);
  return performance.now() - t0;
}

/** Grows n until a loop takes MIN_LOOP_MS, then returns ms per iteration and the n used. */
async function perIteration(body: (i: number) => Promise<unknown> | unknown, max: number) {
  let n = 8;
  for (;;) {
    const ms = await timeLoop(n, body);
    if (ms >= MIN_LOOP_MS || n >= max) return { ms: ms / n, n };
    n = Math.min(max, n * 4);
  }
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/startup") {
      const text = JSON.stringify(bundle);
      const r = await perIteration(() => JSON.parse(text), 200);
      return Response.json({ parseMs: r.ms, bytes: text.length });
    }
    const path = url.searchParams.get("path") ?? "/api/v1";
    const inm = url.searchParams.get("inm");
    const headers: Record<string, string> = inm ? { "If-None-Match": inm } : {};
    const call = (app: ReturnType<typeof createApp>) => app.fetch(new Request(ORIGIN + path, { headers }), env);

    // Warm: one isolate-lifetime app whose response cache already holds the body.
    const warmApp = createApp(bundle);
    const status = (await call(warmApp)).status;
    const warm = await perIteration(() => call(warmApp), 200_000);

    // Cold: the first request of a fresh app (empty caches, router not yet built), minus building the app.
    let apps: ReturnType<typeof createApp>[] = [];
    const prepare = (n: number) => (apps = Array.from({ length: n }, () => createApp(bundle)));
    let n = 16;
    let coldMs = 0;
    for (;;) {
      prepare(n);
      coldMs = await timeLoop(n, (i) => call(apps[i]!));
      if (coldMs >= MIN_LOOP_MS || n >= 4096) break;
      n *= 4;
    }
    apps = [];
    const createMs = await timeLoop(n, () => createApp(bundle));
    return Response.json({ status, warmUs: warm.ms * 1000, warmN: warm.n, coldUs: (coldMs / n) * 1000, coldN: n, createAppUs: (createMs / n) * 1000 });
  },
};
