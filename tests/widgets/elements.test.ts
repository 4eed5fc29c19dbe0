// <ml-employer-ranking>, <ml-employer-compare> and <ml-employer-fact> in Chromium, plus an axe-core audit.
import axe from "axe-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { expectNoPageErrors, mount, until } from "./helpers";

const api = inject("apiUrl");
afterEach(() => {
  document.body.replaceChildren();
  expectNoPageErrors();
});

const footer = (el: HTMLElement) => until(() => el.shadowRoot?.querySelector("footer"));

describe("<ml-employer-ranking>", () => {
  it("renders the top N rows with formatted values and the source", async () => {
    const el = mount("ml-employer-ranking", { ranking: "metros-by-data-scientist-employment", limit: "3", api });
    await footer(el);
    const rows = [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) => r.textContent!.replace(/\s+/g, " ").trim());
    expect(rows).toEqual(["1 New York-Newark-Jersey City, NY-NJ 19,810", "2 Los Angeles-Long Beach-Anaheim, CA 10,030", "3 San Francisco-Oakland-Fremont, CA 9,350"]);
    expect(el.shadowRoot!.querySelector("h2")!.textContent).toContain("(top 3 of 263)");
    expect(el.shadowRoot!.querySelector(".trust")!.textContent).toBe("third-party");
  });
});

describe("trust marks in the elements", () => {
  const rowsOf = (el: HTMLElement) =>
    [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, " ").trim()).join(" "));

  it("shows a top-coded wage as ≥ its bound, first, and says what the bound means, in the ranking and the chart", async () => {
    for (const [tag, attr] of [["ml-employer-ranking", "ranking"], ["ml-employer-chart", "chart"]] as const) {
      const el = mount(tag, { [attr]: "naics-industries-by-data-scientist-90th-percentile-wage", api });
      await footer(el);
      // A chart builds its table rows when the reader opens the disclosure.
      const details = el.shadowRoot!.querySelector("details[part=table]");
      if (details) {
        (details as HTMLDetailsElement).open = true;
        await until(() => el.shadowRoot!.querySelector("tbody tr"));
      }
      expect(rowsOf(el)[0], tag).toBe("1 Web Search Portals, Libraries, Archives, and Other Information Services ≥ $239,200");
      expect(el.shadowRoot!.querySelector(".notes")!.textContent, tag).toContain("≥ a top code");
      el.remove();
    }
  });

  it("marks a high-PRSE estimate with a † named by its reason, and lists the states left out with BLS's words", async () => {
    const el = mount("ml-employer-ranking", { ranking: "states-by-research-scientist-employment", limit: "all", api });
    await footer(el);
    const mark = el.shadowRoot!.querySelector("tbody .caution")!;
    expect(mark.textContent).toBe("†");
    expect(mark.getAttribute("role")).toBe("img");
    expect(mark.getAttribute("aria-label")).toMatch(/^Use with caution: relative standard error \d+(\.\d+)?% \(30% or more\)$/);
    const gaps = el.shadowRoot!.querySelector(".notes details")!;
    expect(gaps.querySelector("summary")!.textContent).toMatch(/^\d+ left out: no published figure$/);
    expect(gaps.textContent).toContain("BLS:");
  });
});

describe("<ml-employer-compare>", () => {
  it("shows both entities' figures side by side", async () => {
    const el = mount("ml-employer-compare", { kind: "occupations", a: "data-scientists", b: "statisticians", api });
    await footer(el);
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, " ");
    expect(text).toContain("Data scientists and Statisticians");
    expect(text).toMatch(/Median annual wage, May 2025 \$120,230 \$105,650/);
  });

  it("explains an unknown entity inside the element", async () => {
    const el = mount("ml-employer-compare", { kind: "occupations", a: "data-scientists", b: "wizards", api });
    const alert = await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain("wizards");
  });
});

