// Script-free HTML from the real local server, in Chromium: every fragment shows the same figures as its
// element, and embed pages render under their own no-script CSP, light and dark.
import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../helpers/chromium";

const api = inject("apiUrl");
let browser: Browser;
let page: Page;
const problems: string[] = [];

interface Target {
  element: string;
  fragment: string;
}

async function json<T>(path: string): Promise<T> {
  const res = await fetch(api + path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Every chart, ranking and fact, one comparison of each comparable kind, and one profile of each kind. */
async function targets(): Promise<Target[]> {
  const entityKinds = (await json<{ kinds: { kind: string }[] }>("/api/v1/entities")).kinds;
  const profiles = await Promise.all(
    entityKinds.map(async ({ kind }) => {
      const { entities } = await json<{ entities: { id: string; figures: number }[] }>(`/api/v1/entities/${kind}`);
      const id = (entities.find((e) => e.figures > 0) ?? entities[0]!).id;
      return { element: `<ml-employer-profile kind="${kind}" entity="${id}"></ml-employer-profile>`, fragment: `/api/v1/profiles/${kind}/${id}?format=html` };
    }),
  );
  const charts = (await json<{ charts: { id: string }[] }>("/api/v1/charts")).charts;
  const rankings = (await json<{ rankings: { id: string }[] }>("/api/v1/rankings")).rankings;
  const facts = (await json<{ facts: { id: string }[] }>("/api/v1/facts")).facts;
  const kinds = (await json<{ kinds: { kind: string; example: string }[] }>("/api/v1/compare")).kinds;
  return [
    ...charts.map((c) => ({ element: `<ml-employer-chart chart="${c.id}"></ml-employer-chart>`, fragment: `/api/v1/charts/${c.id}?format=html` })),
    ...rankings.map((r) => ({
      element: `<ml-employer-ranking ranking="${r.id}" limit="all"></ml-employer-ranking>`,
      fragment: `/api/v1/rankings/${r.id}?format=html`,
    })),
    ...facts.map((f) => ({ element: `<ml-employer-fact fact="${f.id}"></ml-employer-fact>`, fragment: `/api/v1/facts/${f.id}?format=html` })),
    ...kinds.map((k) => {
      const q = new URL(k.example, api).searchParams;
      return {
        element: `<ml-employer-compare kind="${k.kind}" a="${q.get("a")}" b="${q.get("b")}"></ml-employer-compare>`,
        fragment: `${k.example}&format=html`,
      };
    }),
    ...profiles,
  ];
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 2000 } });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  // A page on the API origin that loads widgets.js, so the element and the fragment come from one server.
  await page.route(`${api}/__host`, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><title>Host</title><script type="module" src="/widgets.js"></script></head><body></body></html>`,
    }),
  );
  await page.goto(`${api}/__host`);
  await page.waitForFunction(() => customElements.get("ml-employer-fact") !== undefined);
});
afterAll(async () => {
  await browser?.close();
});

/** The figures a reader sees: table rows cell by cell, the fact's value and the figures beside it, the trust labels. */
async function seen(t: Target) {
  return page.evaluate(async ({ element, fragment }) => {
    const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
    const figures = (root: ParentNode, value: string, trust: string) => ({
      rows: [...root.querySelectorAll("table tbody tr")].map((tr) => [...tr.children].map((c) => clean(c.textContent))),
      value: clean(root.querySelector(value)?.textContent),
      beside: [...root.querySelectorAll(`${value} ~ ul li`)].map((li) => clean(li.textContent)),
      trust: [...root.querySelectorAll(`footer ${trust}`)].map((s) => clean(s.textContent)),
    });
    document.body.innerHTML = element;
    const el = document.body.firstElementChild as HTMLElement;
    const root = await new Promise<ShadowRoot>((ok, fail) => {
      const started = Date.now();
      const poll = () => {
        const r = el.shadowRoot;
        const error = r?.querySelector('[role="alert"]');
        if (error) return fail(new Error(`${element}: ${error.textContent}`));
        if (r?.querySelector("footer")) {
          // A chart builds its data table's rows when the reader opens the disclosure: open it, as a reader would.
          const closed = [...r.querySelectorAll("details")].filter((d) => !d.open);
          closed.forEach((d) => (d.open = true));
          const table = r.querySelector("details[part=table]");
          if (table && !table.querySelector("tbody tr") && Date.now() - started < 15_000) return void setTimeout(poll, 20);
          return ok(r);
        }
        if (Date.now() - started > 15_000) return fail(new Error(`${element} did not render`));
        setTimeout(poll, 20);
      };
      poll();
    });
    const res = await fetch(fragment);
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    return {
      status: res.status,
      scripts: doc.querySelectorAll("script").length,
      element: figures(root, ".fact-value", ".trust"),
      fragment: figures(doc, ".ml-employer-value", ".ml-employer-trust"),
    };
  }, t);
}

describe("no-JS fragments", () => {
  it("render the same figures as the elements, for every chart, ranking, fact, comparable kind and a profile of each kind", { timeout: 240_000 }, async () => {
    const all = await targets();
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const t of all) {
      const s = await seen(t);
      expect(s.status, t.fragment).toBe(200);
      expect(s.scripts, t.fragment).toBe(0);
      expect(s.fragment, `${t.fragment} vs ${t.element}`).toEqual(s.element);
      expect(s.element.rows.length + (s.element.value ? 1 : 0), t.element).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
  });
});

describe("embed pages", () => {
  it.each(["light", "dark"])("render a chart as visible SVG with no CSP violations, %s", async (theme) => {
    const p = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const errors: string[] = [];
    p.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    p.on("pageerror", (e) => errors.push(String(e)));
    await p.goto(`${api}/embed/chart/occupations-by-median-wage?theme=${theme}`);
    const box = await p.locator("svg").first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.width).toBeLessThanOrEqual(320);
    const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe(theme === "dark" ? "rgb(22, 26, 31)" : "rgb(255, 255, 255)");
    expect(errors).toEqual([]);
    await p.close();
  });
});
