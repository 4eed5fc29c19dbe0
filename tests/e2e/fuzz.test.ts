// The real local server under a seeded fuzzer: thousands of malformed and ordinary requests (paths, queries,
// methods, headers, bodies) over keep-alive connections. None is dropped, none is a 5xx, every error is
// problem+json with CORS, every answer comes within the hang bound.
import { Agent } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { corpusFromBuild } from "../helpers/fuzz-corpus";
import { fuzzRequests, RUNTIME_METHODS, runFuzz, send, verdict } from "../helpers/fuzz-requests";

const api = inject("apiUrl");
const SEED = 20261202;
const COUNT = 2000;
const CONNECTIONS = 8;
/** A hang detector, not a speed budget: far above any answer's time on a loaded machine. */
const HANG_MS = 10_000;

describe("the local server under a seeded fuzzer", () => {
  it(`answers ${COUNT.toLocaleString("en-US")} requests (seed ${SEED}, ${CONNECTIONS} keep-alive connections): 0 dropped, 0 5xx, every error problem+json with CORS, all within ${HANG_MS / 1000} s`, {
    timeout: 240_000,
  }, async () => {
    const requests = fuzzRequests(SEED, COUNT, corpusFromBuild());
    const results = await runFuzz(api, requests, CONNECTIONS, HANG_MS);
    const bad = results.map(verdict).filter((v): v is string => v !== null);
    const summary = {
      dropped: results.filter((r) => r.error && r.error !== "timeout").length,
      overHangBound: results.filter((r) => r.error === "timeout").length,
      fiveHundreds: results.filter((r) => RUNTIME_METHODS.has(r.req.method) && (r.status ?? 0) >= 500).length,
      otherBad: bad.length,
    };
    // Answers that never came first in the examples: they are the worst.
    const examples = bad.sort((a, b) => Number(/timeout|Error/.test(b)) - Number(/timeout|Error/.test(a))).slice(0, 12);
    expect({ summary, examples }).toEqual({ summary: { dropped: 0, overHangBound: 0, fiveHundreds: 0, otherBad: 0 }, examples: [] });
    // Counted apart: method names the runtime does not know (e.g. FOO) are refused by workerd itself before any
    // worker code runs (501, plain text, Connection: close); the next request is still answered (checked above).
    const runtime = results.filter((r) => !RUNTIME_METHODS.has(r.req.method));
    expect(runtime.every((r) => r.status === 501)).toBe(true);
    const statuses = new Set(results.map((r) => r.status));
    for (const s of [200, 204, 304, 400, 404, 405]) expect(statuses.has(s), `status ${s} among the answers`).toBe(true);
  });

  it("answers a GET on a keep-alive connection after a refused PUT of 70 kB to /widgets.js", { timeout: 60_000 }, async () => {
    // The assets layer used to refuse it before reading the body; the body's rest then poisoned the connection
    // and the next request on it hung (or wrangler dev crashed).
    const answers = [];
    for (const path of ["/widgets.js", "/", "/demo.css"]) {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const put = await send(api, { method: "PUT", target: path, headers: {}, body: Buffer.alloc(70_000, 120) }, agent, HANG_MS);
      const next = await send(api, { method: "GET", target: "/api/v1", headers: {} }, agent, HANG_MS);
      agent.destroy();
      answers.push({ path, put: put.status, problem: verdict(put), next: next.error ?? next.status });
    }
    expect(answers).toEqual(["/widgets.js", "/", "/demo.css"].map((path) => ({ path, put: 405, problem: null, next: 200 })));
  });
});
