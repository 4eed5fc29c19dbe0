// <ml-employer-chart> in headless Chromium against the real local API.
import { afterEach, describe, expect, inject, it } from "vitest";
import { expectNoPageErrors, mount as mountTag, until } from "./helpers";

const api = inject("apiUrl");
const mount = (attrs: Record<string, string>) => mountTag("ml-employer-chart", attrs);

afterEach(() => {
  document.body.replaceChildren();
  expectNoPageErrors();
});

describe("<ml-employer-chart>", () => {
  it("renders a visible SVG chart with title, summary, data table, source and trust label", async () => {
    const el = mount({ chart: "occupations-by-median-wage", api });
    const svg = await until(() => el.shadowRoot?.querySelector(".figure svg"));
    const box = svg.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(50);
    const root = el.shadowRoot!;
    expect(root.querySelector("h2")?.textContent).toBe("ML-relevant occupations by median annual wage");
    expect(root.querySelector(".summary")?.textContent).toContain("$140,300");
    expect(root.querySelector("footer")?.textContent).toContain("U.S. Bureau of Labor Statistics");
    expect(root.querySelector(".trust")?.textContent).toBe("official");
    const rows = [...root.querySelectorAll("tbody tr")].map((tr) => tr.textContent);
    expect(rows.map((r) => r?.replace(/\s+/g, "")).find((r) => r?.includes("Datascientists"))).toMatch(/^\d+Datascientists\$120,230$/);
    expect(root.querySelector<HTMLAnchorElement>('footer a[href$="format=csv"]')?.href).toBe(
      `${api}/api/v1/rankings/occupations-by-median-wage?format=csv`,
    );
  });

  it("loads at once when on screen, and only when scrolled near when far below or not rendered", async () => {
    const near = mount({ chart: "occupations-by-employment", api });
    const spacer = document.createElement("div");
    spacer.style.height = `${innerHeight + 3000}px`;
    document.body.append(spacer);
    const far = mount({ chart: "occupations-by-median-wage", api });
    const hidden = mount({ chart: "occupations-by-median-wage", api, hidden: "" });
    await until(() => near.shadowRoot?.querySelector(".figure svg"));
    await new Promise((r) => setTimeout(r, 300));
    expect(far.shadowRoot?.querySelector(".figure")).toBeNull();
    expect(hidden.shadowRoot?.querySelector(".figure")).toBeNull();
    far.scrollIntoView();
    await until(() => far.shadowRoot?.querySelector(".figure svg"));
    expect(hidden.shadowRoot?.querySelector(".figure")).toBeNull();
    scrollTo(0, 0);
  });

  it("formats numbers for the lang attribute", async () => {
    const el = mount({ chart: "occupations-by-employment", api, lang: "de-DE" });
    await until(() => el.shadowRoot?.querySelector("tbody tr"));
    expect(el.shadowRoot!.textContent).toContain("262.440");
  });

  it("ignores a lang that is not a locale, as browsers do, and formats as en-US without throwing", async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    addEventListener("error", onError);
    const el = mount({ chart: "occupations-by-employment", api, lang: "not a locale!" });
    await until(() => el.shadowRoot?.querySelector("tbody tr"));
    expect(el.shadowRoot!.textContent).toContain("262,440");
    removeEventListener("error", onError);
    expect(errors).toEqual([]);
  });

  it("becomes a live Vega view on first pointer contact", async () => {
    const el = mount({ chart: "occupations-by-employment", api });
    const figure = await until(() => el.shadowRoot?.querySelector<HTMLElement>(".figure:has(svg)"));
    figure.dispatchEvent(new PointerEvent("pointerenter"));
    await until(() => figure.dataset.live === "1");
    expect(figure.querySelector("svg .mark-rect")).not.toBeNull();
  });

  it("emphasises the highlighted entity in the chart and the table", async () => {
    const el = mount({ chart: "occupations-by-median-wage", api, highlight: "data-scientists" });
    const bar = await until(() => el.shadowRoot?.querySelector(".figure svg .role-mark path.atlas-highlight"));
    const bars = [...el.shadowRoot!.querySelectorAll(".figure svg .role-mark path")];
    const rows = [...el.shadowRoot!.querySelectorAll("tbody th")].map((th) => th.textContent);
    expect(bars.indexOf(bar)).toBe(rows.indexOf("Data scientists"));
    expect(bars.indexOf(bar)).toBeGreaterThan(0);
    expect(el.shadowRoot!.querySelector("tr.highlight th")?.textContent).toBe("Data scientists");
  });

  it("limits the rows shown, in the table and in the live chart", async () => {
    const el = mount({ chart: "metros-by-data-scientist-employment", api, limit: "5" });
    await until(() => el.shadowRoot?.querySelector<HTMLElement>('.figure[data-live="1"]'));
    expect(el.shadowRoot!.querySelectorAll("tbody tr")).toHaveLength(5);
    expect(el.shadowRoot!.querySelectorAll(".figure svg .role-mark path")).toHaveLength(5);
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

  it("registers once even when the loader runs twice", async () => {
    await import(/* @vite-ignore */ `../../widgets/loader.ts?again=${Date.now()}`);
    expect(customElements.get("ml-employer-chart")).toBeDefined();
  });
});
