// `npm run bench`: API load at the edge runtime, CPU per request, data build at scale; budgets to dist/bench/latest.json.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { apiBench, BUDGET_CONNECTIONS, MAX_P99_RATIO, MIN_RPS_RATIO, type ApiRow } from "./api-bench";
import { OFF_FEATURES } from "../helpers/chromium";
import { browserBench, MAX_FLOOR_RATIO, MIN_BYTES_RATIO } from "./browser-bench";
import { CPU_BUDGET_US, cpuBench, FREE_PLAN_LIMIT_US } from "./cpu-bench";
import { dataBench, FREE_SCRIPT_LIMIT, growthExponent, KV_VALUE_LIMIT, MAX_GROWTH_EXPONENT, PAID_SCRIPT_LIMIT, type BuildRun } from "./data-bench";
import { FALLBACK_GZ, OFFLINE_ENV, ROOT, startEdge } from "./edge-runtime";
import { installCleanup, killAllGroups, ownedGroups } from "./procs";
import { publishBench, PUBLISHED } from "./publish-bench";
import { steadiness, sustainedBench } from "./sustained-bench";
import { cpuSample, othersShare, QUIET, waitForQuiet } from "./sys-load";
import { budgetTable, int, mib, ms, pct, table, verdict, type Budget } from "./report";
import { LIGHTHOUSE_PAGES, lighthouse, score } from "../lighthouse/lighthouse";
import { startLocalServer } from "../helpers/local-server";

/** Seconds per load slice; rounds of app/ceiling/static slices at the budget's connection count (3 at the others). */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BUILD_TIMEOUT_S = Number(process.env.BENCH_BUILD_TIMEOUT_S ?? 180);
const QUIET_WAIT_S = Number(process.env.BENCH_QUIET_WAIT_S ?? 30);
const ONLY = new Set((process.env.BENCH_ONLY ?? "api,cpu,browser,publish,sustained,data,lighthouse").split(","));
/** Minutes of sustained load (section 6) and seconds after each pointer flip (section 5). */
const SUSTAINED_MIN = Number(process.env.BENCH_SUSTAINED_MIN ?? 10);
const PUBLISH_PHASE_S = Number(process.env.BENCH_PUBLISH_PHASE_S ?? 35);
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 11);
const log = (s: string) => console.log(s);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

installCleanup();
const dir = mkdtempSync(join(tmpdir(), "atlas-bench-"));
const budgets: Budget[] = [];
const notes: string[] = [];
const background: Record<string, number> = {};
/** Before each section: wait (bounded) for other processes to go quiet, and record how busy the machine was. */
async function settle(section: string) {
  const busy = await waitForQuiet(QUIET_WAIT_S * 1000, log);
  background[section] = busy;
  log(`  other processes were using ${Math.round(busy * 100)}% of the CPUs just before this section${busy > QUIET ? " (BUSY: figures are pessimistic)" : ""}`);
}
const out: Record<string, unknown> = {
  startedAt: new Date(started).toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  settings: {
    secondsPerSlice: SECONDS,
    roundsAtBudgetConnections: ROUNDS,
    roundsOtherwise: Math.min(3, ROUNDS),
    buildTimeoutS: BUILD_TIMEOUT_S,
    sustainedMinutes: SUSTAINED_MIN,
    publishPhaseSeconds: PUBLISH_PHASE_S,
  },
};

