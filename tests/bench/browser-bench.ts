// Section 4: widgets in a real browser. Headless Chromium loads a page of 10 <ml-employer-chart> elements (one
// script, chart payloads from the API) versus the same 10 charts compiled in the page by vega-embed + vega-lite +
// vega, and the floor: the pre-rendered SVGs written into the HTML.
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Browser } from "playwright";
import { launchChromium } from "../helpers/chromium";
import { ROOT } from "./edge-runtime";

export const CHARTS = 10;
export const MIN_BYTES_RATIO = 5;
/** Time to 10 charts visible, as a multiple of the floor page's (ratio of medians over interleaved runs). */
export const MAX_FLOOR_RATIO = 1.5;
const VIEWPORT = { width: 1200, height: 8000 };
/** The console message a page logs when its charts are all drawn, followed by the time. */
const DRAWN = "atlas-bench-drawn";
const TIMEOUT_MS = 60_000;

export interface PageRun {
  ms: number;
  gzipBytes: number;
  wireBytes: number;
  requests: number;
  /** ms from the first request to the end of the last response (network share of `ms`). */
  networkMs: number;
}
export interface BrowserResult {
  charts: string[];
  runs: number;
  widgets: PageRun[];
  vega: PageRun[];
  /** The floor: the same SVGs written into the HTML, no script and no API request. */
  inline: PageRun[];
  median: { widgets: PageRun; vega: PageRun; inline: PageRun };
  bundleGzip: { vega: number };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

/** Plain (uncompressed) static server over several roots; first root holding the path wins. */
function serve(roots: string[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    for (const root of roots) {
      try {
        const body = readFileSync(join(root, path));
        res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream", "Content-Length": body.length, "Cache-Control": "no-store" });
        res.end(body);
        return;
      } catch {
        /* next root */
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((res) =>
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      res({ server, origin: `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}` });
    }),
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** One fresh browser context: navigate, wait until every chart is drawn with a non-empty box, count bytes. */
async function runPage(browser: Browser, url: string, allDrawn: Drawn): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const finished: { id: string; wire: number }[] = [];
    let firstSent = Infinity;
    let lastDone = 0;
    const urls = new Map<string, string>();
    cdp.on("Network.requestWillBeSent", (e) => {
      firstSent = Math.min(firstSent, e.timestamp);
      urls.set(e.requestId, e.request.url);
    });
    cdp.on("Network.loadingFinished", (e) => {
      finished.push({ id: e.requestId, wire: e.encodedDataLength });
      lastDone = Math.max(lastDone, e.timestamp);
    });
    if (process.env.BENCH_TRACE) cdp.on("Network.loadingFinished", (e) => console.log(((e.timestamp - firstSent) * 1000).toFixed(0), urls.get(e.requestId)));
    if (process.env.BENCH_TRACE)
      await page.addInitScript(
        `window.__r = []; addEventListener("ml-employer-rendered", () => __r.push(Math.round(performance.now())), true); const f0 = fetch; window.fetch = (...a) => (__r.push("fetch " + Math.round(performance.now())), f0(...a)); document.addEventListener("DOMContentLoaded", () => __r.push("dcl " + Math.round(performance.now()))); new PerformanceObserver((l) => l.getEntries().forEach((e) => __r.push("long " + Math.round(e.startTime) + "+" + Math.round(e.duration)))).observe({ type: "longtask", buffered: true });`,
      );
    if (process.env.BENCH_TRACE) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    // The page watches itself from its first frame on (an init script runs before any of its own) and reports the
    // frame where its charts are all drawn on the console. Nothing is evaluated in the page while it loads:
    // Playwright's waitForFunction (and any page.evaluate) first injects its utility script, 13–28 ms of main thread
    // at a moment of its choosing, and polls only after that (a trace showed the floor page painting at ~95 ms and
    // reported at 219 ms).
    await page.addInitScript(
      `(() => { const check = () => { const t = ${allDrawn}; if (t === false) requestAnimationFrame(check); else console.debug("${DRAWN} " + t); }; requestAnimationFrame(check); })();`,
    );
    const reported = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${url}: charts not drawn within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      page.on("console", (m) => {
        const text = m.text();
        if (text.startsWith(`${DRAWN} `)) {
          clearTimeout(timer);
          resolve(Number(text.slice(DRAWN.length + 1)));
        }
      });
    });
    await page.goto(url, { waitUntil: "commit" });
    const ms = await reported;
    // Bytes are counted once every response has finished (a fast page can report drawn before its HTML has).
    await page.waitForLoadState("load");
    if (process.env.BENCH_TRACE) {
      const { profile } = (await cdp.send("Profiler.stop")) as {
        profile: { nodes: { id: number; hitCount?: number; callFrame: { functionName: string; url: string; lineNumber: number } }[] };
      };
      const self = new Map<string, number>();
      for (const n of profile.nodes) {
        const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
        self.set(k, (self.get(k) ?? 0) + (n.hitCount ?? 0));
      }
      console.log(
        [...self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([k, v]) => `${(v * 0.2).toFixed(0)}ms ${k}`)
          .join("\n"),
      );
    }
    if (process.env.BENCH_TRACE) console.log("in page:", await page.evaluate("JSON.stringify(window.__r)"));
    if (process.env.BENCH_TRACE)
      console.log(
        "resources (start/request/response/end):\n" +
          (await page.evaluate(
            `performance.getEntriesByType("resource").map((e) => [e.startTime, e.requestStart, e.responseStart, e.responseEnd].map(Math.round).join("/") + " " + e.name.split("/").pop()).join("\\n")`,
          )),
      );
    let gzipBytes = 0;
    let wireBytes = 0;
    for (const f of finished) {
      wireBytes += f.wire;
      try {
        const b = (await cdp.send("Network.getResponseBody", { requestId: f.id })) as { body: string; base64Encoded: boolean };
        gzipBytes += gzipSync(Buffer.from(b.body, b.base64Encoded ? "base64" : "utf8"), { level: 6 }).length;
      } catch {
        /* no body (e.g. 204 preflight) */
      }
    }
    return { ms, gzipBytes, wireBytes, requests: finished.length, networkMs: (lastDone - firstSent) * 1000 };
  } finally {
    await context.close();
  }
}

