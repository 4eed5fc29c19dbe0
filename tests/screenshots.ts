// `npm run screenshots`: the gallery page in light and dark at 320 px and 1200 px, from the real local server,
// written to dist/screenshots/ (not committed).
import { mkdirSync } from "node:fs";
import { launchChromium } from "./helpers/chromium";
import { startLocalServer } from "./helpers/local-server";

const server = await startLocalServer();
const browser = await launchChromium();
mkdirSync("dist/screenshots", { recursive: true });
try {
  for (const scheme of ["light", "dark"] as const)
    for (const width of [320, 1200]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/`);
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
} finally {
  await browser.close();
  await server.stop();
}
