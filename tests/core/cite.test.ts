import { describe, expect, it } from "vitest";
import { bibtexEscape, bibtexKey, citation, citationAt, comparisonCitation, pinnedPath, rankingCitation, type CitationInput } from "../../core/index";

const SNAP = "0123456789ab";
const bls = {
  organisation: "U.S. Bureau of Labor Statistics",
  title: "Occupational Employment and Wage Statistics",
  url: "https://www.bls.gov/oes/",
  period: "May 2024",
};
const input = (over: Partial<CitationInput> = {}): CitationInput => ({
  kind: "ranking",
  id: "metros-by-employment",
  title: "Metro areas by employment",
  path: "/api/v1/rankings/metros-by-employment",
  sources: [bls],
  periods: ["May 2024", "May 2024"],
  snapshot: SNAP,
  ...over,
});

/** Reads one BibTeX entry the way BibTeX does: `@type{key,` then `name = {…}` fields with balanced braces, where
 *  `\{` and `\}` are escaped braces, not delimiters. Throws on anything else. */
function parseBibtex(entry: string) {
  const head = /^@misc\{([^,{}\s]+),\n/.exec(entry);
  if (!head) throw new Error(`bad head: ${entry.slice(0, 40)}`);
  const fields: Record<string, string> = {};
  let i = head[0].length;
  for (;;) {
    if (entry.slice(i) === "}") break;
    const m = /^ {2}([a-z]+) = \{/.exec(entry.slice(i));
    if (!m) throw new Error(`bad field at ${i}: ${entry.slice(i, i + 40)}`);
    i += m[0].length;
    let depth = 1;
    const start = i;
    while (depth > 0) {
      const ch = entry[i];
      if (ch === undefined) throw new Error("unbalanced braces");
      if (ch === "\\") i += 2;
      else {
        if (ch === "{") depth++;
        if (ch === "}") depth--;
        i++;
      }
    }
    fields[m[1]!] = entry.slice(start, i - 1);
    if (!entry.startsWith(",\n", i)) throw new Error(`no ",\\n" after field ${m[1]}`);
    i += 2;
  }
  return { key: head[1]!, fields };
}

const UNESCAPES: Record<string, string> = { "\\textbackslash{}": "\\", "\\textasciitilde{}": "~", "\\textasciicircum{}": "^" };
/** The text TeX prints for an escaped field; throws on a special character left bare. */
function texUnescape(field: string): string {
  return field.replace(/\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|\\[{}%&#_$]|[\\{}%&#_$~^]/g, (t) => {
    if (UNESCAPES[t]) return UNESCAPES[t];
    if (t.length === 2) return t[1]!;
    throw new Error(`bare "${t}" in ${field}`);
  });
}

const HOSTILE = [
  "50% of {R&D} #1 in_place $5 ~approx ^up \\path",
  "}, note = {injected",
  "ends with a backslash \\",
  "\\textbf{bold} and \\} and {{{",
  "@misc{other, title={x}}",
  "% a TeX comment",
];

describe("citation", () => {
  it("names the atlas, the title, the source with its period and URL, the figures' periods, the snapshot and the pinned URL", () => {
    const c = citation(input());
    expect(c.url).toBe(`/api/v1/rankings/metros-by-employment?snapshot=${SNAP}`);
    expect(c.text).toBe(
      `ML Employer Atlas, “Metro areas by employment” (ranking, snapshot ${SNAP}). Figures for May 2024. ` +
        `Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (May 2024), https://www.bls.gov/oes/. ` +
        `/api/v1/rankings/metros-by-employment?snapshot=${SNAP} (accessed [date]).`,
    );
    const { key, fields } = parseBibtex(c.bibtex);
    expect(key).toBe(`atlas-ranking-metros-by-employment-${SNAP}`);
    expect(fields).toEqual({
      author: "{ML Employer Atlas}",
      title: "{Metro areas by employment}",
      howpublished: `Ranking, snapshot ${SNAP}`,
      url: c.url,
      note: "Figures for May 2024. Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (May 2024), https://www.bls.gov/oes/. Accessed: ",
    });
  });

  it("lists every period once, sorted, and every source", () => {
    const c = citation(input({ periods: ["May 2024", "May 2021", "May 2024"], sources: [bls, { ...bls, title: "Other", url: null, period: "2021" }] }));
    expect(c.text).toContain(
      "Figures for May 2021; May 2024. Sources: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (May 2024), https://www.bls.gov/oes/; U.S. Bureau of Labor Statistics, Other (2021). ",
    );
  });

  it("gives the same key and text for the same input, and a different key for another snapshot", () => {
    expect(citation(input())).toEqual(citation(input()));
    expect(parseBibtex(citation(input({ snapshot: "ba9876543210" })).bibtex).key).toBe("atlas-ranking-metros-by-employment-ba9876543210");
    expect(bibtexKey("compare", "metros-a b{c}", SNAP)).toBe(`atlas-compare-metros-a-b-c-${SNAP}`);
  });

  it("adds snapshot= to a query the path already has", () => {
    expect(pinnedPath("/api/v1/compare/metros?a=x&b=y", SNAP)).toBe(`/api/v1/compare/metros?a=x&b=y&snapshot=${SNAP}`);
    const c = comparisonCitation(
      {
        kind: "metros",
        a: { id: "x", name: "X", figures: { e: { period: "May 2024" } } },
        b: { id: "y", name: "Y", figures: { e: { period: "May 2023" } } },
        sources: [bls],
      },
      SNAP,
    );
    expect(c.url).toBe(`/api/v1/compare/metros?a=x&b=y&snapshot=${SNAP}`);
    expect(c.text).toContain("“X and Y” (comparison,");
    expect(c.text).toContain("Figures for May 2023; May 2024.");
    expect(parseBibtex(c.bibtex).fields.url).toBe(c.url);
  });

  it.each(HOSTILE)("keeps the BibTeX entry well formed and the text as given for the title %j", (title) => {
    const source = { ...bls, organisation: `Org ${title}`, title, period: `May ${title}`, url: "https://example.org/a_b%20c#frag&x" };
    const c = citation(input({ title, sources: [source], periods: [title] }));
    const { key, fields } = parseBibtex(c.bibtex);
    expect(Object.keys(fields)).toEqual(["author", "title", "howpublished", "url", "note"]);
    expect(key).toMatch(/^[A-Za-z0-9-]+$/);
    expect(texUnescape(fields.title!.slice(1, -1))).toBe(title);
    expect(texUnescape(fields.note!)).toContain(`Source: Org ${title}, ${title} (May ${title}), https://example.org/a_b%20c#frag&x.`);
    expect(c.text).toContain(`“${title}”`);
  });

  it("escapes each special character on its own", () => {
    expect(bibtexEscape("{}%&#_$~^\\")).toBe("\\{\\}\\%\\&\\#\\_\\$\\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
    expect(bibtexEscape("plain – “text” ≥ 5")).toBe("plain – “text” ≥ 5");
  });
});

describe("citationAt", () => {
  it("makes the pinned path absolute in the text, the BibTeX url and the url, and leaves the rest alone", () => {
    const c = rankingCitation({ id: "r", title: "T", sources: [bls], items: [{ figure: { period: "May 2024" } }] }, SNAP);
    const at = citationAt(c, "https://atlas.example/");
    expect(at.url).toBe(`https://atlas.example/api/v1/rankings/r?snapshot=${SNAP}`);
    expect(at.text).toBe(c.text.replace(c.url, at.url));
    expect(at.text).toContain(`https://atlas.example/api/v1/rankings/r?snapshot=${SNAP} (accessed [date]).`);
    expect(parseBibtex(at.bibtex).fields.url).toBe(at.url);
    expect(at.bibtex.replace(at.url, c.url)).toBe(c.bibtex);
    expect(citationAt(at, "https://other.example")).toEqual(at);
  });
});