describe("<ml-employer-fact>", () => {
  it("shows the key figure with its label, trust and period", async () => {
    const el = mount("ml-employer-fact", { fact: "data-scientist-growth-2023-33", api });
    await footer(el);
    expect(el.shadowRoot!.querySelector(".fact-value")!.textContent).toBe("36%");
    expect(el.shadowRoot!.querySelector(".fact-label")!.textContent).toContain("official");
  });
});

describe("themes", () => {
  const frameScheme = (el: HTMLElement) => (el.shadowRoot!.querySelector(".frame")!.classList.contains("dark") ? "dark" : "light");
  const settled = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

  it("follow the host page live with theme=auto (declared color-scheme, then background), and keep an explicit theme", async () => {
    const root = document.documentElement;
    const auto = [mount("ml-employer-fact", { fact: "internship-effect", api }), mount("ml-employer-fact", { fact: "data-scientist-growth-2023-33", api })];
    const light = mount("ml-employer-fact", { fact: "internship-effect", api, theme: "light" });
    for (const el of [...auto, light]) await footer(el);
    try {
      expect([...auto, light].map(frameScheme)).toEqual(["light", "light", "light"]);
      root.style.colorScheme = "dark";
      await settled();
      expect([...auto, light].map(frameScheme)).toEqual(["dark", "dark", "light"]);
      root.style.colorScheme = "";
      document.body.style.background = "#101214";
      await settled();
      expect([...auto, light].map(frameScheme)).toEqual(["dark", "dark", "light"]);
      document.body.style.background = "";
      await settled();
      expect([...auto, light].map(frameScheme)).toEqual(["light", "light", "light"]);
      light.setAttribute("theme", "dark");
      await settled();
      expect(frameScheme(light)).toBe("dark");
    } finally {
      root.style.colorScheme = "";
      document.body.style.background = "";
    }
  });
});

describe("accessibility", () => {
  it("has no serious or critical axe-core findings for the four elements", async () => {
    const els = [
      mount("ml-employer-chart", { chart: "occupations-by-median-wage", api }),
      mount("ml-employer-ranking", { ranking: "occupations-by-employment", api }),
      mount("ml-employer-compare", { kind: "occupations", a: "data-scientists", b: "statisticians", api }),
      mount("ml-employer-fact", { fact: "internship-effect", api }),
    ];
    for (const el of els) await footer(el);
    document.documentElement.lang = "en";
    document.title = "axe";
    const result = await axe.run(document, { resultTypes: ["violations"] });
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

describe("pinned to a snapshot", () => {
  it("shows the pinned snapshot's figures with a quiet line to the newer ones, while an unpinned element shows the latest", async () => {
    const list = (await (await fetch(`${api}/api/v1/snapshots`)).json()) as { current: string; snapshots: { id: string }[] };
    expect(list.snapshots.length, "the test server publishes the May 2024 edition before the May 2025 one").toBe(2);
    const older = list.snapshots[0]!.id;
    const cell = (el: HTMLElement) =>
      [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent!.trim())).find((r) => r[1] === "Data scientists")?.[2];
    const pinned = mount("ml-employer-ranking", { ranking: "occupations-by-employment", snapshot: older, api });
    const latest = mount("ml-employer-ranking", { ranking: "occupations-by-employment", api });
    await footer(pinned);
    await footer(latest);
    expect(cell(pinned)).toBe("233,440");
    expect(cell(latest)).toBe("262,440");
    const notice = await until(() => pinned.shadowRoot!.querySelector<HTMLAnchorElement>(".newer a"));
    expect(notice.textContent).toBe("Newer figures: May 2025 →");
    expect(notice.href).toBe(`${api}/embed/ranking/occupations-by-employment`);
    expect(latest.shadowRoot!.querySelector(".newer")).toBeNull();
    // On its own, so that it starts near the viewport whatever the two rankings' height.
    document.body.replaceChildren();
    const bad = mount("ml-employer-fact", { fact: "data-scientist-employment", snapshot: "not-a-snapshot", api });
    expect((await until(() => bad.shadowRoot?.querySelector('[role="alert"]'))).textContent).toContain("snapshot");
  });
});
