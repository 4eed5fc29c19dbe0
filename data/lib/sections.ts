// Builds the twelve section bodies and the key facts from content files, checking every claim against the article.
import { z } from "zod";
import {
  entityKey,
  Fact,
  figureProse,
  type Claim,
  EntityKind,
  trustLabels,
  type TrustLabel,
  type LabelledFigure,
  Section,
  SectionId,
  SectionRecord,
  type Source,
  type Statement,
  urls,
} from "../../core/index";
import { BuildError } from "./build-error";
import { numbersIn } from "./excerpt-figures";
import { resolveRef, type RefContext } from "./figure-refs";
import type { Loaded } from "./load-entities";
import { parseItems } from "./mapped-entities";
import type { RegistryEntry } from "./sources";

const RecordContent = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  claims: z.array(z.string()).default([]),
  figures: z.array(z.string()).default([]),
  entity: z.object({ kind: EntityKind, id: z.string() }).optional(),
});
const SectionContent = z.object({
  id: SectionId,
  title: z.string(),
  question: z.string(),
  claims: z.array(z.string()).default([]),
  records: z.array(RecordContent).default([]),
  recordsFromKind: EntityKind.optional(),
  figures: z.array(z.string()).default([]),
  statements: z.array(z.object({ source: z.string(), text: z.string() })).default([]),
  gaps: z.array(z.string()).default([]),
  rankings: z.array(z.string()).default([]),
  kinds: z.array(EntityKind).default([]),
  facts: z.array(z.string()).default([]),
});
const FactContent = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  section: SectionId,
  figure: z.string().optional(),
  beside: z.array(z.string()).default([]),
  claims: z.array(z.string()).default([]),
  share: z.object({ parts: z.array(z.string()).min(1), total: z.string(), label: z.string() }).optional(),
});

export interface ContentInput {
  loaded: Loaded;
  sources: Map<string, Source>;
  rankingIds: Set<string>;
  compareKinds: Set<string>;
  read: (rel: string) => string;
}

export function buildFacts(items: unknown, file: string, input: ContentInput): Fact[] {
  const { loaded } = input;
  const ctx = refContext(loaded);
  return parseItems(FactContent, items, file).map((f, i) => {
    const row = i + 1;
    const claims = articleClaims(f.claims, loaded, file, row);
    let figure: LabelledFigure;
    if (f.share) {
      const parts = f.share.parts.map((r) => resolveRef(r, ctx, file, row, "share.parts"));
      const total = resolveRef(f.share.total, ctx, file, row, "share.total");
      for (const part of parts)
        if (part.period !== total.period)
          throw new BuildError(file, row, "share.parts", `${part.label} is for ${part.period} but the total is for ${total.period}: a share takes one period`);
      const sum = parts.reduce((s, p) => s + p.value, 0);
      figure = {
        id: `${f.id}-share`,
        label: f.share.label,
        value: Math.round((sum / total.value) * 1000) / 10,
        unit: "percent",
        source: total.source,
        period: total.period,
        trust: weakestTrust([...parts, total]),
        derivedSources: [...new Set([...parts, total].map((p) => p.source))],
        derivedFrom: `(${parts.map((p) => `${p.label} ${p.value} [${p.source}]`).join(" + ")}) ÷ ${total.label} ${total.value} [${total.source}]`,
      };
    } else if (f.figure) figure = resolveRef(f.figure, ctx, file, row, "figure");
    else throw new BuildError(file, row, "figure", "a fact needs a figure or a share");
    const beside = f.beside.map((r) => resolveRef(r, ctx, file, row, "beside"));
    // Numbers in the text come from the figures it cites ({figure}, {beside.0}, {figure.period}…), so a new
    // release changes the text with the figures; a number typed by hand must still be one of the fact's own.
    const allowed = new Set(numbersIn(JSON.stringify([figure, beside, claims])));
    for (const n of numbersIn(f.text.replace(/\{[^}]*\}/g, "").replace(/\b(19|20)\d\d\b/g, "")))
      if (!allowed.has(n)) throw new BuildError(file, row, "text", `${n} is not one of the fact's figures or claims: cite it as {figure} or {beside.N}`);
    const text = fillFigures(f.text, figure, beside, file, row);
    return Fact.parse({
      id: f.id,
      title: fillFigures(f.title, figure, beside, file, row),
      text,
      figure,
      beside,
      claims,
      section: f.section,
      links: { self: urls.fact(f.id), section: urls.section(f.section) },
      sources: sourcesOf([figure, ...beside], claims, input.sources),
    });
  });
}

