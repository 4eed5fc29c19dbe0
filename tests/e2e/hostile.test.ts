// Hostile data end to end: sources whose names and notes carry markup, SVG, javascript: URLs, bidi overrides and
// CSV formula prefixes go through the real data build and a real local server, and come out as inert text in
// JSON, CSV, SVG, fragments (pasted into a page with no CSP), embed pages and all four elements in Chromium.
import { parseCsv } from "../../data/lib/csv";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../data/build";
import { chromiumArgs, chromiumPath } from "../helpers/chromium";
import { BIDI, hostileSources, PAYLOADS } from "../helpers/hostile";
import { freePort, startLocalServer, type LocalServer } from "../helpers/local-server";

const RANKING = "metros-by-data-scientist-location-quotient";
const FACT = "data-scientist-growth-2023-33";
const PAIR = "a=script-pwn-1-script-alpha&b=img-src-x-onerror-pwn-2-beta";
/** The payloads as the build keeps them: names trimmed, bidi controls removed. */
const shown = PAYLOADS.map((p) => p.replace(new RegExp(BIDI.source, "g"), "").trim());

let server: LocalServer;
let host: Server;
let hostOrigin: string;
let browser: Browser;
/** Host pages on another origin with no CSP: what protects readers there is escaping, not a policy. */
const hostPages = new Map<string, string>();

