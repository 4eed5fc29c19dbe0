// The report on the real local server, in Chromium: every section readable with JavaScript off (question, every
// claim quoted, every figure of /api/v1/sections/{id} with its value as tables write it and its trust label, charts
// as static SVG), and axe-core without serious or critical findings at 320 and 1200 px, light and dark.
import { chromium, type Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { figureCell } from "../../core/notes";
import type { Section } from "../../core/content";
import { axeFindings } from "../helpers/axe";
import { chromiumArgs, chromiumPath } from "../helpers/chromium";

const api = inject("apiUrl");
let browser: Browser;

async function json<T>(path: string): Promise<T> {
  const res = await fetch(api + path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}
const sectionIds = async () => (await json<{ sections: { id: string }[] }>("/api/v1/sections")).sections.map((s) => s.id);

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});
afterAll(async () => browser?.close());

describe("report sections without JavaScript", () => {
  it("show the question, every claim quoted, every figure with value and trust label, and each chart as SVG", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    let figures = 0;
    for (const id of await sectionIds()) {
      const { section } = await json<{ section: Section }>(`/api/v1/sections/${id}`);
      const res = await page.goto(`${api}/report/${id}`);
      expect(res?.status(), id).toBe(200);
      const seen = await page.evaluate(() => {
        const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
        const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === "fixed";
        return {
          h1: clean(document.querySelector("h1")?.textContent),
          text: clean(document.querySelector("main")?.innerText),
          quotes: [...document.querySelectorAll("figure.claim blockquote")].filter(visible).map((b) => clean(b.textContent)),
          rows: Object.fromEntries(
            [...document.querySelectorAll("tr[data-figure]")].filter(visible).map((tr) => [
              tr.getAttribute("data-figure"),
              {
                value: clean(tr.querySelector(".value")?.textContent),
                trust: clean(tr.querySelector(".ml-employer-trust")?.textContent),
                period: clean(tr.children[2]?.textContent),
              },
            ]),
          ),
          charts: [...document.querySelectorAll(".live")].map((l) => {
            const svg = l.querySelector(".static svg");
            const box = svg?.getBoundingClientRect();
            return { svg: !!box && box.width > 100 && box.height > 50, element: (l.querySelector("ml-employer-chart") as HTMLElement).offsetParent !== null };
          }),
        };
      });
      expect(seen.h1, id).toBe(section.title);
      expect(seen.text, id).toContain(section.question);
      for (const c of [...section.claims, ...section.records.flatMap((r) => r.claims)])
        expect(seen.quotes, id).toContain(`“${c.text.replace(/\s+/g, " ").trim()}”`);
      for (const f of [...section.figures, ...section.records.flatMap((r) => r.figures)]) {
        const row = seen.rows[f.id];
        expect(row, `${id}: figure ${f.id}`).toBeDefined();
        expect(row!.value, `${id}: ${f.id}`).toBe(figureCell(f));
        expect(row!.trust, `${id}: ${f.id}`).toBe(f.trust);
        expect(row!.period, `${id}: ${f.id}`).toBe(f.period);
        figures++;
      }
      for (const g of section.gaps) expect(seen.text, id).toContain(g.replace(/\s+/g, " ").trim());
      expect(seen.charts.length, id).toBe(section.links.rankings.length);
      for (const ch of seen.charts) expect(ch, id).toEqual({ svg: true, element: false });
    }
    expect(figures).toBeGreaterThan(100);
    await context.close();
  });
});

describe("report pages in axe-core", () => {
  // Every page at both widths in one scheme each; all four combinations on the index and the first section (the
  // pages share one shell and one set of part renderers, so the matrix stays small enough for every CI run).
  const matrix = [
    [1200, "light", "every"],
    [320, "dark", "every"],
    [320, "light", "some"],
    [1200, "dark", "some"],
  ] as const;
  for (const [width, scheme, which] of matrix)
    it(`finds no serious or critical violation on ${which === "every" ? "/, /report and every section" : "/report and the first section"} at ${width} px, ${scheme}`, {
      timeout: 180_000,
    }, async () => {
      const ids = await sectionIds();
      const paths = which === "every" ? ["/", "/report", ...ids.map((id) => `/report/${id}`)] : ["/report", `/report/${ids[0]}`];
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
      const findings: string[] = [];
      for (const path of paths) findings.push(...(await axeFindings(context, api + path)));
      await context.close();
      expect(findings).toEqual([]);
    });
});
