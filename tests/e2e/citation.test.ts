// "Cite this" on the real local server: every ranking, chart, comparison and fact body carries a citation pinned to
// the snapshot that served it, naming exactly the periods of the figures it shows; its pinned URL answers; the
// script-free fragment shows it with the URL made absolute.
import { describe, expect, inject, it } from "vitest";

const BASE = inject("apiUrl");

interface Citation {
  text: string;
  bibtex: string;
  url: string;
}
interface Period {
  period: string;
}

async function get<T>(path: string): Promise<{ body: T; snapshot: string }> {
  const res = await fetch(BASE + path);
  expect(res.status, path).toBe(200);
  return { body: (await res.json()) as T, snapshot: res.headers.get("X-Atlas-Snapshot") ?? "" };
}

/** The periods a citation names ("Figures for May 2021; May 2024. Source…"). */
function citedPeriods(c: Citation): string[] {
  const m = /\. Figures for (.+?)\. Sources?: /.exec(c.text);
  expect(m, c.text).not.toBeNull();
  return m![1]!.split("; ");
}

const expected = (figures: readonly Period[]) => [...new Set(figures.map((f) => f.period))].sort();

/** The citation is pinned to the snapshot that answered, in its url, its text and its BibTeX, and names these periods. */
function checkCitation(where: string, c: Citation | undefined, path: string, snapshot: string, figures: readonly Period[], problems: string[]) {
  if (!c) return void problems.push(`${where}: no citation`);
  const url = `${path}${path.includes("?") ? "&" : "?"}snapshot=${snapshot}`;
  if (c.url !== url) problems.push(`${where}: url ${c.url}, expected ${url}`);
  if (!c.text.includes(`snapshot ${snapshot}`) || !c.text.includes(`${url} (accessed [date]).`)) problems.push(`${where}: text does not name ${url}`);
  if (!c.bibtex.includes(`  url = {${url}},`) || !new RegExp(`^@misc\\{atlas-[a-z0-9-]+-${snapshot},\\n`).test(c.bibtex))
    problems.push(`${where}: BibTeX not pinned to ${snapshot}`);
  const named = citedPeriods(c);
  if (JSON.stringify(named) !== JSON.stringify(expected(figures)))
    problems.push(`${where}: periods ${named.join("; ")}, figures have ${expected(figures).join("; ")}`);
}

describe("citations", () => {
  it("every ranking, chart, comparison and fact body carries a citation pinned to its snapshot, naming its figures' periods", {
    timeout: 120_000,
  }, async () => {
    const problems: string[] = [];
    let checked = 0;
    const { body: rankings } = await get<{ rankings: { id: string }[] }>("/api/v1/rankings");
    for (const { id } of rankings.rankings) {
      const { body, snapshot } = await get<{ snapshot: { id: string }; ranking: { items: { figure: Period }[] }; citation?: Citation }>(
        `/api/v1/rankings/${id}`,
      );
      expect(body.snapshot.id).toBe(snapshot);
      checkCitation(
        `ranking ${id}`,
        body.citation,
        `/api/v1/rankings/${id}`,
        snapshot,
        body.ranking.items.map((it) => it.figure),
        problems,
      );
      // A chart draws the ranking's first rows: its citation names their periods.
      const chart = await get<{ data: { values: unknown[] }; usermeta: { citation?: Citation } }>(`/api/v1/charts/${id}`);
      const shown = body.ranking.items.slice(0, chart.body.data.values.length).map((it) => it.figure);
      checkCitation(`chart ${id}`, chart.body.usermeta.citation, `/api/v1/charts/${id}`, chart.snapshot, shown, problems);
      const vega = await get<{ usermeta: { citation?: Citation } }>(`/api/v1/charts/${id}?format=vega`);
      const embed = await get<{ citation?: Citation }>(`/api/v1/charts/${id}?format=embed`);
      if (JSON.stringify(vega.body.usermeta.citation) !== JSON.stringify(chart.body.usermeta.citation)) problems.push(`chart ${id}: Vega spec cites otherwise`);
      if (JSON.stringify(embed.body.citation) !== JSON.stringify(chart.body.usermeta.citation)) problems.push(`chart ${id}: embed payload cites otherwise`);
      checked += 2;
    }
    const { body: facts } = await get<{ facts: { id: string }[] }>("/api/v1/facts");
    for (const { id } of facts.facts) {
      const { body, snapshot } = await get<{ fact: { figure: Period; beside: Period[] }; citation?: Citation }>(`/api/v1/facts/${id}`);
      checkCitation(`fact ${id}`, body.citation, `/api/v1/facts/${id}`, snapshot, [body.fact.figure, ...body.fact.beside], problems);
      checked++;
    }
    const { body: compare } = await get<{ kinds: { kind: string; ids: string[] }[] }>("/api/v1/compare");
    for (const { kind, ids } of compare.kinds)
      for (const [a, b] of [
        [ids[0]!, ids[1]!],
        [ids.at(-1)!, ids[0]!],
      ]) {
        const { body, snapshot } = await get<{
          comparison: { a: { id: string; figures: Record<string, Period> }; b: { id: string; figures: Record<string, Period> } };
          citation?: Citation;
        }>(`/api/v1/compare/${kind}?a=${a}&b=${b}`);
        const c = body.comparison;
        // A precomputed pair is one body for both orders; it cites the order it holds.
        checkCitation(
          `compare ${kind} ${a} ${b}`,
          body.citation,
          `/api/v1/compare/${kind}?a=${c.a.id}&b=${c.b.id}`,
          snapshot,
          [...Object.values(c.a.figures), ...Object.values(c.b.figures)],
          problems,
        );
        checked++;
      }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it("a citation's pinned URL answers with the same body, and the fragment shows it absolute in a closed disclosure", async () => {
    for (const path of [
      "/api/v1/rankings/metros-by-data-scientist-employment",
      "/api/v1/facts/internship-effect",
      "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-francisco-oakland-fremont-ca",
    ]) {
      const res = await fetch(BASE + path);
      const text = await res.text();
      const { citation } = JSON.parse(text) as { citation: Citation };
      const pinned = await fetch(BASE + citation.url);
      expect(pinned.status, citation.url).toBe(200);
      expect(await pinned.text()).toBe(text);
      const html = await (await fetch(`${BASE}${path}${path.includes("?") ? "&" : "?"}format=html`)).text();
      const absolute = new URL(citation.url, BASE).href.replaceAll("&", "&amp;");
      expect(html).toContain('<details class="ml-employer-cite"><summary>Cite this</summary>');
      expect(html).toContain(`${absolute} (accessed [date]).</p>`);
      expect(html).toContain(`  url = {${absolute}},`);
    }
  });
});
