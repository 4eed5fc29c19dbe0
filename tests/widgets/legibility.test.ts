// Every element at container widths 320–1200 px, light and dark: text drawn at ≥ 11 px that neither overlaps nor
// leaves the frame, table words never broken, chart labels unique and naming their rows, a comparison stacked
// where its columns would not fit.
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { page } from "vitest/browser";
import { expectNoPageErrors, mount, until } from "./helpers";
import { chartLabelProblems, contrast, legibilityProblems } from "./legibility";

const api = inject("apiUrl");
const WIDTHS = [320, 400, 640, 960, 1200];
const SCHEMES = ["light", "dark"] as const;

beforeAll(async () => {
  await page.viewport(1300, 1000);
});
afterEach(() => {
  document.body.replaceChildren();
  expectNoPageErrors();
});

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Mounts `tag` in a container, waits for it to render, then yields it at each width with its disclosures open. */
async function* atWidths(tag: string, attrs: Record<string, string>) {
  const box = document.createElement("div");
  document.body.append(box);
  const el = mount(tag, { ...attrs, api }, box);
  await until(() => el.shadowRoot?.querySelector("footer, [role=alert]"));
  const alert = el.shadowRoot!.querySelector("[role=alert]");
  if (alert) throw new Error(`${tag}: ${alert.textContent}`);
  for (const d of el.shadowRoot!.querySelectorAll("details")) d.open = true;
  for (const width of WIDTHS) {
    box.style.width = `${width}px`;
    await frames();
    yield { el, box, width };
  }
}

async function check(tag: string, attrs: Record<string, string>) {
  const problems: string[] = [];
  for await (const { el, box, width } of atWidths(tag, attrs)) {
    const found = [...legibilityProblems(el, box), ...(tag === "ml-employer-chart" ? chartLabelProblems(el) : [])];
    problems.push(...found.map((p) => `${width} px: ${p}`));
  }
  return problems;
}

const charts = (await (await fetch(`${api}/api/v1/charts`)).json()) as { charts: { id: string }[] };

describe.each(SCHEMES)("legible at 320–1200 px, %s", (theme) => {
  it.each(charts.charts.map((c) => c.id))("<ml-employer-chart chart=%s>", async (chart) => {
    expect(await check("ml-employer-chart", { chart, theme, highlight: "data-scientists" })).toEqual([]);
  });

  it.each([
    ["ml-employer-ranking", { ranking: "metros-by-data-scientist-location-quotient", limit: "all" }],
    ["ml-employer-ranking", { ranking: "sectors-by-data-scientist-employment" }],
    ["ml-employer-compare", { kind: "metros", a: "new-york-newark-jersey-city-ny-nj", b: "san-jose-sunnyvale-santa-clara-ca" }],
    ["ml-employer-compare", { kind: "occupations", a: "computer-and-information-research-scientists", b: "computer-and-information-systems-managers" }],
    ["ml-employer-fact", { fact: "internship-effect" }],
    ["ml-employer-fact", { fact: "data-scientist-growth-2023-33" }],
  ] as const)("<%s> %o", async (tag, attrs) => {
    expect(await check(tag, { ...attrs, theme })).toEqual([]);
  });

  it("draws chart labels and values in colours that contrast with the frame (≥ 4.5:1)", async () => {
    for await (const { el } of atWidths("ml-employer-chart", { chart: "occupations-by-median-wage", theme, highlight: "data-scientists" })) {
      const root = el.shadowRoot!;
      const bg = getComputedStyle(root.querySelector(".frame")!).backgroundColor;
      const texts = [...root.querySelectorAll(".figure .label, .figure .value, .figure .axis")];
      expect(texts.length).toBeGreaterThan(12);
      for (const t of texts) expect(contrast(getComputedStyle(t).color, bg), t.textContent!).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("the comparison at narrow widths", () => {
  it("stacks each figure: both values and the ratio on lines of their own, each labelled", async () => {
    for await (const { el, width } of atWidths("ml-employer-compare", {
      kind: "metros",
      a: "new-york-newark-jersey-city-ny-nj",
      b: "san-jose-sunnyvale-santa-clara-ca",
    })) {
      const rows = [...el.shadowRoot!.querySelectorAll("tbody tr")];
      expect(rows.length).toBeGreaterThan(3);
      for (const tr of rows) {
        const cells = [...tr.querySelectorAll("td")];
        const tops = new Set(cells.map((td) => Math.round(td.getBoundingClientRect().top)));
        const labelled = cells.every((td) => !["none", "normal"].includes(getComputedStyle(td, "::before").content));
        if (width <= 400) {
          expect(tops.size, `${width} px`).toBe(cells.length);
          expect(labelled, `${width} px`).toBe(true);
        } else {
          expect(tops.size, `${width} px`).toBe(1);
        }
      }
    }
  });
});
