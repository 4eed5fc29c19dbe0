// Schemas of the report's content resources: article sections, key facts, entity pages and the project's mappings.
import { z } from "zod";
import { Citation, Claim, Entity, EntityKind, Figure, Slug, Source, TrustLabel, withSnapshot } from "./schemas";

/** The article's twelve sections, in article order; each becomes `/api/v1/sections/{id}`. */
export const sectionIds = [
  "industries",
  "entry-level-roles",
  "employer-types",
  "employer-sizes",
  "government",
  "nonprofits",
  "healthcare",
  "technology-sectors",
  "mid-career",
  "geography",
  "internships",
  "key-facts",
] as const;
export const SectionId = z.enum(sectionIds);
export type SectionId = z.infer<typeof SectionId>;

export const Link = z.object({ title: z.string().min(1), href: z.string().startsWith("/") });
export type Link = z.infer<typeof Link>;

/** A figure shown on its own (in a section or fact), with a label saying what it measures. */
export const LabelledFigure = Figure.extend({ id: Slug, label: z.string().min(1) });
export type LabelledFigure = z.infer<typeof LabelledFigure>;

/** A qualitative statement of a named source other than the article (e.g. an OPM or BLS sentence). */
export const Statement = z.object({ text: z.string().min(1), source: Slug, period: z.string().min(1), trust: TrustLabel });
export type Statement = z.infer<typeof Statement>;

/**
 * Which official codes the project lets stand for an article category. Always the project's choice,
 * never a published figure: `label` says so in words.
 */
export const Mapping = z.object({
  label: z.literal("project mapping, not a published classification"),
  codes: z
    .array(
      z.object({
        system: z.enum(["NAICS", "SOC", "OEWS ownership", "firm size"]),
        code: z.string().min(1),
        title: z.string().min(1),
        entity: z.object({ kind: EntityKind, id: Slug }).optional(),
      }),
    )
    .default([]),
  note: z.string().min(1),
});
export type Mapping = z.infer<typeof Mapping>;

/** One structured record of a section: an employer type, a role, an agency, a programme, a testimonial… */
export const SectionRecord = z.object({
  id: Slug,
  name: z.string().min(1),
  type: z.string().min(1),
  fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  claims: z.array(Claim).default([]),
  figures: z.array(LabelledFigure).default([]),
  statements: z.array(Statement).default([]),
  entity: z.object({ kind: EntityKind, id: Slug, href: z.string() }).optional(),
  mapping: Mapping.optional(),
});
export type SectionRecord = z.infer<typeof SectionRecord>;

export const Section = z.object({
  id: SectionId,
  title: z.string().min(1),
  question: z.string().min(1),
  records: z.array(SectionRecord),
  claims: z.array(Claim),
  figures: z.array(LabelledFigure),
  statements: z.array(Statement),
  /** Where the article speaks but no published figure exists: said plainly. */
  gaps: z.array(z.string().min(1)),
  /** The kinds of entity the section is about (each listed under links.entities). */
  kinds: z.array(EntityKind),
  links: z.object({
    self: z.string(),
    rankings: z.array(Link),
    entities: z.array(Link),
    comparisons: z.array(Link),
    facts: z.array(Link),
  }),
  sources: z.array(Source),
});
export type Section = z.infer<typeof Section>;
export const SectionResponse = withSnapshot({ section: Section });
export type SectionResponse = z.infer<typeof SectionResponse>;

/** One key figure for a widget, optionally set beside an article claim or other figures. */
export const Fact = z.object({
  id: Slug,
  title: z.string().min(1),
  text: z.string().min(1),
  figure: LabelledFigure,
  beside: z.array(LabelledFigure).default([]),
  claims: z.array(Claim).default([]),
  section: SectionId,
  links: z.object({ self: z.string(), section: z.string() }),
  sources: z.array(Source).min(1),
});
export type Fact = z.infer<typeof Fact>;
export const FactResponse = withSnapshot({ fact: Fact, citation: Citation });
export type FactResponse = z.infer<typeof FactResponse>;

/** An entity with everything the report says about it and where it appears. */
export const EntityPage = z.object({
  entity: Entity,
  mapping: Mapping.optional(),
  appearsIn: z.object({
    rankings: z.array(Link.extend({ id: Slug, rank: z.number().int().positive() })),
    comparisons: z.array(Link),
    sections: z.array(Link),
  }),
  links: z.object({ self: z.string(), list: z.string() }),
  sources: z.array(Source),
});
export type EntityPage = z.infer<typeof EntityPage>;
export const EntityResponse = withSnapshot({ page: EntityPage });
export type EntityResponse = z.infer<typeof EntityResponse>;
