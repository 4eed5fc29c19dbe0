// Every served statement true and every figure labelled as its source labels it, checked over the whole
// snapshot `npm test` builds (data/out), one describe per class of statement.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import {
  chartFragment,
  comparisonFragment,
  esc,
  factFragment,
  NO_FIGURE,
  PRSE_CAUTION_THRESHOLD,
  rankingFragment,
  type ChartEmbed,
  type Comparison,
  type Entity,
  type Fact,
  type Figure,
  type Ranking,
  type Section,
} from "../../core/index";
import { importOews, type OewsRow } from "../../data/lib/oews";
import { readBulk, ROOT } from "./helpers";

const kv = readBulk(join(ROOT, "data/out/kv-bulk.json"));
const bodies = (part: string) => [...kv.map].filter(([k]) => k.includes(`:${kv.id}:${part}:`)).map(([, v]) => v);
const entities = bodies("entity").map((v) => (JSON.parse(v) as { page: { entity: Entity } }).page.entity);
const rankings = bodies("ranking").map((v) => (JSON.parse(v) as { ranking: Ranking }).ranking);
const ranking = (id: string) => rankings.find((r) => r.id === id)!;
const csvOf = (id: string) => kv.map.get(`atlas:v1:${kv.id}:ranking-csv:${id}`)!;
const embedOf = (id: string) => JSON.parse(kv.map.get(`atlas:v1:${kv.id}:chart-embed:${id}`)!) as ChartEmbed;
const pairs = bodies("compare").map((v) => (JSON.parse(v) as { comparison: Comparison }).comparison);
const facts = bodies("fact").map((v) => (JSON.parse(v) as { fact: Fact }).fact);
const sections = bodies("section").map((v) => (JSON.parse(v) as { section: Section }).section);
const ctx = { origin: "https://atlas.example" };
const snapshot = { id: kv.id, builtAt: "2026-01-01T00:00:00Z" };

/** Every figure the snapshot serves anywhere: entities, rankings, comparisons, facts, sections. */
const allFigures: { where: string; f: Figure }[] = [
  ...entities.flatMap((e) => Object.entries(e.figures).map(([m, f]) => ({ where: `${e.kind}/${e.id}#${m}`, f }))),
  ...rankings.flatMap((r) => r.items.map((it) => ({ where: `ranking ${r.id}: ${it.id}`, f: it.figure }))),
  ...facts.flatMap((x) => [x.figure, ...x.beside].map((f) => ({ where: `fact ${x.id}`, f }))),
  ...sections.flatMap((s) => [...s.figures, ...s.records.flatMap((r) => r.figures)].map((f) => ({ where: `section ${s.id}`, f }))),
];

/** Each national release's cross-industry OEWS rows, read straight from its source file, by period. */
const registry = JSON.parse(readFileSync(join(ROOT, "data/sources/sources.json"), "utf8")) as {
  id: string;
  period: string;
  series?: string;
  files: string[];
  topCode?: { annual: number };
}[];
const releases = registry
  .filter((e) => e.series === "oews-national")
  .map((e) => ({
    period: e.period,
    topCode: e.topCode?.annual,
    rows: new Map<string, OewsRow>(
      importOews(readFileSync(join(ROOT, "data/sources", e.files[0]!), "utf8"), e.id)
        .filter((r) => r.AREA === "99" && r.NAICS === "000000")
        .map((r) => [r.OCC_CODE, r]),
    ),
  }))
  .sort((a, b) => a.period.localeCompare(b.period));
const national = releases[releases.length - 1]!.rows;