try {
  if (!existsSync(join(ROOT, FALLBACK_GZ)) || !existsSync(join(ROOT, "data/out/kv-bulk.json"))) {
    log("No snapshot yet: running the data build first.");
    execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "data/build.ts")], { cwd: ROOT, stdio: "inherit", env: OFFLINE_ENV });
  }

  if (["api", "cpu", "browser", "publish", "sustained"].some((x) => ONLY.has(x))) {
    log(`Edge runtime: bundling with wrangler deploy --dry-run, then raw workerd serve (loopback) …`);
    const rt = await startEdge(dir);
    notes.push(rt.kvNote);
    notes.push("Static reference: a Node http server holding the same bodies in memory with ETags (nginx is not installed).");
    notes.push("Load: autocannon (programmatic) in this process on the same 2 cores as the servers; p50/p99 from every response's exact time.");
    log(`  worker bundle ${mib(rt.bundleBytes)}; ${rt.kvNote}`);
    try {
      if (ONLY.has("api")) {
        log(
          `\n1. API load (${ROUNDS} interleaved rounds of ${SECONDS} s per target at ${BUDGET_CONNECTIONS} connections, ${Math.min(3, ROUNDS)} otherwise; medians) [${elapsed()}]`,
        );
        await settle("api");
        const rows = await apiBench(rt, dir, SECONDS, ROUNDS, log);
        out.api = rows.map((r) => ({
          endpoint: r.endpoint.name,
          path: r.endpoint.path,
          bytes: r.probe.bytes,
          headerBytes: headerBytes(r),
          status: r.probe.status,
          connections: r.connections,
          rpsRatio: r.rpsRatio,
          p99Ratio: r.p99Ratio,
          app: r.app,
          ceiling: r.ceiling,
          static: r.static,
        }));
        printApi(rows);
      }
      if (ONLY.has("cpu")) {
        log(`\n2. Time per request inside workerd (the app's fetch called in a loop in one isolate, with the disk-backed KV binding) [${elapsed()}]`);
        await settle("cpu");
        const before = cpuSample(ownedGroups());
        const cpu = await cpuBench(rt, log);
        background["cpu (during)"] = othersShare(before, cpuSample(ownedGroups()));
        out.cpu = cpu;
        log(
          "\n" +
            table(
              ["endpoint", "warm µs", "cold µs", "createApp µs", "warm vs 1 ms budget", "cold vs 1 ms", "cold vs 10 ms free plan"],
              cpu.rows.map((r) => {
                // The issue's budget is per warm request; cold (a fresh isolate's first request) is wall time with
                // 2–4 sequential disk-backed KV reads in it, so it is printed beside the budget, not held to it.
                budgets.push({
                  section: "cpu",
                  name: `${r.endpoint.name} warm (cold)`,
                  value: `${r.warmUs.toFixed(0)} µs (cold ${r.coldUs.toFixed(0)} µs)`,
                  budget: `warm ≤ ${CPU_BUDGET_US} µs`,
                  pass: r.warmUs <= CPU_BUDGET_US,
                });
                return [
                  r.endpoint.name,
                  r.warmUs.toFixed(1),
                  r.coldUs.toFixed(1),
                  r.createAppUs.toFixed(1),
                  verdict(r.warmUs <= CPU_BUDGET_US),
                  r.coldUs <= CPU_BUDGET_US ? "under" : "over",
                  verdict(r.coldUs <= FREE_PLAN_LIMIT_US),
                ];
              }),
              new Set([1, 2, 3]),
            ),
        );
        const warmReaders = cpu.rows.filter((r) => r.warmKvGets > 0).map((r) => r.endpoint.name);
        log(
          `Warm = isolate cache hit (no KV reads${warmReaders.length ? `, except ${warmReaders.join(", ")}: not cached, one KV lookup per request` : ""}). Cold = first request of a fresh app: real KV reads (${cpu.rows.map((r) => `${r.endpoint.name} ${r.coldKvGets.toFixed(0)}`).join(", ")} per request) from the disk-backed KV, so cold includes KV I/O wait, not only CPU; app construction excluded (shown apart).`,
        );
        log(
          "\nKV reads per request (the paid resource a flood of requests costs)\n" +
            table(
              ["endpoint", "warm reads/request", "cold reads/request"],
              [
                ...cpu.rows.map((r) => [r.endpoint.name, r.warmKvGetsPerRequest.toFixed(3), r.coldKvGets.toFixed(1)]),
                [
                  `${cpu.misses.n} random unknown ids, ${cpu.misses.routes} routes`,
                  cpu.misses.kvGetsPer404.toFixed(3),
                  `(${cpu.misses.warmupKvGets} once per isolate)`,
                ],
              ],
              new Set([1, 2]),
            ),
        );
        budgets.push({
          section: "cpu",
          name: "KV reads per 404 (random ids, warm isolate)",
          value: cpu.misses.kvGetsPer404.toFixed(3),
          budget: "0",
          pass: cpu.misses.kvGetsPer404 === 0,
        });
        const warmReads = Math.max(...cpu.rows.map((r) => r.warmKvGetsPerRequest));
        budgets.push({ section: "cpu", name: "KV reads per warm request (every endpoint)", value: warmReads.toFixed(3), budget: "0", pass: warmReads === 0 });
        log(
          `Fallback only (KV empty or failing): inflating the bundled snapshot (${mib(cpu.snapshotBytes)} gzip) takes ${cpu.startupParseMs.toFixed(1)} ms, once per isolate; not on the path measured above.`,
        );
      }
      if (ONLY.has("browser")) {
        log(
          `\n4. Widgets in headless Chromium: ${10} <ml-employer-chart> vs the same charts via vega-embed + vega-lite + vega (${BROWSER_RUNS} runs, medians) [${elapsed()}]`,
        );
        await settle("browser");
        const b = await browserBench(rt.api, dir, BROWSER_RUNS, log);
        out.browser = b;
        const { widgets: w, vega: v, inline: f } = b.median;
        const bytesRatio = v.gzipBytes / w.gzipBytes;
        const timeRatio = v.ms / w.ms;
        const floorRatio = w.ms / f.ms;
        log(
          "\n" +
            table(
              ["page", "time to 10 charts ms", "bytes (gzip)", "bytes on loopback", "requests"],
              [
                ["widgets (HTML bars from the API)", w.ms.toFixed(0), int(w.gzipBytes), int(w.wireBytes), int(w.requests)],
                ["vega-embed (compiles in page)", v.ms.toFixed(0), int(v.gzipBytes), int(v.wireBytes), int(v.requests)],
                ["floor: SVGs inline in the HTML", f.ms.toFixed(0), int(f.gzipBytes), int(f.wireBytes), int(f.requests)],
                ["ratio widgets / floor", floorRatio.toFixed(2), "", "", ""],
                ["ratio vega / floor", (v.ms / f.ms).toFixed(2), "", "", ""],
                ["ratio vega / widgets", timeRatio.toFixed(2), bytesRatio.toFixed(1), (v.wireBytes / w.wireBytes).toFixed(1), ""],
              ],
              new Set([1, 2, 3, 4]),
            ),
        );
        log(
          `Charts: ${b.charts.join(", ")}. Page + dist/public (widgets) or page + esbuild-minified vega bundle (${int(b.bundleGzip.vega)} B gzip) from a plain Node server; API from the workerd under test (open CORS).`,
        );
        log(
          `Bytes (gzip) = each response body gzipped at level 6 in the bench (via CDP Network.getResponseBody), summed, headers excluded: the servers send uncompressed on loopback, so the raw sum is shown too. Time = navigation start to the frame where every chart is drawn with a non-empty box (widgets: its last bar; the other pages: the SVG); fresh context and cache disabled each run, the three pages' order rotating from run to run; ratios are of the medians; viewport 1200×8000 so all 10 elements are near the viewport. The floor page holds the same pre-rendered SVGs in its HTML, with no script and no API request: no embed that loads a script and asks an API can beat it, so "ratio vega / floor" is the most any embed could reach here. Chromium runs with ${OFF_FEATURES.join(", ")} off (merged into Playwright's own --disable-features): headless Chromium otherwise builds its address-bar popup in a separate renderer for every new page, about 640 ms of CPU during each page load on this 2-core machine.`,
        );
        budgets.push({
          section: "browser",
          name: "widgets bytes vs vega-embed",
          value: `${bytesRatio.toFixed(1)}× fewer (${int(w.gzipBytes)} vs ${int(v.gzipBytes)} B)`,
          budget: `≥ ${MIN_BYTES_RATIO}×`,
          pass: bytesRatio >= MIN_BYTES_RATIO,
        });
        budgets.push({
          section: "browser",
          name: "widgets time to 10 charts vs the floor",
          value: `${floorRatio.toFixed(2)}× (${w.ms.toFixed(0)} vs ${f.ms.toFixed(0)} ms; vega-embed ${(v.ms / f.ms).toFixed(2)}× the floor, ${timeRatio.toFixed(1)}× ours)`,
          budget: `≤ ${MAX_FLOOR_RATIO}×`,
          pass: floorRatio <= MAX_FLOOR_RATIO,
        });
      }
      if (ONLY.has("publish")) {
        log(
          `\n5. Publish and rollback under load (${BUDGET_CONNECTIONS} connections; ${PUBLISH_PHASE_S} s after each pointer flip; every response checked) [${elapsed()}]`,
        );
        await settle("publish");
        const p = await publishBench(rt, { connections: BUDGET_CONNECTIONS, phaseSeconds: PUBLISH_PHASE_S, log });
        out.publish = p;
        const flip = (f: typeof p.publish) =>
          `first answer from the new snapshot after ${f.firstNew?.toFixed(1) ?? "–"} s, last from the old after ${f.lastOld?.toFixed(1) ?? "–"} s`;
        log(
          `  ${int(p.requests)} responses in ${p.seconds.toFixed(0)} s (${int(p.rps)}/s): ${p.errors} errors, ${p.disagreements} whose body, X-Atlas-Snapshot and ETag disagree, ${p.mixed} mixing two snapshots; ` +
            `by snapshot ${Object.entries(p.bySnapshot)
              .map(([id, n]) => `${id} ${int(n)}`)
              .join(", ")}\n  publish: ${flip(p.publish)}\n  rollback: ${flip(p.rollback)} (the isolate trusts the pointer it read for 30 s)`,
        );
        for (const e of p.examples) log(`  (!) ${e}`);
        budgets.push({ section: "publish", name: "errors during publish + rollback", value: String(p.errors), budget: "0", pass: p.errors === 0 });
        budgets.push({
          section: "publish",
          name: "responses whose body, header and ETag disagree",
          value: `${p.disagreements} of ${int(p.requests)}`,
          budget: "0",
          pass: p.disagreements === 0,
        });
        budgets.push({ section: "publish", name: "responses mixing two snapshots", value: String(p.mixed), budget: "0", pass: p.mixed === 0 });
        const both = [p.publish, p.rollback].every((f) => f.firstNew !== null && (f.lastOld ?? 0) <= 31);
        budgets.push({
          section: "publish",
          name: `both flips served (new id ${PUBLISHED}, then back)`,
          value: `${p.publish.lastOld?.toFixed(1) ?? "–"} s / ${p.rollback.lastOld?.toFixed(1) ?? "–"} s to the last old answer`,
          budget: "≤ 31 s (pointer TTL 30 s)",
          pass: both,
        });
      }
      if (ONLY.has("sustained")) {
        log(`\n6. Sustained load: ${SUSTAINED_MIN} minutes at ${BUDGET_CONNECTIONS} connections, one request in four a random unknown id [${elapsed()}]`);
        await settle("sustained");
        const s = await sustainedBench(rt, { minutes: SUSTAINED_MIN, connections: BUDGET_CONNECTIONS, log });
        out.sustained = s;
        const errors = s.minutes.reduce((n, m) => n + m.errors + m.wrongStatus, 0);
        const first = s.minutes[Math.min(1, s.minutes.length - 1)]!;
        const last = s.minutes[s.minutes.length - 1]!;
        const growth = last.rssMiB / first.rssMiB;
        const steady = steadiness(s.minutes);
        budgets.push({
          section: "sustained",
          name: `errors in ${SUSTAINED_MIN} min`,
          value: `${errors} of ${int(s.minutes.reduce((n, m) => n + m.requests, 0))}`,
          budget: "0",
          pass: errors === 0,
        });
        budgets.push({
          section: "sustained",
          name: "workerd RSS, last minute vs minute 2",
          value: `${first.rssMiB.toFixed(1)} → ${last.rssMiB.toFixed(1)} MiB (×${growth.toFixed(2)})`,
          budget: "≤ ×1.10",
          pass: growth <= 1.1,
        });
        budgets.push({ section: "sustained", name: "slowest minute vs median minute (req/s)", value: pct(steady), budget: "≥ 80%", pass: steady >= 0.8 });
      }
    } finally {
      await rt.server.stop();
    }
  }

  if (ONLY.has("data")) {
    log(`\n3. Data build at scale (synthetic metros, occupations and OEWS rows ×10, ×100) [${elapsed()}]`);
    await settle("data");
    const runs = await dataBench(dir, BUILD_TIMEOUT_S * 1000, log);
    out.data = runs;
    printData(runs);
  }
  if (ONLY.has("lighthouse")) {
    // Printed, never a budget: the performance score moves with the machine's load. The other three categories are
    // held at 100 by tests/e2e/lighthouse.test.ts.
    log(`\n5. Lighthouse 12 on the reader pages (wrangler dev, local KV; performance printed, not held) [${elapsed()}]`);
    await settle("lighthouse");
    const server = await startLocalServer();
    try {
      const rows = LIGHTHOUSE_PAGES.map((path) => ({ path, ...lighthouse(server.url + path) }));
      out.lighthouse = rows.map((r) => ({ path: r.path, scores: r.scores }));
      log(
        "\n" +
          table(
            ["page", "performance", "accessibility", "best practices", "SEO"],
            rows.map((r) => [r.path, score(r.scores.performance), score(r.scores.accessibility), score(r.scores["best-practices"]), score(r.scores.seo)]),
            new Set([1, 2, 3, 4]),
          ),
      );
    } finally {
      await server.stop();
    }
  }
} catch (err) {
  console.error("\nBench aborted:", err);
  out.error = String(err);
} finally {
  killAllGroups();
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}

