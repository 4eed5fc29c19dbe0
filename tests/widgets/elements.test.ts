// <ml-employer-ranking>, <ml-employer-compare> and <ml-employer-fact> in Chromium, plus an axe-core audit; what every
// element says in its own words, and an element leaving the page mid-load.
import axe from "axe-core";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { expectNoPageErrors, mount, until } from "./helpers";

const api = inject("apiUrl");
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  expectNoPageErrors();
});

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Each element, what it asks for, the same with an unknown id, and its message for that. */
const elements = [
  {
    tag: "ml-employer-chart",
    noun: "chart",
    attrs: { chart: "occupations-by-median-wage" },
    missing: "chart",
    unknown: { chart: "no-such-chart" },
    notFound: 'No chart called "no-such-chart" exists.',
  },
  {
    tag: "ml-employer-ranking",
    noun: "ranking",
    attrs: { ranking: "occupations-by-employment" },
    missing: "ranking",
    unknown: { ranking: "no-such-ranking" },
    notFound: 'No ranking called "no-such-ranking" exists.',
  },
  {
    tag: "ml-employer-compare",
    noun: "comparison",
    attrs: { kind: "occupations", a: "data-scientists", b: "statisticians" },
    missing: "kind",
    unknown: { kind: "occupations", a: "data-scientists", b: "wizards" },
    notFound: 'No comparison of "data-scientists" and "wizards" exists.',
  },
  {
    tag: "ml-employer-fact",
    noun: "fact",
    attrs: { fact: "internship-effect" },
    missing: "fact",
    unknown: { fact: "no-such-fact" },
    notFound: 'No fact called "no-such-fact" exists.',
  },
  {
    tag: "ml-employer-profile",
    noun: "profile",
    attrs: { kind: "metros", entity: "pittsburgh-pa" },
    missing: "kind",
    unknown: { kind: "metros", entity: "atlantis" },
    notFound: 'No profile called "metros/atlantis" exists.',
  },
] as const;

/** fetch held until release(); each call's signal is kept. */
function holdFetch() {
  const fetchReal = window.fetch.bind(window);
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  const signals: AbortSignal[] = [];
  vi.spyOn(window, "fetch").mockImplementation(async (input, init) => {
    if (init?.signal) signals.push(init.signal);
    await held;
    return fetchReal(input, init);
  });
  return { signals, release };
}

describe("each element's messages, in its own words", () => {
  for (const e of elements) {
    it(`<${e.tag}> says it is loading, names an unknown ${e.noun}, and asks for a missing attribute`, async () => {
      const { release } = holdFetch();
      const slow = mount(e.tag, { ...e.attrs, api });
      const status = await until(() => slow.shadowRoot?.querySelector('[role="status"]'));
      expect(status.textContent).toBe(`Loading ${e.noun}…`);
      release();
      await until(() => slow.shadowRoot?.querySelector("footer"));
      slow.remove(); // so the next ones are on screen and load at once
      vi.restoreAllMocks();
      const unknown = mount(e.tag, { ...e.unknown, api });
      expect((await until(() => unknown.shadowRoot?.querySelector('[role="alert"]'))).textContent).toBe(e.notFound);
      const bare = mount(e.tag, { api });
      expect((await until(() => bare.shadowRoot?.querySelector('[role="alert"]'))).textContent).toBe(`This ${e.noun} needs a "${e.missing}" attribute.`);
      const offline = mount(e.tag, { ...e.attrs, api: "http://127.0.0.1:9" });
      expect((await until(() => offline.shadowRoot?.querySelector('[role="alert"]'))).textContent).toBe(
        `The ${e.noun} could not be loaded: the data service did not answer.`,
      );
    });
  }
});

describe("an element that leaves the page while loading", () => {
  for (const e of elements) {
    it(`<${e.tag}> aborts its request and writes nothing more; put back, it loads again`, async () => {
      const { signals, release } = holdFetch();
      const el = mount(e.tag, { ...e.attrs, api });
      await until(() => signals.length > 0);
      const root = el.shadowRoot!;
      const before = root.innerHTML;
      const writes: MutationRecord[] = [];
      new MutationObserver((m) => writes.push(...m)).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      el.remove();
      expect(signals.every((s) => s.aborted)).toBe(true);
      release();
      await new Promise((r) => setTimeout(r, 300)); // past the loading message's delay too
      await frames();
      expect(writes).toEqual([]);
      expect(root.innerHTML).toBe(before);
      vi.restoreAllMocks();
      document.body.append(el);
      await until(() => el.shadowRoot!.querySelector("footer"));
      expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    });
  }
});

const footer = (el: HTMLElement) => until(() => el.shadowRoot?.querySelector("footer"));

describe("<ml-employer-ranking>", () => {
  it("renders the top N rows with formatted values and the source", async () => {
    const el = mount("ml-employer-ranking", { ranking: "metros-by-data-scientist-employment", limit: "3", api });
    await footer(el);
    const rows = [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) => r.textContent!.replace(/\s+/g, " ").trim());
    expect(rows).toEqual([
      "1 New York-Newark-Jersey City, NY-NJ 19,810",
      "2 Los Angeles-Long Beach-Anaheim, CA 10,030",
      "3 San Francisco-Oakland-Fremont, CA 9,350",
    ]);
    expect(el.shadowRoot!.querySelector("h2")!.textContent).toContain("(top 3 of 263)");
    expect(el.shadowRoot!.querySelector(".trust")!.textContent).toBe("third-party");
  });
});

describe("trust marks in the elements", () => {
  const rowsOf = (el: HTMLElement) =>
    [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, " ").trim()).join(" "));

  it("shows a top-coded wage as ≥ its bound, first, and says what the bound means, in the ranking and the chart", async () => {
    for (const [tag, attr] of [
      ["ml-employer-ranking", "ranking"],
      ["ml-employer-chart", "chart"],
    ] as const) {
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
      [...el.shadowRoot!.querySelectorAll("tbody tr")]
        .map((r) => [...r.children].map((c) => c.textContent!.trim()))
        .find((r) => r[1] === "Data scientists")?.[2];
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
    expect((await until(() => bad.shadowRoot?.querySelector('[role="alert"]'))).textContent?.trim()).toBe('The "snapshot" attribute is not valid.');
  });

  it("says so when the snapshot it is pinned to was never published, rather than that the resource does not exist", async () => {
    const fact = mount("ml-employer-fact", { fact: "data-scientist-employment", snapshot: "000000000000", api });
    const chart = mount("ml-employer-chart", { chart: "occupations-by-employment", snapshot: "000000000000", api });
    expect((await until(() => fact.shadowRoot?.querySelector('[role="alert"]'))).textContent?.trim()).toBe(
      "This fact is pinned to a snapshot the atlas never published.",
    );
    expect((await until(() => chart.shadowRoot?.querySelector('[role="alert"]'))).textContent?.trim()).toBe(
      "This chart is pinned to a snapshot the atlas never published.",
    );
  });
});
