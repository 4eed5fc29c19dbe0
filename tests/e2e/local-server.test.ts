// End-to-end: the real local server (wrangler dev over seeded local KV) and its demo page in Chromium.
import type { Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../helpers/chromium";
import { vegaLiteValidator } from "../helpers/vega-lite-schema";

const api = inject("apiUrl");
// Compiling Vega-Lite's schema blocks for seconds: do it before any request, so no keep-alive socket
// sits idle past the server's timeout while the event loop is blocked.
let validate: ReturnType<typeof vegaLiteValidator>;
beforeAll(() => {
  validate = vegaLiteValidator();
});

describe("the local server", () => {
  it("lists rankings; each answers JSON with open CORS and an ETag that yields 304", async () => {
    const { rankings } = (await (await fetch(`${api}/api/v1/rankings`)).json()) as { rankings: { links: { self: string } }[] };
    expect(rankings.length).toBeGreaterThanOrEqual(5);
    for (const r of rankings) {
      const res = await fetch(api + r.links.self, { headers: { Origin: "https://blog.example" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const etag = res.headers.get("etag")!;
      expect(etag).toBeTruthy();
      await res.json();
      const again = await fetch(api + r.links.self, { headers: { "If-None-Match": etag } });
      expect(again.status).toBe(304);
    }
  });

  it("answers /api/v1/rankings/no-such with a 404 problem+json", async () => {
    const res = await fetch(`${api}/api/v1/rankings/no-such`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(((await res.json()) as { code: string }).code).toBe("unknown-ranking");
  });

  it("serves data scientists' official May 2025 figures exactly", async () => {
    const get = async (id: string) =>
      ((await (await fetch(`${api}/api/v1/rankings/${id}`)).json()) as { ranking: { items: { id: string; figure: { value: number } }[] } }).ranking.items.find(
        (i) => i.id === "data-scientists",
      )!.figure.value;
    expect(await get("occupations-by-employment")).toBe(262440);
    expect(await get("occupations-by-median-wage")).toBe(120230);
    expect(await get("occupations-by-90th-percentile-wage")).toBe(199130);
  });

  it("serves every chart as a Vega-Lite spec valid against Vega-Lite's JSON schema", async () => {
    const { charts } = (await (await fetch(`${api}/api/v1/charts`)).json()) as { charts: { id: string; links: { self: string } }[] };
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const c of charts) {
      const spec = await (await fetch(api + c.links.self)).json();
      expect(validate(spec), `${c.id}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
    }
  });

  it("serves widgets.js as a module script with open CORS", async () => {
    const res = await fetch(`${api}/widgets.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("the gallery and embed builder (/gallery/) in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it("renders its charts as visible bars with no page errors", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${api}/gallery/`);
    const first = page.locator("ml-employer-chart").first();
    await first.locator(".figure .bar").first().waitFor({ state: "visible", timeout: 15_000 });
    const box = await first.locator(".figure").boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(100);
    await expect(first.locator("h2").textContent()).resolves.toBe("ML-relevant occupations by median annual wage");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens the embed builder pre-filled from an 'embed this' link", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const { charts } = (await (await fetch(`${api}/api/v1/charts`)).json()) as { charts: { id: string }[] };
    const id = charts[charts.length - 1]!.id;
    await page.goto(`${api}/gallery/?tag=ml-employer-chart&id=${id}&tag=no-such-widget#builder`);
    expect(await page.inputValue("#snippet")).toMatch(new RegExp(`<ml-employer-chart chart="${id}"[ >]`));
    await page.close();
  });

  it("builds embed code whose iframe page and oEmbed URL both work", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${api}/gallery/`);
    await page.selectOption('select[name="tag"]', "ml-employer-compare");
    await page.fill('input[name="kind"]', "metros");
    await page.fill('input[name="a"]', "new-york-newark-jersey-city-ny-nj");
    await page.fill('input[name="b"]', "boston-cambridge-newton-ma-nh");
    await page.selectOption('select[name="theme"]', "dark");
    // Pinned (the default, once the builder has read the current release and snapshot): every URL at the snapshot.
    await page.waitForFunction(() => document.querySelector("#pin-note")?.textContent?.startsWith("Pinned to"));
    const { current } = (await (await fetch(`${api}/api/v1/snapshots`)).json()) as { current: string };
    const pinnedUrl = await page.inputValue("#page-url");
    expect(pinnedUrl).toBe(`${api}/embed/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=boston-cambridge-newton-ma-nh&theme=dark&snapshot=${current}`);
    const pinnedSnippet = await page.inputValue("#snippet");
    expect(pinnedSnippet).toMatch(
      /^<script type="module" src="[^"]+\/v\/[0-9a-f]{12}\/widgets\.js" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>\n/,
    );
    expect(pinnedSnippet).toContain(`b="boston-cambridge-newton-ma-nh" theme="dark" snapshot="${current}">`);
    expect(pinnedSnippet).toContain(`<noscript>${await page.inputValue("#iframe-snippet")}</noscript>`);
    const pinnedEmbed = await fetch(pinnedUrl);
    expect(pinnedEmbed.status).toBe(200);
    expect(pinnedEmbed.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${api}/oembed?url=${encodeURIComponent(pinnedUrl)}`)).status).toBe(200);
    // Always latest: today's unpinned code.
    await page.selectOption('select[name="pin"]', "latest");
    const snippet = await page.inputValue("#snippet");
    const url = await page.inputValue("#page-url");
    expect(url).toBe(`${api}/embed/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=boston-cambridge-newton-ma-nh&theme=dark`);
    expect(snippet).toContain(`<script type="module" src="${api}/widgets.js"></script>`);
    expect(snippet).toContain('<ml-employer-compare kind="metros" a="new-york-newark-jersey-city-ny-nj" b="boston-cambridge-newton-ma-nh" theme="dark">');
    expect(snippet).toContain(`<noscript>${await page.inputValue("#iframe-snippet")}</noscript>`);
    const embed = await fetch(url);
    expect(embed.status).toBe(200);
    expect(await embed.text()).toContain("New York-Newark-Jersey City, NY-NJ and Boston-Cambridge-Newton, MA-NH");
    const oembed = await fetch(`${api}/oembed?url=${encodeURIComponent(url)}`);
    expect(oembed.status).toBe(200);
    expect(((await oembed.json()) as { html: string }).html).toContain(`src="${url.replaceAll("&", "&amp;")}"`);
    await page.close();
  });
});