out.durationS = (Date.now() - started) / 1000;
out.notes = notes;
out.budgets = budgets;
out.backgroundCpuBusy = background;
for (const [section, busy] of Object.entries(background))
  if (busy > QUIET)
    notes.push(
      `WARNING: other processes used ${Math.round(busy * 100)}% of the CPUs ${section.includes("during") ? "" : "just before "}the ${section} section; its figures are pessimistic. Re-run on a quiet machine.`,
    );
log("\nNotes");
for (const n of notes) log(`- ${n}`);
log(`\nBudgets (total run ${elapsed()})`);
log(budgetTable(budgets));
const failed = budgets.filter((b) => !b.pass).length;
log(failed ? `\n${failed} of ${budgets.length} budgets FAIL (a measurement: exit code stays 0).` : `\nAll ${budgets.length} budgets PASS.`);
mkdirSync(join(ROOT, "dist/bench"), { recursive: true });
writeFileSync(join(ROOT, "dist/bench/latest.json"), `${JSON.stringify(out, null, 2)}\n`);
log(`Wrote dist/bench/latest.json`);
process.exit(0);

function printApi(rows: ApiRow[]) {
  log(
    "\n" +
      table(
        ["endpoint", "bytes", "conns", "app req/s", "ceiling req/s", "ratio", "static req/s", "app p50", "app p99", "ceil p99", "p99 ×", "others' CPU"],
        rows.map((r) => [
          r.endpoint.name,
          int(r.probe.bytes),
          r.connections,
          int(r.app.rps),
          int(r.ceiling.rps),
          pct(r.rpsRatio),
          r.static ? int(r.static.rps) : "",
          ms(r.app.p50),
          ms(r.app.p99),
          ms(r.ceiling.p99),
          r.p99Ratio.toFixed(2),
          pct((r.app.others + r.ceiling.others) / 2),
        ]),
        new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
      ),
  );
  log("Latencies in ms; req/s, p50 and p99 are medians over the interleaved rounds; ratio and p99 × are medians of the per-round app/ceiling ratios.");
  log(
    `Ceiling = a constant body of the same status and byte size, with the same response headers (${rows[0] ? headerBytes(rows[0]) : 0} bytes for the first row) and the same request headers, from a minimal worker in the same workerd.`,
  );
  log("others' CPU = share of both CPUs used by processes outside this bench during the app and ceiling runs (0% when quiet).");
  const noisyRows = rows.filter((r) => (r.app.others + r.ceiling.others) / 2 > QUIET).length;
  if (noisyRows)
    notes.push(`WARNING: other processes used > ${pct(QUIET)} of the CPUs during ${noisyRows} of ${rows.length} API measurements (see "others' CPU").`);
  for (const r of rows) {
    if (r.app.errors || r.app.wrongStatus) log(`  (!) ${r.endpoint.name} c=${r.connections}: ${r.app.errors} errors, ${r.app.wrongStatus} unexpected statuses`);
    if (r.connections !== BUDGET_CONNECTIONS) continue;
    const rps = r.rpsRatio;
    const p99 = r.p99Ratio;
    const section = "api" as const;
    const others = (r.app.others + r.ceiling.others) / 2;
    const noisy = others > QUIET ? ` (others ${pct(others)} CPU)` : "";
    if (!r.endpoint.cached) {
      notes.push(`${r.endpoint.name} is not a cached response: ${pct(rps)} of ceiling req/s, p99 ×${p99.toFixed(2)} (informational, no budget).`);
      continue;
    }
    budgets.push({
      section,
      name: `${r.endpoint.name} req/s @${BUDGET_CONNECTIONS}`,
      value: `${pct(rps)} of ceiling${noisy}`,
      budget: `≥ ${pct(MIN_RPS_RATIO)}`,
      pass: rps >= MIN_RPS_RATIO,
    });
    budgets.push({
      section,
      name: `${r.endpoint.name} p99 @${BUDGET_CONNECTIONS}`,
      value: `${ms(r.app.p99)} ms = ×${p99.toFixed(2)}${noisy}`,
      budget: `≤ ×${MAX_P99_RATIO} ceiling`,
      pass: p99 <= MAX_P99_RATIO,
    });
  }
}