describe("top-coded wages are bounds, not gaps", () => {
  // The May 2024 edition (the national series without the May 2025 release) top-codes this wage; May 2025 does not.
  const may2024 = readBulk(join(inject("previousSnapshotDir"), "kv-bulk.json"));
  const p90 = (may2024.json("ranking:occupations-by-90th-percentile-wage") as { ranking: Ranking }).ranking;
  const csvOf = (id: string) => may2024.map.get(`atlas:v1:${may2024.id}:ranking-csv:${id}`)!;
  const embedOf = (id: string) => may2024.json(`chart-embed:${id}`) as ChartEmbed;

  it("ranks computer and information systems managers first at ≥ $239,200 in JSON, summary, CSV, chart and fragment (May 2024)", () => {
    expect(p90.items[0]).toMatchObject({ rank: 1, id: "computer-and-information-systems-managers", figure: { value: 239200, bound: "at-least" } });
    expect(p90.gaps).toEqual([]);
    expect(p90.summary).toContain("Highest: Computer and information systems managers, at least $239,200");
    expect(p90.summary).not.toMatch(/Computer and information research scientists has the highest/);
    expect(csvOf(p90.id).split("\r\n")[1]).toMatch(/^1,computer-and-information-systems-managers,Computer and information systems managers,239200,at-least,/);
    const embed = embedOf(p90.id);
    expect(embed.rows[0]).toMatchObject({ id: "computer-and-information-systems-managers", bound: "at-least" });
    expect(embed.svg).toContain("≥ $239,200");
    expect(chartFragment(embed, ctx)).toContain("≥ $239,200");
    expect(rankingFragment({ snapshot, ranking: p90 }, ctx)).toContain("≥ $239,200");
  });

  it("turns every # of every release's national row into a bound at that release's top code, and nothing else into one", () => {
    const columns: Record<string, keyof OewsRow> = {
      "p90-annual-wage": "A_PCT90",
      "p10-annual-wage": "A_PCT10",
      "median-annual-wage": "A_MEDIAN",
      "mean-annual-wage": "A_MEAN",
    };
    let bounds = 0;
    for (const e of entities.filter((x) => x.kind === "occupations"))
      for (const r of releases)
        for (const [metric, column] of Object.entries(columns)) {
          const cell = r.rows.get(e.code!)![column] as { kind: string; code?: string };
          const f = e.series!.points[metric]!.find((p) => p.period === r.period)!;
          if (cell.kind === "special" && cell.code === "#") {
            bounds++;
            expect(f, `${e.id} ${metric} ${r.period}`).toMatchObject({ value: r.topCode, bound: "at-least" });
          } else expect(f.bound, `${e.id} ${metric} ${r.period}`).toBeUndefined();
        }
    expect(bounds).toBeGreaterThan(3);
  });

  it("shows a value May 2025 publishes where May 2024 gave only a bound, each with its period", () => {
    const cis = entities.find((e) => e.id === "computer-and-information-systems-managers")!;
    expect(cis.figures["p90-annual-wage"]).toMatchObject({ value: 297510, period: "May 2025" });
    expect(cis.figures["p90-annual-wage"]!.bound).toBeUndefined();
    expect(cis.series!.points["p90-annual-wage"]!.find((p) => p.period === "May 2024")).toMatchObject({ value: 239200, bound: "at-least" });
  });

  it("gives no exact difference or ratio against a bound in comparisons (May 2024)", () => {
    const pairs = [...may2024.map]
      .filter(([k]) => k.includes(`:${may2024.id}:compare:`))
      .map(([, v]) => (JSON.parse(v) as { comparison: Comparison }).comparison);
    const pair = pairs.find((c) => c.kind === "occupations" && [c.a.id, c.b.id].includes("computer-and-information-systems-managers"))!;
    const d = pair.differences.find((x) => x.metric === "p90-annual-wage")!;
    expect(d).toMatchObject({ difference: null, ratio: null });
    expect(comparisonFragment({ snapshot, comparison: pair }, ctx, "/x")).toContain("≥ $239,200");
  });
});

describe("every dropped cell is a stated gap", () => {
  it("accounts for every entity of a ranking's kind: ranked, or left out with a reason from its source", () => {
    for (const r of rankings) {
      const ofKind = entities
        .filter((e) => e.kind === r.kind)
        .map((e) => e.id)
        .sort();
      expect([...r.items.map((i) => i.id), ...r.gaps.map((g) => g.id)].sort(), r.id).toEqual(ofKind);
      for (const g of r.gaps) expect(g.reason, `${r.id}: ${g.id}`).not.toBe(NO_FIGURE);
    }
  });

  it("says BLS's own words for suppressed cells, and the extract's for its blanks", () => {
    expect(ranking("states-by-data-scientist-employment").gaps).toEqual([
      { id: "wyoming", name: "Wyoming", reason: "BLS: an employment estimate is not available (**)" },
    ]);
    expect(ranking("states-by-data-scientist-median-wage").gaps[0]).toMatchObject({ id: "delaware", reason: "BLS: a wage estimate is not available (*)" });
    expect(ranking("sectors-by-research-scientist-employment").gaps.length).toBeGreaterThan(0);
    const de = entities.find((e) => e.kind === "states" && e.id === "delaware")!;
    expect(de.gaps["median-annual-wage-may-2025"]).toMatch(/^blank in the third-party May 2025 extract/);
  });

  it("lists the gaps in the CSV, the chart payload, the fragment and the comparison", () => {
    const r = ranking("states-by-research-scientist-employment");
    const csvGaps = csvOf(r.id)
      .split("\r\n")
      .filter((l) => l.startsWith(","));
    expect(csvGaps).toHaveLength(r.gaps.length);
    expect(embedOf(r.id).chart.gaps).toEqual(r.gaps);
    const html = rankingFragment({ snapshot, ranking: r }, ctx);
    for (const g of r.gaps) expect(html).toContain(g.name);
    for (const c of pairs)
      for (const [has, lacks] of [
        [c.a, c.b],
        [c.b, c.a],
      ] as const)
        for (const metric of Object.keys(has.figures))
          if (!lacks.figures[metric])
            expect(c.gaps, `${c.kind} ${c.a.id}/${c.b.id} ${metric}`).toContainEqual(expect.objectContaining({ metric, missing: lacks.id }));
  });
});

