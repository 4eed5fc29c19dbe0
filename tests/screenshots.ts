// `npm run screenshots`: the gallery page, the front door and a report section in light and dark at 320 px and
// 1200 px, and one section printed to PDF (the print stylesheet's handout), from the real local server, written to
// dist/screenshots/ (not committed).
import { mkdirSync } from "node:fs";
import { chromium } from "playwright";
import { chromiumArgs, chromiumPath } from "./helpers/chromium";
import { startLocalServer } from "./helpers/local-server";

const server = await startLocalServer();
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
mkdirSync("dist/screenshots", { recursive: true });
try {
  for (const scheme of ["light", "dark"] as const)
    for (const width of [320, 1200]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/gallery/`);
      await page.setViewportSize({ width, height: 6000 });
      await page.waitForFunction(
        () => [...document.querySelectorAll(".gallery > *")].every((el) => el.shadowRoot?.querySelector("footer, [role=alert]")),
        null,
        { timeout: 20_000 },
      );
      const file = `dist/screenshots/gallery-${scheme}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${file}${errors.length ? ` (page errors: ${errors.join("; ")})` : ""}`);
      await page.close();
    }
  for (const scheme of ["light", "dark"] as const)
    for (const width of [320, 1200])
      for (const [name, path] of [["front-door", "/"], ["report-industries", "/report/industries"]] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
        await page.goto(server.url + path, { waitUntil: "networkidle" });
        const file = `dist/screenshots/${name}-${scheme}-${width}.png`;
        await page.screenshot({ path: file, fullPage: name === "front-door" });
        console.log(file);
        await page.close();
      }
  // A section as a printed handout: Chromium prints with the print stylesheet (scripts on, as a reader's would be).
  const page = await browser.newPage();
  await page.goto(`${server.url}/report/industries`, { waitUntil: "networkidle" });
  await page.pdf({ path: "dist/screenshots/report-industries.pdf", format: "A4", margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" }, displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: '<div style="font-size:8px;width:100%;text-align:center"><span class="url"></span> · <span class="pageNumber"></span>/<span class="totalPages"></span></div>' });
  console.log("dist/screenshots/report-industries.pdf");
  await page.close();
} finally {
  await browser.close();
  await server.stop();
}
