// `npm run screenshots`: each of the four elements in a container 320, 400, 640, 960 and 1200 px wide, light and
// dark, and the demo gallery at 320 and 1200 px, from the real local server, written to dist/screenshots/ (not
// committed). Beside each file it prints the smallest text the element draws, in CSS px. Then the front door and a
// report section in light and dark at 320 and 1200 px, and that section printed to PDF (the print stylesheet's handout).
import { mkdirSync, rmSync } from "node:fs";
import { launchChromium } from "./helpers/chromium";
import { startLocalServer } from "./helpers/local-server";

const WIDTHS = [320, 400, 640, 960, 1200];
const SCHEMES = ["light", "dark"] as const;
const ELEMENTS: Record<string, string> = {
  chart: `<ml-employer-chart chart="occupations-by-median-wage" highlight="data-scientists"></ml-employer-chart>`,
  ranking: `<ml-employer-ranking ranking="metros-by-data-scientist-location-quotient" limit="10"></ml-employer-ranking>`,
  compare: `<ml-employer-compare kind="metros" a="new-york-newark-jersey-city-ny-nj" b="san-jose-sunnyvale-santa-clara-ca"></ml-employer-compare>`,
  fact: `<ml-employer-fact fact="internship-effect"></ml-employer-fact>`,
};
const OUT = "dist/screenshots";

/** In the page: the smallest computed font size of any drawn text in the element's shadow root (a string: tsx
 *  would wrap a real function in a helper the page lacks). */
const SMALLEST = `(() => {
  const root = document.querySelector("#box > *").shadowRoot;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let min = Infinity;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim() || !n.parentElement) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    if (![...range.getClientRects()].some((r) => r.width > 1 && r.height > 1)) continue;
    if (n.parentElement.closest(".visually-hidden")) continue;
    min = Math.min(min, parseFloat(getComputedStyle(n.parentElement).fontSize));
  }
  return min;
})()`;

/** In the page: a chart's drawn text sizes by role (names, values, axis title, title), in CSS px. */
const CHART_SIZES = `(() => {
  const root = document.querySelector("#box > ml-employer-chart")?.shadowRoot;
  if (!root) return "";
  const px = (sel) => [...new Set([...root.querySelectorAll(sel)].map((e) => parseFloat(getComputedStyle(e).fontSize) * (e.getBoundingClientRect().width / (e.offsetWidth || 1))))].map((x) => x.toFixed(1)).join("/");
  return "; chart names " + px(".figure .label") + ", values " + px(".figure .value") + ", axis " + px(".figure .axis") + ", title " + px("h2") + " px";
})()`;

const server = await startLocalServer();
const browser = await launchChromium();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
try {
  for (const scheme of SCHEMES) {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1200 }, colorScheme: scheme });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const bg = scheme === "dark" ? "#101214" : "#f6f7f9";
    await page.route(`${server.url}/__shot`, (route) =>
      route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="en" style="color-scheme:${scheme};background:${bg}"><head><title>Screenshots</title><script type="module" src="/widgets.js"></script></head><body style="margin:0;padding:10px"><div id="box"></div></body></html>`,
      }),
    );
    await page.goto(`${server.url}/__shot`);
    for (const [name, markup] of Object.entries(ELEMENTS)) {
      await page.evaluate((m) => (document.querySelector("#box")!.innerHTML = m), markup.replace("><", ` theme="${scheme}"><`));
      await page.waitForFunction(() => document.querySelector("#box > *")?.shadowRoot?.querySelector("footer, [role=alert]"), null, { timeout: 20_000 });
      await page.evaluate(() =>
        document
          .querySelector("#box > *")!
          .shadowRoot!.querySelectorAll("details")
          .forEach((d) => (d.open = true)),
      );
      for (const width of WIDTHS) {
        await page.evaluate((w) => ((document.querySelector("#box") as HTMLElement).style.width = `${w}px`), width);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const file = `${OUT}/${name}-${scheme}-${width}.png`;
        await page.locator("#box").screenshot({ path: file });
        console.log(`${file}  smallest text ${await page.evaluate(SMALLEST)} px${await page.evaluate(CHART_SIZES)}`);
      }
    }
    if (errors.length) console.log(`page errors (${scheme}): ${errors.join("; ")}`);
    await page.close();
    for (const width of [320, 1200]) {
      const gallery = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await gallery.goto(`${server.url}/gallery/`);
      await gallery.setViewportSize({ width, height: 6000 });
      await gallery.waitForFunction(
        () => [...document.querySelectorAll(".gallery > *")].every((el) => el.shadowRoot?.querySelector("footer, [role=alert]")),
        null,
        { timeout: 20_000 },
      );
      const file = `${OUT}/gallery-${scheme}-${width}.png`;
      await gallery.screenshot({ path: file, fullPage: true });
      console.log(file);
      await gallery.close();
    }
  }
  for (const scheme of ["light", "dark"] as const)
    for (const width of [320, 1200])
      for (const [name, path] of [
        ["front-door", "/"],
        ["report-industries", "/report/industries"],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
        await page.goto(server.url + path, { waitUntil: "networkidle" });
        const file = `dist/screenshots/${name}-${scheme}-${width}.png`;
        await page.screenshot({ path: file, fullPage: name === "front-door" });
        console.log(file);
        await page.close();
      }
  // A section as a printed handout: Chromium prints with the print stylesheet (scripts on, as a reader's would be).
  const printed = await browser.newPage();
  await printed.goto(`${server.url}/report/industries`, { waitUntil: "networkidle" });
  await printed.pdf({
    path: "dist/screenshots/report-industries.pdf",
    format: "A4",
    margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" },
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center"><span class="url"></span> · <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
  });
  console.log("dist/screenshots/report-industries.pdf");
  await printed.close();
} finally {
  await browser.close();
  await server.stop();
}