beforeAll(async () => {
  const { sourcesDir, contentDir } = hostileSources();
  const out = mkdtempSync(join(tmpdir(), "atlas-hostile-out-"));
  await build({ sourcesDir, contentDir, outDir: out, builtAt: "2026-01-01T00:00:00Z" });
  server = await startLocalServer({ kvFile: join(out, "kv-bulk.json") });
  const port = await freePort();
  host = createServer((req, res) => {
    const body = hostPages.get(req.url ?? "");
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise<void>((ok) => host.listen(port, "127.0.0.1", ok));
  hostOrigin = `http://localhost:${port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  host?.close();
  await server?.stop();
});

const get = async (path: string) => {
  const res = await fetch(server.url + path);
  expect(res.status, path).toBe(200);
  return res;
};

/** The records of a CSV text, by the pipeline's RFC 4180 reader (a different module from the writers under test). */
const csvRows = (text: string): string[][] => parseCsv(text, "csv").map((r) => r.fields);

describe("hostile source data, built and served", () => {
  it("comes out of the JSON API as the same text, with no bidi control in any body", async () => {
    const { ranking } = (await (await get(`/api/v1/rankings/${RANKING}`)).json()) as {
      ranking: { items: { name: string }[]; sources: { organisation: string; url: string }[] };
    };
    const names = ranking.items.map((i) => i.name);
    for (const s of shown) expect(names).toContain(s);
    expect(ranking.sources[0]!.url).toMatch(/^https:\/\//);
    for (const path of [
      `/api/v1/rankings/${RANKING}`,
      `/api/v1/rankings/${RANKING}?format=csv`,
      `/api/v1/charts/${RANKING}?format=svg`,
      `/api/v1/facts/${FACT}`,
      `/api/v1/compare/metros?${PAIR}&format=html`,
      `/embed/fact/${FACT}`,
    ])
      expect(BIDI.test(await (await get(path)).text()), path).toBe(false);
  });

  it("is spreadsheet-safe in CSV: no text cell starts with = + - @ tab or CR", async () => {
    const rows = csvRows(await (await get(`/api/v1/rankings/${RANKING}?format=csv`)).text());
    const [head, ...body] = rows;
    expect(head).toEqual([
      "rank",
      "id",
      "name",
      "value",
      "bound",
      "unit",
      "prse",
      "reliability",
      "source",
      "source_url",
      "period",
      "trust",
      "derived_from",
      "derived_sources",
      "note",
      "snapshot",
    ]);
    const numeric = new Set(["rank", "value", "prse"]);
    const text = body.flatMap((r) => r.filter((_, i) => !numeric.has(head![i]!)));
    expect(text.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const names = body.map((r) => r[2]);
    // The names are all there, the formula-like ones behind an apostrophe.
    for (const s of shown) expect(names).toContain(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  });

  it("runs nothing and links nowhere dangerous in Chromium: SVG, embed pages, fragments in a page without CSP, and the four elements", {
    timeout: 90_000,
  }, async () => {
    const fragments = await Promise.all(
      [
        `/api/v1/charts/${RANKING}?format=html`,
        `/api/v1/rankings/${RANKING}?format=html`,
        `/api/v1/compare/metros?${PAIR}&format=html`,
        `/api/v1/facts/${FACT}?format=html`,
      ].map(async (p) => (await get(p)).text()),
    );
    hostPages.set("/fragments", `<!doctype html><html lang="en"><head><title>A CMS page</title></head><body>${fragments.join("\n")}</body></html>`);
    hostPages.set(
      "/elements",
      `<!doctype html><html lang="en"><head><title>A blog</title><script type="module" src="${server.url}/widgets.js"></script></head><body>
        <ml-employer-chart chart="${RANKING}" limit="20"></ml-employer-chart>
        <ml-employer-ranking ranking="${RANKING}" limit="all"></ml-employer-ranking>
        <ml-employer-compare kind="metros" a="script-pwn-1-script-alpha" b="img-src-x-onerror-pwn-2-beta"></ml-employer-compare>
        <ml-employer-fact fact="${FACT}"></ml-employer-fact></body></html>`,
    );
    const pages = [
      `${server.url}/api/v1/charts/${RANKING}?format=svg`,
      `${server.url}/embed/chart/${RANKING}`,
      `${server.url}/embed/ranking/${RANKING}`,
      `${server.url}/embed/compare/metros?${PAIR}`,
      `${server.url}/embed/fact/${FACT}`,
      `${hostOrigin}/fragments`,
      `${hostOrigin}/elements`,
    ];
    const report: Record<string, { executions: number; dialogs: number; badNodes: string[]; texts: number }> = {};
    for (const url of pages) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 6000 } });
      // pwn() is what every payload calls; defined in every frame, counted in the top one.
      await context.addInitScript(() => {
        const top = window.top as unknown as { __pwned?: number };
        (window as unknown as { pwn: () => void }).pwn = () => void (top.__pwned = (top.__pwned ?? 0) + 1);
      });
      const page = await context.newPage();
      let dialogs = 0;
      page.on("dialog", (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.goto(url, { waitUntil: "networkidle" });
      if (url.endsWith("/elements")) await settleElements(page);
      const executions = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0);
      const { badNodes, text } = await inspect(page);
      report[url.replace(server.url, "").replace(hostOrigin, "host")] = { executions, dialogs, badNodes, texts: shown.filter((s) => text.includes(s)).length };
      await context.close();
    }
    const seen = Object.fromEntries(Object.entries(report).map(([page, r]) => [page, { executions: r.executions, dialogs: r.dialogs, badNodes: r.badNodes }]));
    expect(seen).toEqual(Object.fromEntries(Object.keys(report).map((page) => [page, { executions: 0, dialogs: 0, badNodes: [] }])));
    // The hostile names are shown, as text (the SVG document shows its axis labels truncated).
    for (const [page, r] of Object.entries(report))
      expect(r.texts, `${page} shows the payloads as text`).toBeGreaterThanOrEqual(page.includes("format=svg") ? 0 : 2);
    expect(report["host/elements"]!.texts).toBeGreaterThanOrEqual(shown.length - 1);
  });
});

/** Waits until the four elements have rendered their data, then points at the chart so the Vega runtime draws it too. */
async function settleElements(page: Page) {
  await page.waitForFunction(
    () =>
      ["ml-employer-chart", "ml-employer-ranking", "ml-employer-compare", "ml-employer-fact"].every((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return !!root?.querySelector("h2") && !/Loading/.test(root.textContent ?? "");
      }),
    undefined,
    { timeout: 20_000 },
  );
  await page.locator("ml-employer-chart").hover();
  await page.waitForTimeout(1500);
}

/** Elements, attributes and links that data should never have produced, across frames and shadow roots; and all text. */
async function inspect(page: Page): Promise<{ badNodes: string[]; text: string }> {
  const bad: string[] = [];
  let text = "";
  for (const frame of page.frames()) {
    const r = await frame.evaluate(() => {
      const found: string[] = [];
      let all = "";
      const walk = (root: Document | ShadowRoot | Element) => {
        for (const el of Array.from(root.querySelectorAll("*"))) {
          const tag = el.tagName.toLowerCase();
          if (["iframe", "object", "embed", "foreignobject", "img", "math"].includes(tag)) found.push(`<${tag}>`);
          if (tag === "script" && !(el as HTMLScriptElement).src.endsWith("/widgets.js")) found.push("<script> inline");
          for (const a of Array.from(el.attributes)) {
            if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
            if (/^(href|src|xlink:href|action|formaction|srcdoc)$/i.test(a.name) && /^\s*(javascript|data:text\/html)/i.test(a.value))
              found.push(`${tag}[${a.name}=${a.value.slice(0, 30)}]`);
          }
          if (el.shadowRoot) {
            all += ` ${el.shadowRoot.textContent}`;
            walk(el.shadowRoot);
          }
        }
      };
      walk(document);
      all += ` ${document.documentElement?.textContent ?? ""}`;
      return { found, all };
    });
    bad.push(...r.found);
    text += r.all;
  }
  return { badNodes: bad, text };
}
