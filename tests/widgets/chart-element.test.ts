// <ml-employer-chart> in headless Chromium against the real local API.
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import type { ChartEmbed } from "../../core/embed";
import { expectNoPageErrors, mount as mountTag, until } from "./helpers";

const api = inject("apiUrl");
const mount = (attrs: Record<string, string>, parent?: HTMLElement) => mountTag("ml-employer-chart", attrs, parent);

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  expectNoPageErrors();
});

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const bars = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(".figure .bar")];
/** Opens the data table's disclosure and waits for its rows, which are built on first opening. */
async function openTable(el: HTMLElement) {
  const details = await until(() => el.shadowRoot?.querySelector("details"));
  details.open = true;
  await until(() => el.shadowRoot!.querySelector("tbody tr"));
  return el.shadowRoot!;
}

describe("<ml-employer-chart>", () => {
  it("renders visible bars with their names and values, title, summary, data table, source and trust label", async () => {
    const el = mount({ chart: "occupations-by-median-wage", api });
    const bar = await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    expect(bar.getBoundingClientRect().width).toBeGreaterThan(50);
    expect(bar.getBoundingClientRect().height).toBeGreaterThan(8);
    const root = el.shadowRoot!;
    expect(root.querySelector("h2")?.textContent).toBe("ML-relevant occupations by median annual wage");
    expect(root.querySelector(".summary")?.textContent).toContain("$140,300");
    expect(root.querySelector("footer")?.textContent).toContain("U.S. Bureau of Labor Statistics");
    expect(root.querySelector(".trust")?.textContent).toBe("official");
    const drawn = [...root.querySelectorAll(".figure .row")].map((r) => [
      clean(r.querySelector(".label")?.textContent),
      clean(r.querySelector(".value")?.textContent),
    ]);
    expect(drawn).toHaveLength(12);
    expect(drawn).toContainEqual(["Data scientists", "$120,230"]);
    expect(drawn[0]).toEqual(["Computer and information systems managers", "$175,140"]);
    const rows = [...(await openTable(el)).querySelectorAll("tbody tr")].map((tr) => tr.textContent);
    expect(rows.map((r) => r?.replace(/\s+/g, "")).find((r) => r?.includes("Datascientists"))).toMatch(/^\d+Datascientists\$120,230$/);
    expect(root.querySelector<HTMLAnchorElement>('footer a[href$="format=csv"]')?.href).toBe(`${api}/api/v1/rankings/occupations-by-median-wage?format=csv`);
  });

  it("builds the data table's rows when its disclosure first opens, and keeps them", async () => {
    const el = mount({ chart: "occupations-by-median-wage", api });
    await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    const root = el.shadowRoot!;
    expect(root.querySelector("table caption")?.textContent).toBe("ML-relevant occupations by median annual wage");
    expect(root.querySelectorAll("tbody tr")).toHaveLength(0);
    await openTable(el);
    expect(root.querySelectorAll("tbody tr")).toHaveLength(12);
    root.querySelector("details")!.open = false;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(root.querySelectorAll("tbody tr")).toHaveLength(12);
  });

  it("draws each bar from zero in proportion to its value", async () => {
    const el = mount({ chart: "occupations-by-employment", api });
    await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    const values = [...(await openTable(el)).querySelectorAll("tbody td:last-child")].map((td) => Number(td.textContent!.replace(/[^\d.]/g, "")));
    const widths = bars(el).map((b) => b.getBoundingClientRect().width);
    const track = el.shadowRoot!.querySelector<HTMLElement>(".figure .track")!.getBoundingClientRect();
    expect(widths).toHaveLength(values.length);
    const max = Math.max(...values);
    widths.forEach((w, i) => expect(Math.abs(w - (values[i]! / max) * track.width), `row ${i}`).toBeLessThan(1.5));
    for (const b of bars(el)) expect(Math.abs(b.getBoundingClientRect().left - track.left)).toBeLessThan(0.5);
  });

  it("draws a negative value's bar left of the zero line, a positive one right of it", async () => {
    const url = `${api}/api/v1/charts/roles-by-median-wage?format=embed`;
    const real = (await (await fetch(url)).json()) as ChartEmbed;
    const values = [300, -100, 200, 50];
    const changed: ChartEmbed = { ...real, rows: real.rows.map((r, i) => ({ ...r, value: values[i]! })) };
    const fetchReal = window.fetch.bind(window);
    vi.spyOn(window, "fetch").mockImplementation((input, init) =>
      String(input) === url
        ? Promise.resolve(new Response(JSON.stringify(changed), { headers: { "Content-Type": "application/json" } }))
        : fetchReal(input, init),
    );
    const el = mount({ chart: "roles-by-median-wage", api });
    await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    const track = el.shadowRoot!.querySelector(".figure .track")!.getBoundingClientRect();
    const zero = track.left + (100 / 400) * track.width;
    const boxes = bars(el).map((b) => b.getBoundingClientRect());
    expect(Math.abs(boxes[0]!.left - zero)).toBeLessThan(0.5);
    expect(Math.abs(boxes[0]!.width - (300 / 400) * track.width)).toBeLessThan(1.5);
    expect(Math.abs(boxes[1]!.right - zero)).toBeLessThan(0.5);
    expect(Math.abs(boxes[1]!.left - track.left)).toBeLessThan(0.5);
    expect(el.shadowRoot!.querySelectorAll(".figure .value")[1]!.textContent).toBe("-$100");
  });

  it("writes a top-coded row as ≥, marks an estimate to use with caution, and lists the entities left out, from the payload's fields", async () => {
    const url = `${api}/api/v1/charts/occupations-by-median-wage?format=embed`;
    const real = (await (await fetch(url)).json()) as ChartEmbed;
    const marked: ChartEmbed = {
      ...real,
      chart: { ...real.chart, gaps: [{ id: "astronomers", name: "Astronomers", reason: "estimate not released" }] },
      rows: real.rows.map((r, i) =>
        i === 0 ? { ...r, value: 239200, bound: "at-least" as const } : i === 2 ? { ...r, prse: 34.5, reliability: "use-with-caution" as const } : r,
      ),
    };
    const fetchReal = window.fetch.bind(window);
    vi.spyOn(window, "fetch").mockImplementation((input, init) =>
      String(input) === url
        ? Promise.resolve(new Response(JSON.stringify(marked), { headers: { "Content-Type": "application/json" } }))
        : fetchReal(input, init),
    );
    const el = mount({ chart: "occupations-by-median-wage", api });
    await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    const root = el.shadowRoot!;
    const values = [...root.querySelectorAll(".figure .value")];
    expect(clean(values[0]!.textContent)).toBe("≥ $239,200");
    expect(root.querySelector(".figure .row")!.classList.contains("at-least")).toBe(true);
    expect(clean(values[2]!.textContent)).toMatch(/^\$[\d,]+ †$/);
    expect(values[2]!.querySelector(".mark")?.getAttribute("aria-label")).toBe("Use with caution: relative standard error 34.5% (30% or more)");
    const cells = [...(await openTable(el)).querySelectorAll("tbody td:last-child")].map((td) => clean(td.textContent));
    expect(cells[0]).toBe("≥ $239,200");
    expect(cells[2]).toMatch(/^\$[\d,]+ †$/);
    const notes = clean(root.querySelector(".notes")?.textContent);
    expect(notes).toContain("≥ a top code");
    expect(notes).toContain("† relative standard error of 30% or more: use with caution");
    expect(notes).toContain("Astronomers: estimate not released");
  });

  it("loads at once when on screen, and only when scrolled near when far below or not rendered", async () => {
    performance.clearResourceTimings();
    const near = mount({ chart: "occupations-by-employment", api });
    const spacer = document.createElement("div");
    spacer.style.height = `${innerHeight + 3000}px`;
    document.body.append(spacer);
    const far = mount({ chart: "occupations-by-median-wage", api });
    const hidden = mount({ chart: "occupations-by-median-wage", api, hidden: "" });
    // Room below the far chart, so scrolling it into view brings it to the top of the viewport (before it has
    // drawn it is a few pixels tall, and at the end of the page it would stay at the viewport's bottom edge).
    const below = document.createElement("div");
    below.style.height = `${innerHeight}px`;
    document.body.append(below);
    await until(() => near.shadowRoot?.querySelector(".figure .bar"));
    // Two frames: every element's first visibility notice has been delivered. Had the far or hidden chart asked
    // for its payload, it would have gone in the request the near one drew from, or one before it.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const asked = performance.getEntriesByType("resource").map((e) => e.name);
    expect(asked.some((url) => url.includes("occupations-by-employment"))).toBe(true);
    expect(asked.filter((url) => url.includes("occupations-by-median-wage"))).toEqual([]);
    expect(far.shadowRoot?.querySelector(".figure")).toBeNull();
    expect(hidden.shadowRoot?.querySelector(".figure")).toBeNull();
    far.scrollIntoView();
    await until(() => far.shadowRoot?.querySelector(".figure .bar"));
    expect(hidden.shadowRoot?.querySelector(".figure")).toBeNull();
    scrollTo(0, 0);
  });

  it("formats numbers for the lang attribute", async () => {
    const el = mount({ chart: "occupations-by-employment", api, lang: "de-DE" });
    await openTable(el);
    expect(el.shadowRoot!.textContent).toContain("262.440");
  });

  it("ignores a lang that is not a locale, as browsers do, and formats as en-US without throwing", async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    addEventListener("error", onError);
    const el = mount({ chart: "occupations-by-employment", api, lang: "not a locale!" });
    await openTable(el);
    expect(el.shadowRoot!.textContent).toContain("262,440");
    removeEventListener("error", onError);
    expect(errors).toEqual([]);
  });

  it("emphasises the highlighted entity in the chart and the table", async () => {
    const el = mount({ chart: "occupations-by-median-wage", api, highlight: "data-scientists" });
    const row = await until(() => el.shadowRoot?.querySelector(".figure .row.highlight"));
    await openTable(el);
    const rows = [...el.shadowRoot!.querySelectorAll(".figure .row")];
    const names = [...el.shadowRoot!.querySelectorAll("tbody th")].map((th) => th.textContent);
    expect(rows.indexOf(row)).toBe(names.indexOf("Data scientists"));
    expect(rows.indexOf(row)).toBeGreaterThan(0);
    expect(el.shadowRoot!.querySelectorAll(".figure .row.highlight")).toHaveLength(1);
    const colour = (r: Element) => getComputedStyle(r.querySelector(".bar")!).backgroundColor;
    expect(colour(row)).not.toBe(colour(rows[0]!));
    expect(el.shadowRoot!.querySelector("tr.highlight th")?.textContent).toBe("Data scientists");
  });

  it("limits the rows shown, in the chart and in the table", async () => {
    const el = mount({ chart: "metros-by-data-scientist-employment", api, limit: "5" });
    await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    await openTable(el);
    expect(el.shadowRoot!.querySelectorAll("tbody tr")).toHaveLength(5);
    expect(bars(el)).toHaveLength(5);
  });

  it("follows its container's width: names beside the bars when wide, above them when narrow", async () => {
    const box = document.createElement("div");
    box.style.width = "900px";
    document.body.append(box);
    const el = mount({ chart: "occupations-by-median-wage", api }, box);
    const label = await until(() => el.shadowRoot?.querySelector(".figure .label"));
    const bar = () => bars(el)[0]!.getBoundingClientRect();
    expect(label.getBoundingClientRect().right).toBeLessThanOrEqual(bar().left);
    box.style.width = "320px";
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(label.getBoundingClientRect().bottom).toBeLessThanOrEqual(bar().top);
    expect(el.getBoundingClientRect().width).toBe(320);
  });

  it("asks once, at /api/v1/embeds, for the charts of elements that connect in the same task; one alone asks its own URL", async () => {
    const fetchReal = window.fetch.bind(window);
    const urls: string[] = [];
    vi.spyOn(window, "fetch").mockImplementation((input, init) => {
      urls.push(String(input));
      return fetchReal(input, init);
    });
    const ids = ["occupations-by-median-wage", "no-such-chart", "metros-by-data-scientist-employment"];
    const els = ids.map((chart) => mount({ chart, api }));
    await until(() => els.every((el) => el.shadowRoot?.querySelector("footer, [role=alert]")));
    expect(urls).toEqual([`${api}/api/v1/embeds?charts=metros-by-data-scientist-employment,no-such-chart,occupations-by-median-wage`]);
    expect(els[0]!.shadowRoot!.querySelector("h2")?.textContent).toBe("ML-relevant occupations by median annual wage");
    expect(els[1]!.shadowRoot!.querySelector("[role=alert]")?.textContent).toBe('No chart called "no-such-chart" exists.');
    expect(els[2]!.shadowRoot!.querySelectorAll(".figure .bar")).toHaveLength(20);
    urls.length = 0;
    document.body.replaceChildren();
    const late = mount({ chart: "roles-by-median-wage", api });
    await until(() => late.shadowRoot?.querySelector(".figure .bar"));
    expect(urls).toEqual([`${api}/api/v1/charts/roles-by-median-wage?format=embed`]);
  });

  it("on a page that includes the script after its charts, asks for those on screen before the elements are defined, in one request", async () => {
    const ids = ["occupations-by-median-wage", "roles-by-median-wage", "metros-by-data-scientist-employment"];
    const frame = document.createElement("iframe");
    frame.style.cssText = "width:800px;height:600px;border:0";
    // The page records each request and whether the chart element was defined when it was made.
    frame.srcdoc = `<!doctype html><html lang="en"><head><title>early</title><script>
        const f = window.fetch.bind(window);
        window.asked = [];
        window.fetch = (input, init) => (asked.push([String(input), !!customElements.get("ml-employer-chart")]), f(input, init));
      </script><script type="module" src="${location.origin}/widgets/loader.ts"></script></head><body>
      ${ids.map((id) => `<ml-employer-chart chart="${id}" api="${api}"></ml-employer-chart>`).join("")}
      <div style="height:3000px"></div><ml-employer-chart chart="occupations-by-employment" api="${api}"></ml-employer-chart></body></html>`;
    const loaded = new Promise((r) => frame.addEventListener("load", r, { once: true }));
    document.body.append(frame);
    await loaded;
    const els = [...frame.contentDocument!.querySelectorAll("ml-employer-chart")];
    expect(els).toHaveLength(4);
    await until(() => els.slice(0, 3).every((el) => el.shadowRoot?.querySelector(".figure .bar")));
    const asked = (frame.contentWindow as unknown as { asked: [string, boolean][] }).asked;
    expect(asked).toEqual([[`${api}/api/v1/embeds?charts=${[...ids].sort().join(",")}`, false]]);
    expect(els.slice(0, 3).map((el) => el.shadowRoot!.querySelector("h2")?.textContent)).toEqual([
      "ML-relevant occupations by median annual wage",
      "Entry-level roles by median annual wage of their mapped occupation",
      "Metro areas by data-scientist employment (top 20 of 263)",
    ]);
    expect(els[3]!.shadowRoot?.querySelector(".figure")).toBeNull();
  });

  it("uses the answer to a page's preload of its payload instead of asking again", async () => {
    const url = `${api}/api/v1/charts/roles-by-median-wage?format=embed`;
    const frame = document.createElement("iframe");
    frame.srcdoc = `<!doctype html><html lang="en"><head><title>preload</title><link rel="preload" as="fetch" crossorigin href="${url}">
      <script type="module" src="${location.origin}/widgets/loader.ts"></script></head><body>
      <ml-employer-chart chart="roles-by-median-wage" api="${api}"></ml-employer-chart></body></html>`;
    const loaded = new Promise((r) => frame.addEventListener("load", r, { once: true }));
    document.body.append(frame);
    await loaded;
    const el = frame.contentDocument!.querySelector("ml-employer-chart")!;
    await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    expect(frame.contentWindow!.performance.getEntriesByName(url)).toHaveLength(1);
  });

  it("splits a batch of more than 50 charts into requests of at most 50 (the API's limit)", async () => {
    const urls: string[] = [];
    vi.spyOn(window, "fetch").mockImplementation((input) => {
      urls.push(String(input));
      const ids = new URL(String(input)).searchParams.get("charts")!.split(",");
      const body = { snapshot: { id: "x", builtAt: "2026-01-01" }, charts: ids.map((id) => ({ id, status: 404, problem: { code: "unknown-chart" } })) };
      return Promise.resolve(new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } }));
    });
    const els = Array.from({ length: 60 }, (_, i) => {
      const el = mount({ chart: `c${String(i).padStart(2, "0")}`, api });
      el.style.cssText = "display:inline-block;width:4px;height:4px;overflow:hidden";
      return el;
    });
    await until(() => els.every((el) => el.shadowRoot?.querySelector("[role=alert]")));
    expect(urls.map((u) => new URL(u).searchParams.get("charts")!.split(",").length)).toEqual([50, 10]);
    expect(els[59]!.shadowRoot!.querySelector("[role=alert]")!.textContent).toBe('No chart called "c59" exists.');
  });

  it("falls back to one request per chart when the API has no batch route", async () => {
    const fetchReal = window.fetch.bind(window);
    const urls: string[] = [];
    vi.spyOn(window, "fetch").mockImplementation((input, init) => {
      urls.push(String(input));
      return String(input).includes("/api/v1/embeds") ? Promise.resolve(new Response("{}", { status: 404 })) : fetchReal(input, init);
    });
    const els = ["occupations-by-median-wage", "roles-by-median-wage"].map((chart) => mount({ chart, api }));
    await until(() => els.every((el) => el.shadowRoot?.querySelector(".figure .bar")));
    expect(urls.filter((u) => u.includes("format=embed")).sort()).toEqual([
      `${api}/api/v1/charts/occupations-by-median-wage?format=embed`,
      `${api}/api/v1/charts/roles-by-median-wage?format=embed`,
    ]);
  });

  it("says it is loading while the payload has not come, then draws the chart", async () => {
    const fetchReal = window.fetch.bind(window);
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    vi.spyOn(window, "fetch").mockImplementation(async (input, init) => {
      await held;
      return fetchReal(input, init);
    });
    const el = mount({ chart: "roles-by-median-wage", api });
    const status = await until(() => el.shadowRoot?.querySelector('[role="status"]'));
    expect(status.textContent).toBe("Loading chart…");
    expect(el.shadowRoot!.querySelector(".figure")).toBeNull();
    release();
    await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    expect(el.shadowRoot!.querySelector('[role="status"]')).toBeNull();
  });

  it("shows an accessible message for an unknown chart, inside the element", async () => {
    const el = mount({ chart: "no-such-chart", api });
    const alert = await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(alert.textContent).toBe('No chart called "no-such-chart" exists.');
  });

  it("asks for the missing chart attribute", async () => {
    const el = mount({ api });
    const alert = await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('needs a "chart" attribute');
  });

  it("refuses a non-http api attribute without fetching", async () => {
    const el = mount({ chart: "occupations-by-employment", api: "javascript:alert(1)" });
    const alert = await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(alert.textContent).toBe('The "api" attribute is not valid.');
  });

  it("says the service did not answer when the API is unreachable", async () => {
    const el = mount({ chart: "occupations-by-employment", api: "http://127.0.0.1:9" });
    const alert = await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain("did not answer");
  });

  it("never turns attribute values into markup", async () => {
    const hostile = '"><img src=x onerror="window.__pwned=1">';
    const el = mount({ chart: hostile, api });
    await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(el.shadowRoot!.querySelector("img")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("registers once even when the loader runs twice, and the second copy asks for nothing", async () => {
    const el = mount({ chart: "roles-by-median-wage", api });
    await until(() => el.shadowRoot?.querySelector(".figure .bar"));
    const urls: string[] = [];
    const fetchReal = window.fetch.bind(window);
    vi.spyOn(window, "fetch").mockImplementation((input, init) => {
      urls.push(String(input));
      return fetchReal(input, init);
    });
    await import(/* @vite-ignore */ `../../widgets/loader.ts?again=${Date.now()}`);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(customElements.get("ml-employer-chart")).toBeDefined();
    expect(urls).toEqual([]);
  });
});