/** Bytes of the response headers the app (and so the ceiling) sends, as `name: value\r\n` lines. */
function headerBytes(r: ApiRow): number {
  return r.probe.responseHeaders.reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
}

function printData(runs: BuildRun[]) {
  const base = runs[0]!;
  log(
    "\n" +
      table(
        ["scale", "entities", "keys", "time s", "CPU s", "peak RSS", "snapshot", "gzip", "largest value", "CPU ×", "RSS ×", "bytes ×", "entities ×"],
        runs.map((r) => [
          `×${r.scale}`,
          int(r.entities),
          int(r.keys),
          r.ok ? (r.ms / 1000).toFixed(2) : (r.error ?? "failed"),
          (r.cpuMs / 1000).toFixed(2),
          mib(r.peakRss),
          mib(r.fallbackBytes),
          mib(r.fallbackGzipBytes),
          mib(r.largestValueBytes),
          (r.cpuMs / base.cpuMs).toFixed(1),
          (r.peakRss / base.peakRss).toFixed(1),
          (r.fallbackBytes / base.fallbackBytes).toFixed(1),
          (r.entities / base.entities).toFixed(1),
        ]),
        new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      ),
  );
  log("Peak RSS = the build process's maxRSS (includes ~140 MiB of Node + tsx + vega before the build starts).");
  const [, ten, hundred] = runs;
  if (!ten?.ok || !hundred?.ok) {
    budgets.push({ section: "data", name: "build ×100 completes", value: hundred?.error ?? "not run", budget: `< ${BUILD_TIMEOUT_S} s`, pass: false });
    return;
  }
  for (const [label, pick] of [
    ["build CPU time", (r: BuildRun) => r.cpuMs],
    ["peak RSS", (r: BuildRun) => r.peakRss],
    ["snapshot bytes", (r: BuildRun) => r.fallbackBytes],
  ] as const) {
    const e = growthExponent(ten, hundred, pick);
    budgets.push({
      section: "data",
      name: `${label} growth ×10→×100`,
      value: `entities^${e.toFixed(2)}`,
      budget: `≤ entities^${MAX_GROWTH_EXPONENT}`,
      pass: e <= MAX_GROWTH_EXPONENT,
    });
  }
  // Today's data and ×10 must fit the free plan's script; at ×100 the whole snapshot is bundled as the KV
  // fallback and needs Workers Paid (10 MiB), a documented limit (README, "Scale on paper").
  for (const r of runs) {
    const free = r.fallbackGzipBytes <= FREE_SCRIPT_LIMIT;
    if (r.scale < 100)
      budgets.push({
        section: "data",
        name: `bundled fallback gzip ×${r.scale}`,
        value: mib(r.fallbackGzipBytes),
        budget: "≤ 3 MiB (free-plan script)",
        pass: free,
      });
    else
      budgets.push({
        section: "data",
        name: `bundled fallback gzip ×${r.scale}`,
        value: `${mib(r.fallbackGzipBytes)}${free ? "" : " (over the free plan's 3 MiB)"}`,
        budget: "≤ 10 MiB (paid-plan script)",
        pass: r.fallbackGzipBytes <= PAID_SCRIPT_LIMIT,
      });
  }
  if (hundred.fallbackGzipBytes > FREE_SCRIPT_LIMIT)
    notes.push(
      `At ×100 the bundled fallback (${mib(hundred.fallbackGzipBytes)} gzip) no longer fits the free plan's 3 MiB script: such a deployment needs Workers Paid (10 MiB). Documented limit.`,
    );
  budgets.push({
    section: "data",
    name: "largest KV value ×100",
    value: mib(hundred.largestValueBytes),
    budget: "≤ 25 MiB (KV value)",
    pass: hundred.largestValueBytes <= KV_VALUE_LIMIT,
  });
}
