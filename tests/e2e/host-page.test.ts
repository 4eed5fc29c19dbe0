// Third-party host pages: another origin with a strict CSP, hostile CSS and a dark theme; all five elements.
import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../helpers/chromium";
import { freePort } from "../helpers/local-server";

const api = inject("apiUrl");
const elements = `
  <ml-employer-chart chart="occupations-by-median-wage" highlight="data-scientists"></ml-employer-chart>
  <ml-employer-ranking ranking="metros-by-data-scientist-employment" limit="5"></ml-employer-ranking>
  <ml-employer-compare kind="occupations" a="data-scientists" b="statisticians"></ml-employer-compare>
  <ml-employer-fact fact="data-scientist-growth-2023-33"></ml-employer-fact>
  <ml-employer-profile kind="metros" entity="pittsburgh-pa"></ml-employer-profile>`;

const pages: Record<string, { csp?: string; body: string }> = {
  "/strict": {
    csp: `default-src 'none'; script-src ${api}; connect-src ${api}; style-src 'self'; img-src 'self'`,
    body: `<!doctype html><html lang="en"><head><title>Strict</title><script type="module" src="${api}/widgets.js"></script></head><body>${elements}</body></html>`,
  },
  "/hostile": {
    body: `<!doctype html><html lang="en"><head><title>Hostile</title><style>svg,span,div{display:none!important} table,h2,p{display:none!important} *{font-size:2px!important}</style>
      <script type="module" src="${api}/widgets.js"></script></head><body>${elements}</body></html>`,
  },
  "/dark": {
    body: `<!doctype html><html lang="en" style="color-scheme:dark;background:#101214"><head><title>Dark</title>
      <script type="module" src="${api}/widgets.js"></script></head><body>${elements}</body></html>`,
  },
};

let host: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  host = createServer((req, res) => {
    const page = pages[req.url ?? ""];
    if (req.url === "/favicon.ico") return void res.writeHead(204).end();
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...(page.csp ? { "Content-Security-Policy": page.csp } : {}) });
    res.end(page.body);
  });
  await new Promise<void>((ok) => host.listen(port, "127.0.0.1", ok));
  origin = `http://localhost:${port}`; // another origin than the API (127.0.0.1)
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  host?.close();
});

async function open(path: string, width = 1200): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 3000 } });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(origin + path);
  await page.waitForFunction(
    () =>
      ["ml-employer-chart", "ml-employer-ranking", "ml-employer-compare", "ml-employer-fact", "ml-employer-profile"].every((t) =>
        document.querySelector(t)?.shadowRoot?.querySelector("footer"),
      ),
    null,
    { timeout: 20_000 },
  );
  return { page, problems };
}

describe("widgets on third-party pages", () => {
  it("render all five under a strict CSP on another origin with no violations and no page errors", async () => {
    const { page, problems } = await open("/strict");
    // Bar lengths are custom properties set through the CSSOM, which style-src does not govern: drawn, and no violation.
    const bars = await page.locator("ml-employer-chart .figure .bar").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(bars).toHaveLength(12);
    expect(Math.min(...bars)).toBeGreaterThan(10);
    expect(new Set(bars.map(Math.round)).size).toBeGreaterThan(6);
    expect(await page.locator("ml-employer-ranking tbody tr").count()).toBe(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("stay intact under hostile host CSS", async () => {
    const { page, problems } = await open("/hostile");
    const figure = await page.locator("ml-employer-chart .figure").boundingBox();
    expect(figure!.height).toBeGreaterThan(100);
    expect(
      await page
        .locator("ml-employer-chart .figure .label")
        .first()
        .evaluate((e) => getComputedStyle(e).fontSize),
    ).toBe("13.5px");
    expect(await page.locator("ml-employer-ranking h2").isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("turn dark on a dark host page", async () => {
    const { page } = await open("/dark");
    const bg = await page.locator("ml-employer-fact .frame").evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r + g + b).toBeLessThan(150);
    await page.close();
  });

  it("fit a 320 px viewport without horizontal overflow", async () => {
    const { page } = await open("/strict", 320);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe("the builder's pinned code on a third-party page", () => {
  /** The snippet the embed builder writes by default (pinned), as a reader copies it from the gallery. */
  let snippet: string;
  let script: { src: string; integrity: string };
  beforeAll(async () => {
    const page = await browser.newPage();
    await page.goto(`${api}/gallery/`);
    await page.waitForFunction(() => document.querySelector("#pin-note")?.textContent?.startsWith("Pinned to"), null, { timeout: 20_000 });
    snippet = await page.locator("#snippet").inputValue();
    await page.close();
    const tag = /<script type="module" src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous"><\/script>/.exec(snippet);
    expect(tag, snippet).not.toBeNull();
    script = { src: tag![1]!, integrity: tag![2]! };
    const csp = `default-src 'none'; script-src ${api}; connect-src ${api}; style-src 'self'; img-src 'self'`;
    pages["/pinned"] = { csp, body: `<!doctype html><html lang="en"><head><title>Pinned</title></head><body>${snippet}</body></html>` };
  });

  it("is the versioned script with its integrity, the element and its iframe at the current snapshot", async () => {
    const release = (await (await fetch(`${api}/release.json`)).json()) as { entry: string; integrity: string };
    const { current } = (await (await fetch(`${api}/api/v1/snapshots`)).json()) as { current: string };
    expect(script).toEqual({ src: api + release.entry, integrity: release.integrity });
    expect(script.src).toMatch(/\/v\/[0-9a-f]{12}\/widgets\.js$/);
    expect(snippet).toContain(`snapshot="${current}"`);
    expect(snippet).toMatch(new RegExp(`<iframe src="${api}/embed/chart/occupations-by-median-wage\\?snapshot=${current}"`));
  });

  it("renders under a strict CSP on another origin, the script checked against its integrity", async () => {
    const { page, problems } = await openPinned();
    await page.waitForFunction(() => document.querySelector("ml-employer-chart")?.shadowRoot?.querySelector("footer"), null, { timeout: 20_000 });
    expect(await page.locator("ml-employer-chart .figure .bar").count()).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("refuses the script when one byte of it changed on the way: the element never upgrades", async () => {
    const { page, problems } = await openPinned(async (body) => {
      // One letter of a string literal: still valid JavaScript that would run, were it not for the integrity.
      const at = body.indexOf("Newer figures");
      expect(at).toBeGreaterThan(0);
      body[at] = "n".charCodeAt(0);
      return body;
    });
    // Either the browser reports the mismatch, or (were the integrity not checked) the element gets defined.
    await page.waitForFunction(() => customElements.get("ml-employer-chart") || (window as unknown as { refused?: boolean }).refused, null, {
      timeout: 20_000,
    });
    expect(await page.evaluate(() => customElements.get("ml-employer-chart") === undefined)).toBe(true);
    expect(await page.evaluate(() => document.querySelector("ml-employer-chart")!.matches(":defined"))).toBe(false);
    expect(
      problems.some((p) => /integrity/i.test(p)),
      problems.join("\n"),
    ).toBe(true);
    await page.close();
  });

  async function openPinned(tamper?: (body: Buffer) => Promise<Buffer>): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 3000 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e}`));
    page.on("console", async (m) => {
      if (m.type() !== "error") return;
      problems.push(`console: ${m.text()}`);
      if (/integrity/i.test(m.text())) await page.evaluate(() => ((window as unknown as { refused?: boolean }).refused = true)).catch(() => {});
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    if (tamper)
      await page.route(script.src, async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, body: await tamper(await res.body()) });
      });
    await page.goto(`${origin}/pinned`);
    return { page, problems };
  }
});