/** In-page predicates (source strings: tsx would wrap real functions in its __name helper, absent in the page):
 *  the time since navigation start once every chart's drawing has a non-empty box, else false. */
type Drawn = string;
const drawn = (elements: string, drawing: string): Drawn => `(() => {
  const els = [...document.querySelectorAll(${JSON.stringify(elements)})];
  const ok = els.length === ${CHARTS} && els.every((e) => { const s = ${drawing}; if (!s) return false; const r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  return ok ? performance.now() : false;
})()`;
/** An element's chart is drawn when its last bar is laid out (rows are drawn in one template, so the last is the latest). */
const WIDGETS_DRAWN = drawn("ml-employer-chart", `e.shadowRoot && e.shadowRoot.querySelector(".figure .row:last-child .bar")`);
const VEGA_DRAWN = drawn(".chart", `e.querySelector("svg")`);

export async function browserBench(api: string, dir: string, runs: number, log: (s: string) => void): Promise<BrowserResult> {
  const list = (await (await fetch(`${api}/api/v1/charts`)).json()) as { charts: { id: string }[] };
  const charts = list.charts.slice(0, CHARTS).map((c) => c.id);
  if (charts.length < CHARTS) throw new Error(`only ${charts.length} charts in /api/v1/charts`);

  const pages = join(dir, "browser");
  mkdirSync(pages, { recursive: true });
  // The alternative: vega-embed@7 + vega-lite + vega bundled (minified) for the browser.
  await build({
    stdin: { contents: `import embed from "vega-embed"; window.vegaEmbed = embed;`, resolveDir: ROOT, loader: "js" },
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    outfile: join(pages, "vega-bundle.js"),
    logLevel: "error",
  });
  const vegaGzip = gzipSync(readFileSync(join(pages, "vega-bundle.js")), { level: 6 }).length;
  const head = `<!doctype html><html><head><meta charset="utf-8"><title>bench</title><style>body{margin:0;font:14px sans-serif} .chart,ml-employer-chart{display:block;width:560px;margin:8px}</style>`;
  writeFileSync(
    join(pages, "widgets.html"),
    `${head}<script type="module" src="/widgets.js"></script></head><body>\n` +
      charts.map((id) => `<ml-employer-chart chart="${id}" api="${api}"></ml-employer-chart>`).join("\n") +
      `\n</body></html>\n`,
  );
  // The floor for any approach: the same pre-rendered SVGs already in the page (no script, no API round trip).
  const svgs = await Promise.all(charts.map(async (id) => (await fetch(`${api}/api/v1/charts/${id}?format=svg`)).text()));
  writeFileSync(join(pages, "inline.html"), `${head}</head><body>\n${svgs.map((svg) => `<div class="chart">${svg}</div>`).join("\n")}\n</body></html>\n`);
  writeFileSync(
    join(pages, "vega.html"),
    `${head}<script src="/vega-bundle.js"></script></head><body>\n` +
      charts.map((id) => `<div class="chart" data-id="${id}"></div>`).join("\n") +
      `\n<script>for (const el of document.querySelectorAll(".chart"))
  fetch(${JSON.stringify(api)} + "/api/v1/charts/" + el.dataset.id).then((r) => r.json()).then((spec) => vegaEmbed(el, spec, { renderer: "svg", actions: false }));
</script></body></html>\n`,
  );

  const { server, origin } = await serve([pages, join(ROOT, "dist/public")]);
  // The same Chromium configuration as the tests (OFF_FEATURES merged into Playwright's --disable-features).
  const browser = await launchChromium();
  const widgets: PageRun[] = [];
  const vega: PageRun[] = [];
  const inline: PageRun[] = [];
  try {
    // One unmeasured warm-up of each (browser process, code caches of the bench itself), then interleaved runs.
    await runPage(browser, `${origin}/widgets.html`, WIDGETS_DRAWN);
    await runPage(browser, `${origin}/vega.html`, VEGA_DRAWN);
    await runPage(browser, `${origin}/inline.html`, VEGA_DRAWN);
    for (let i = 0; i < runs; i++) {
      // The order rotates from run to run, so no page always follows the same one (e.g. vega-embed's teardown).
      const pages = [
        async () => {
          const r = await runPage(browser, `${origin}/widgets.html`, WIDGETS_DRAWN);
          widgets.push(r);
          return r;
        },
        async () => {
          const r = await runPage(browser, `${origin}/vega.html`, VEGA_DRAWN);
          vega.push(r);
          return r;
        },
        async () => {
          const r = await runPage(browser, `${origin}/inline.html`, VEGA_DRAWN);
          inline.push(r);
          return r;
        },
      ];
      for (let k = 0; k < pages.length; k++) await pages[(i + k) % pages.length]!();
      const [w, v, f] = [widgets.at(-1)!, vega.at(-1)!, inline.at(-1)!];
      log(
        `  run ${i + 1}: widgets ${w.ms.toFixed(0)} ms, ${(w.gzipBytes / 1024).toFixed(1)} kB gzip (${w.requests} requests, network ${w.networkMs.toFixed(0)} ms); vega-embed ${v.ms.toFixed(0)} ms, ${(v.gzipBytes / 1024).toFixed(1)} kB gzip (${v.requests} requests, network ${v.networkMs.toFixed(0)} ms); inline SVG ${f.ms.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  const med = (rs: PageRun[]): PageRun => ({
    ms: median(rs.map((r) => r.ms)),
    gzipBytes: median(rs.map((r) => r.gzipBytes)),
    wireBytes: median(rs.map((r) => r.wireBytes)),
    requests: median(rs.map((r) => r.requests)),
    networkMs: median(rs.map((r) => r.networkMs)),
  });
  return { charts, runs, widgets, vega, inline, median: { widgets: med(widgets), vega: med(vega), inline: med(inline) }, bundleGzip: { vega: vegaGzip } };
}