export function buildSections(items: unknown, file: string, input: ContentInput, facts: Fact[]): Section[] {
  const { loaded } = input;
  const ctx = refContext(loaded);
  const factIds = new Set(facts.map((f) => f.id));
  const sections = parseItems(SectionContent, items, file).map((s, i) => {
    const row = i + 1;
    const fromKind = s.recordsFromKind
      ? loaded.entities
          .filter((e) => e.kind === s.recordsFromKind)
          .map((e) =>
            SectionRecord.parse({
              id: e.id,
              name: e.name,
              type: e.kind,
              fields: loaded.fields.get(entityKey(e)) ?? {},
              claims: e.claims,
              figures: Object.entries(e.figures).map(([metric]) => resolveRef(`entity:${e.kind}/${e.id}#${metric}`, ctx, file, row, "recordsFromKind")),
              entity: { kind: e.kind, id: e.id, href: urls.entity(e.kind, e.id) },
              mapping: loaded.mappings.get(entityKey(e)),
            }),
          )
      : [];
    const records = s.records.map((r) =>
      SectionRecord.parse({
        ...r,
        claims: articleClaims(r.claims, loaded, file, row),
        figures: r.figures.map((ref) => resolveRef(ref, ctx, file, row, `records.${r.id}.figures`)),
        entity: r.entity ? { ...r.entity, href: urls.entity(r.entity.kind, r.entity.id) } : undefined,
      }),
    );
    const statements: Statement[] = s.statements.map((st) => {
      const src = loaded.registry.get(st.source);
      if (!src) throw new BuildError(file, row, "statements", `source "${st.source}" is not listed`);
      if (!src.files.some((f) => input.read(f).includes(st.text.replace(/^"|"$/g, ""))))
        throw new BuildError(file, row, "statements", `statement not found in ${src.files.join(", ")}`);
      return { text: st.text, source: src.id, period: src.period, trust: src.trust };
    });
    for (const id of s.rankings) if (!input.rankingIds.has(id)) throw new BuildError(file, row, "rankings", `no ranking "${id}"`);
    for (const id of s.facts) if (!factIds.has(id)) throw new BuildError(file, row, "facts", `no fact "${id}"`);
    const figures = s.figures.map((ref) => resolveRef(ref, ctx, file, row, "figures"));
    const claims = articleClaims(s.claims, loaded, file, row);
    const allRecords = [...fromKind, ...records];
    return Section.parse({
      id: s.id,
      title: s.title,
      question: s.question,
      records: allRecords,
      claims,
      figures,
      statements,
      gaps: s.gaps,
      kinds: s.kinds,
      links: {
        self: urls.section(s.id),
        rankings: s.rankings.map((id) => ({ title: id, href: urls.ranking(id) })),
        entities: s.kinds.map((k) => ({ title: k, href: urls.entities(k) })),
        comparisons: s.kinds.filter((k) => input.compareKinds.has(k)).map((k) => ({ title: k, href: urls.compare(k) })),
        facts: s.facts.map((id) => ({ title: id, href: urls.fact(id) })),
      },
      sources: sourcesOf([...figures, ...allRecords.flatMap((r) => r.figures)], [...claims, ...allRecords.flatMap((r) => r.claims)], input.sources, statements),
    });
  });
  const missing = SectionId.options.filter((id) => !sections.some((s) => s.id === id));
  if (missing.length) throw new BuildError(file, 0, "id", `sections missing: ${missing.join(", ")}`);
  return sections;
}

/** A computed figure is labelled with the weakest trust of its inputs. */
function weakestTrust(figs: { trust: TrustLabel }[]): TrustLabel {
  return figs.map((f) => f.trust).sort((a, b) => trustLabels.indexOf(b) - trustLabels.indexOf(a))[0]!;
}

/** `{figure}` → "262,440", `{beside.1}` → "$120,230", `{figure.period}` → "May 2025". */
function fillFigures(text: string, figure: LabelledFigure, beside: LabelledFigure[], file: string, row: number): string {
  return text.replace(/\{(figure|beside\.(\d+))(\.period)?\}/g, (token, _w: string, n: string | undefined, period: string | undefined) => {
    const f = n === undefined ? figure : beside[Number(n)];
    if (!f) throw new BuildError(file, row, "text", `${token} names no figure of the fact`);
    return period ? f.period : figureProse(f);
  });
}

function refContext(l: Loaded): RefContext {
  return { entities: new Map(l.entities.map((e) => [entityKey(e), e])), excerpt: l.excerpt };
}

const flat = (s: string) => s.replace(/\s+/g, " ");
function articleClaims(texts: string[], l: Loaded, file: string, row: number): Claim[] {
  const article = flat(l.articleText);
  return texts.map((t) => {
    if (!article.includes(flat(t))) throw new BuildError(file, row, "claims", `not verbatim in the article: "${t.slice(0, 60)}…"`);
    return { text: t, source: "article", trust: "article" };
  });
}

function sourcesOf(figs: { source: string }[], claims: Claim[], all: Map<string, Source>, statements: Statement[] = []): Source[] {
  const ids = new Set([...figs, ...claims, ...statements].map((x) => x.source));
  return [...ids].sort().map((id) => all.get(id)!);
}
export type { RegistryEntry };
