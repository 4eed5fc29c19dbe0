// axe-core in a Playwright page: the serious and critical findings, one line each.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext } from "playwright";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical findings on a page, with scripts on (the widgets render) and the CSP bypassed to inject axe. */
export async function axeFindings(context: BrowserContext, url: string): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  // Every element the widgets defined has drawn its state (loading, figures or an error) in its shadow root.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("*")]
        .filter((el) => el.localName.startsWith("ml-employer-"))
        .every((el) => !customElements.get(el.localName) || el.shadowRoot?.querySelector("footer, [role=status], [role=alert]")),
    null,
    { timeout: 20_000 },
  );
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  })) as AxeViolation[];
  await page.close();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${url}: ${v.id} (${v.impact}) at ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(", ")}`,
    );
}
