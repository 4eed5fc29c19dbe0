// Words of the report and profile pages that depend on the data: trust-label meanings, rank phrases, the plain
// sentence that sets an article claim beside a figure, and the schema.org Dataset description. Pure, so a test
// can hold every generated sentence true for every entity.
import { figureProse } from "./format";
import { BOUND_NOTE, CAUTION_NOTE } from "./notes";
import type { EntityKind, Figure, Source, TrustLabel } from "./schemas";
import { PRSE_CAUTION_THRESHOLD, trustLabels } from "./vocab";

export const ATLAS_NAME = "ML Employer Atlas";
export const ATLAS_DESCRIPTION =
  "Which employers hire machine-learning graduates — industries, occupations, metros and states — as a living, sourced report: " +
  "each claim of a popular article beside the official figures that bear on it, every figure with its source, reference period and trust label.";

/** What each trust label means, in the order figures are shown (official first). */
export const trustMeanings: Record<TrustLabel, string> = {
  official: "published by a government statistical agency (BLS, Census Bureau, OPM) in the release named.",
  "official-derived": "an official figure as transcribed or computed by someone else, e.g. a pay table copied into a public code file.",
  "third-party": "published or computed by a non-government party: extracts computed from BLS files by public repositories, employer surveys such as NACE's.",
  article: "a claim of the source article. It names no source, so it is quoted as the article's, never treated as a figure.",
};

/** How to read the marks, in the words the tables' notes use. */
export const readingNotes = {
  bound: BOUND_NOTE,
  caution: CAUTION_NOTE,
  cautionWhy: `BLS publishes a relative standard error (PRSE) with employment and mean-wage estimates; at ${PRSE_CAUTION_THRESHOLD}% or more NCHS and the Census Bureau flag an estimate as unreliable, so the atlas marks it.`,
  derived:
    "Mapped or computed by the atlas: a figure the atlas made (a share, a change, an official category standing for one of the article's) says how, and keeps the trust label of its weakest input.",
  gaps: "Left out: where a source publishes no figure for an entity (suppressed, not published, no row), the entity is listed with the source's reason, never silently dropped.",
};

const TRUST_RANK = new Map<string, number>(trustLabels.map((t, i) => [t, i]));
/** Official first, then official-derived, third-party and the article; the original order otherwise. */
export function officialFirst<T extends { trust: string }>(figures: readonly T[]): T[] {
  return figures
    .map((f, i) => ({ f, i }))
    .sort((a, b) => TRUST_RANK.get(a.f.trust)! - TRUST_RANK.get(b.f.trust)! || a.i - b.i)
    .map((x) => x.f);
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

export interface RankFacts {
  rank: number;
  /** How many items share this rank (1 when none). */
  sharing: number;
  /** Items ranked. */
  of: number;
  order: "desc" | "asc";
  /** Plural noun of the kind ("metros"). */
  noun: string;
  /** Entities of the kind with no figure for the metric. */
  gaps: number;
}

/** How many of the kind the ranking leaves out for want of a figure, as a clause; "" when none. */
export function gapsClause(r: Pick<RankFacts, "gaps">): string {
  return r.gaps ? `${r.gaps} more ${r.gaps === 1 ? "has" : "have"} no published figure` : "";
}

/** "17th highest of 263 metro areas", "tied 3rd highest (with 2 others) of 50 states"; with `gaps`, "; 1 more has no published figure". */
export function rankPhrase(r: RankFacts, o: { gaps?: boolean } = { gaps: true }): string {
  const dir = r.order === "desc" ? "highest" : "lowest";
  const place =
    r.sharing > 1
      ? `tied ${ordinal(r.rank)} ${dir} (with ${r.sharing - 1} ${r.sharing === 2 ? "other" : "others"})`
      : r.of === 1
        ? "the only one ranked"
        : `${ordinal(r.rank)} ${dir}`;
  const gaps = o.gaps && r.gaps ? `; ${gapsClause(r)}` : "";
  return `${place} of ${r.of} ${r.noun}${gaps}`;
}

/** The plain words set after a quoted article claim: the figure that bears on it, with no verdict on the claim. */
export function claimBeside(f: Pick<Figure, "value" | "unit" | "bound" | "qualifier" | "period" | "trust" | "derivedFrom"> & { label: string }): string {
  return `Beside this claim, the figure: ${f.label}, ${figureProse(f)} (${f.period}, ${f.trust}${f.derivedFrom ? ", mapped or computed by the atlas" : ""}).`;
}

/** Plural and singular nouns of each kind, for headings and rank phrases. */
export const kindNouns: Record<EntityKind, { plural: string; singular: string }> = {
  occupations: { plural: "occupations", singular: "occupation" },
  metros: { plural: "metro areas", singular: "metro area" },
  states: { plural: "states", singular: "state" },
  industries: { plural: "article industries", singular: "article industry" },
  "employer-types": { plural: "employer types", singular: "employer type" },
  "employer-sizes": { plural: "employer sizes", singular: "employer size" },
  roles: { plural: "entry-level roles", singular: "entry-level role" },
  "naics-sectors": { plural: "NAICS sectors", singular: "NAICS sector" },
  "naics-industries": { plural: "NAICS industries", singular: "NAICS industry" },
  "government-levels": { plural: "levels of government", singular: "level of government" },
};

/** ISO 8601 interval of the years a set of periods name ("May 2021", "2023–33" → "2021/2033"); undefined if none. */
export function temporalCoverage(periods: readonly string[]): string | undefined {
  const years: number[] = [];
  for (const p of periods) {
    for (const m of p.matchAll(/\b((?:19|20)\d\d)(?:[–-](\d\d)\b)?/g)) {
      years.push(Number(m[1]));
      if (m[2]) years.push(Number(m[1]!.slice(0, 2) + m[2]));
    }
  }
  if (!years.length) return undefined;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? String(lo) : `${lo}/${hi}`;
}

export interface DatasetInput {
  name: string;
  description: string;
  url: string;
  sources: readonly Source[];
  periods: readonly string[];
  /** Absolute URLs of the JSON and CSV this page shows. */
  distribution: readonly { url: string; format: "application/json" | "text/csv" }[];
  snapshot: { id: string; builtAt: string };
  /** The licence the API declares for its data (its OpenAPI document's `info.license`), as an SPDX identifier. */
  license?: { name: string; identifier: string };
}

/** schema.org Dataset of a page. `creator` is the atlas; the source organisations are listed as what it is based on. */
export function datasetJsonLd(d: DatasetInput): Record<string, unknown> {
  const coverage = temporalCoverage(d.periods);
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: d.name,
    description: d.description,
    url: d.url,
    version: d.snapshot.id,
    dateModified: d.snapshot.builtAt,
    creator: { "@type": "Organization", name: ATLAS_NAME },
    isAccessibleForFree: true,
    ...(d.license ? { license: { "@type": "CreativeWork", name: d.license.name, url: `https://spdx.org/licenses/${d.license.identifier}.html` } } : {}),
    ...(coverage ? { temporalCoverage: coverage } : {}),
    isBasedOn: d.sources.map((s) => ({
      "@type": "CreativeWork",
      name: s.title,
      ...(s.url ? { url: s.url } : {}),
      publisher: { "@type": "Organization", name: s.organisation },
      temporalCoverage: s.period,
    })),
    distribution: d.distribution.map((x) => ({ "@type": "DataDownload", encodingFormat: x.format, contentUrl: x.url })),
  };
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so no text can close the element. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