describe("reliability is shown", () => {
  it("carries the published PRSE on every employment and mean-wage figure read from an OEWS row, marked at the threshold", () => {
    for (const e of entities.filter((x) => x.kind === "occupations")) {
      const row = national.get(e.code!)!;
      expect(e.figures.employment!.prse, e.id).toBe((row.EMP_PRSE as { value: number }).value);
      expect(e.figures["mean-annual-wage"]!.prse, e.id).toBe((row.MEAN_PRSE as { value: number }).value);
    }
    let marked = 0;
    for (const { where, f } of allFigures) {
      if (f.prse === undefined) expect(f.reliability, where).toBeUndefined();
      else expect(f.reliability === "use-with-caution", where).toBe(f.prse >= PRSE_CAUTION_THRESHOLD);
      if (f.reliability) marked++;
    }
    expect(marked).toBeGreaterThan(0);
  });

  it("marks a high-PRSE figure in the table, chart payload and fragment, and says how uncertain a tiny first estimate is", () => {
    const r = ranking("states-by-research-scientist-employment");
    const flagged = r.items.find((i) => i.figure.reliability)!;
    const html = rankingFragment({ snapshot, ranking: r }, ctx);
    expect(html).toMatch(
      new RegExp(
        `${flagged.name}</th><td>[^<]+ <span class="ml-employer-caution" role="img" aria-label="Use with caution: relative standard error ${flagged.figure.prse}%`,
      ),
    );
    expect(r.summary).toMatch(/marked † \(use with caution\)/);
    const wages = ranking("naics-industries-by-data-scientist-median-wage");
    expect(wages.items[0]!.name).toBe("General Merchandise Retailers");
    expect(wages.summary).toContain("an estimate for about 80 jobs (employment estimate's relative standard error 14.3%)");
  });
});

describe("each figure's period is its own", () => {
  it("serves NACE's 2021–22 conversion rate with its own cohort, and the TED share with its own year", () => {
    const f = allFigures.filter(({ f: x }) => x.source === "nace-internship-2024" && x.value === 58);
    expect(f.length).toBeGreaterThan(0);
    for (const { f: x } of f) expect(x.period).toBe("2021–22 intern cohort");
    for (const { f: x } of allFigures.filter(({ f: y }) => y.source === "bls-ted-math-2025" && y.unit === "percent" && y.value === 48.7))
      expect(x.period).toBe("2023");
  });
});

describe("derived figures say so everywhere", () => {
  it("every figure with derivedFrom lists the sources it was computed from, and only those", () => {
    const derived = allFigures.filter(({ f }) => f.derivedFrom);
    expect(derived.length).toBeGreaterThan(20);
    for (const { where, f } of allFigures) expect(Boolean(f.derivedSources?.length), where).toBe(Boolean(f.derivedFrom));
  });

  it("keeps derivedFrom in the CSV and the HTML of a mapped ranking", () => {
    const roles = ranking("roles-by-median-wage");
    const note = roles.items[0]!.figure.derivedFrom!;
    expect(csvOf(roles.id)).toContain(note.replaceAll('"', '""'));
    expect(rankingFragment({ snapshot, ranking: roles }, ctx)).toContain(esc(note));
  });

  it("keeps a quote's hedge next to its number", () => {
    const hedged = allFigures.filter(({ f }) => f.source.startsWith("nace-internship") && (f.value === 53 || f.value === 58));
    expect(hedged.length).toBeGreaterThan(0);
    for (const { where, f } of hedged) expect(f.qualifier, where).toBe(f.value === 53 ? "~" : "nearly ");
    const fact = facts.find((x) => x.id === "internship-effect")!;
    expect(factFragment({ snapshot, fact }, ctx)).toMatch(/~53%/);
  });
});

