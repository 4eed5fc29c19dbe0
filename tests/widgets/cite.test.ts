// "Cite this" in the four elements' footers: one closed line that opens to the citation as plain text and BibTeX,
// pinned to the snapshot the element shows, with the URL absolute against the element's API; legible at 320 px
// and without axe-core findings when open.
import axe from "axe-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { expectNoPageErrors, mount, until } from "./helpers";
import { legibilityProblems } from "./legibility";

const api = inject("apiUrl");
afterEach(() => {
  document.body.replaceChildren();
  expectNoPageErrors();
});

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

const ELEMENTS = [
  ["ml-employer-chart", { chart: "occupations-by-median-wage" }, "/api/v1/charts/occupations-by-median-wage"],
  ["ml-employer-ranking", { ranking: "metros-by-data-scientist-employment" }, "/api/v1/rankings/metros-by-data-scientist-employment"],
  [
    "ml-employer-compare",
    { kind: "metros", a: "new-york-newark-jersey-city-ny-nj", b: "san-jose-sunnyvale-santa-clara-ca" },
    "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca",
  ],
  ["ml-employer-fact", { fact: "internship-effect" }, "/api/v1/facts/internship-effect"],
] as const;

describe("Cite this in the element footer", () => {
  it.each(ELEMENTS)("<%s> offers its citation, closed on one line, pinned and absolute when opened", async (tag, attrs, path) => {
    const box = document.createElement("div");
    box.style.width = "320px";
    document.body.append(box);
    const el = mount(tag, { ...attrs, api }, box);
    const footer = await until(() => el.shadowRoot?.querySelector("footer"));
    const snapshot = /Snapshot ([0-9a-f]{12})/.exec(footer.textContent!)![1]!;
    const cite = footer.querySelector<HTMLDetailsElement>("details.cite");
    expect(cite, "a Cite this disclosure in the footer").not.toBeNull();
    expect(cite!.open).toBe(false);
    const summary = cite!.querySelector("summary")!;
    expect(summary.textContent!.trim()).toBe("Cite this");
    const line = parseFloat(getComputedStyle(summary).lineHeight) || parseFloat(getComputedStyle(summary).fontSize) * 1.5;
    expect(cite!.getBoundingClientRect().height).toBeLessThan(line * 1.6);

    cite!.open = true;
    await frames();
    const url = `${api}${path}${path.includes("?") ? "&" : "?"}snapshot=${snapshot}`;
    const [text, bibtex] = [cite!.querySelector("p")!.textContent!, cite!.querySelector("pre")!.textContent!];
    expect(text).toMatch(/^ML Employer Atlas, “.+” \((chart|ranking|comparison|key figure), snapshot [0-9a-f]{12}\)\. Figures for .+\. Sources?: .+\. /);
    expect(text).toContain(`snapshot ${snapshot}).`);
    expect(text.endsWith(`${url} (accessed [date]).`), text).toBe(true);
    expect(bibtex).toMatch(new RegExp(`^@misc\\{atlas-[a-z]+-[a-z0-9-]+-${snapshot},\\n`));
    expect(bibtex).toContain(`  url = {${url}},`);
    expect(bibtex).toContain("Accessed: },");
    // Legible at 320 px with every disclosure open, as tests/widgets/legibility.test.ts reads the elements.
    for (const d of el.shadowRoot!.querySelectorAll("details")) d.open = true;
    await frames();
    expect(legibilityProblems(el, box)).toEqual([]);
  });

  it("has no serious or critical axe-core findings with every citation open", async () => {
    const els = ELEMENTS.map(([tag, attrs]) => mount(tag, { ...attrs, api }));
    for (const el of els) (await until(() => el.shadowRoot?.querySelector<HTMLDetailsElement>("footer details.cite"))).open = true;
    await frames();
    document.documentElement.lang = "en";
    document.title = "axe";
    const result = await axe.run(document, { resultTypes: ["violations"] });
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