describe("the project's voice never restates an article claim as fact", () => {
  const words = (t: string) => t.toLowerCase().match(/[a-z0-9%$.-]+/g) ?? [];
  /** Every sentence of the article the snapshot quotes as a claim. */
  const claims = [
    ...entities.flatMap((e) => e.claims),
    ...facts.flatMap((f) => f.claims),
    ...sections.flatMap((s) => [...s.claims, ...s.records.flatMap((r) => r.claims)]),
  ].map((c) => words(c.text));
  const N = 5;
  const ngrams = (w: string[]) => w.slice(0, 1 - N).map((_, i) => w.slice(i, i + N).join(" "));
  const grams = new Set(claims.flatMap(ngrams));
  const grams3 = new Set(claims.flatMap((w) => w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(" "))));
  /** Text the build writes in its own voice: summaries, fact texts, gaps, descriptions, mapping notes. */
  const own = [
    ...rankings.map((r) => r.summary),
    ...facts.map((f) => f.text),
    ...sections.flatMap((s) => s.gaps),
    ...entities.flatMap((e) => (e.description ? [e.description] : [])),
    ...sections.flatMap((s) => s.records.flatMap((r) => (r.mapping ? [r.mapping.note] : []))),
  ];

  /** Official names (sectors, industries, states) are names, not claims: left out of the comparison. */
  const names = [...new Set(entities.map((e) => e.name))].sort((a, b) => b.length - a.length);
  const unnamed = (t: string) => names.reduce((acc, n) => acc.replaceAll(n, " "), t);

  it("attributes to the article every sentence that repeats five or more words in a row of a quoted claim", () => {
    expect(own.length).toBeGreaterThan(100);
    expect(claims.length).toBeGreaterThan(50);
    for (const text of own)
      for (const sentence of unnamed(text).split(/(?<=[.;])\s+/)) {
        const w = words(sentence);
        const repeated = ngrams(w).filter((g) => grams.has(g));
        if (repeated.length) expect(text, `"${repeated[0]}" in: ${sentence}`).toMatch(/article/i);
        // Shorter runs that carry a number or a code of a claim ("GS-7 or GS-9", "78% of") are the claim too.
        const w3 = w
          .slice(0, -2)
          .map((_, i) => w.slice(i, i + 3).join(" "))
          .filter((g) => /\d/.test(g) && grams3.has(g));
        if (w3.length) expect(text, `"${w3[0]}" in: ${sentence}`).toMatch(/article/i);
      }
  });

  it("describes the article's own categories (industries, employer types and sizes, roles) as the article's", () => {
    const articleKinds = new Set(["industries", "employer-types", "employer-sizes", "roles"]);
    for (const e of entities.filter((x) => articleKinds.has(x.kind) && x.description)) expect(e.description, `${e.kind}/${e.id}`).toMatch(/article/i);
  });
});

describe("no resource mixes periods silently", () => {
  it("every ranking's summary, and its chart's subtitle, names each period of its figures", () => {
    for (const r of rankings) {
      const periods = new Set(r.items.map((it) => it.figure.period));
      const chart = JSON.parse(kv.map.get(`atlas:v1:${kv.id}:chart:${r.id}`)!) as { title: { subtitle: string[] } };
      for (const p of periods) {
        expect(r.summary, r.id).toContain(`${p} (`);
        expect(chart.title.subtitle[0], r.id).toContain(`${p} (`);
      }
      if (r.title.match(/May \d{4}/)) for (const p of periods) expect(r.title, r.id).toContain(p);
    }
  });

  it("every comparison row gives the period of its two figures, both when they differ", () => {
    let rows = 0;
    for (const c of pairs)
      for (const d of c.differences) {
        rows++;
        const [pa, pb] = [c.a.figures[d.metric]!.period, c.b.figures[d.metric]!.period];
        expect(d.period, `${c.kind} ${c.a.id}/${c.b.id} ${d.metric}`).toBe(pa === pb ? pa : `${pa} / ${pb}`);
      }
    expect(rows).toBeGreaterThan(100);
  });

  it("every fact's text and title name the period of its main figure when they speak of one", () => {
    for (const f of facts) {
      const years = [...`${f.title} ${f.text}`.matchAll(/May (\d{4})/g)].map((m) => m[0]);
      const periods = [f.figure, ...f.beside].map((x) => x.period).join(" ");
      for (const y of years) expect(periods, `${f.id}: "${y}"`).toContain(y);
    }
  });
});
