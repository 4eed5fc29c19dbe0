// Article categories (industries, employer types and sizes, roles) as entities whose figures come through the project's mapping.
import { z } from "zod";
import { Entity, entityKey, EntityKind, Mapping, type Figure, type LabelledFigure, type Source } from "../../core/index";
import { BuildError } from "./build-error";

export const MappedFields = {
  mapping: Mapping.omit({ label: true }),
  /** The one mapped entity whose figures are shown for this category (only ever copied, never combined). */
  figuresFrom: z.object({ kind: EntityKind, id: z.string(), metrics: z.array(z.string()).min(1) }).optional(),
  /** Figures quoted from excerpts (ids in excerpt-figures.json), by metric. */
  excerptFigures: z.record(z.string(), z.string()).default({}),
  fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  claims: z.array(z.string().min(1)).default([]),
  /** Metric → why no source gives a figure for this category, said in the report. */
  gaps: z.record(z.string(), z.string().min(1)).default({}),
};
export const MappedContent = z.object({ id: z.string(), name: z.string().min(1), description: z.string().optional(), ...MappedFields });
export type MappedContent = z.infer<typeof MappedContent>;

export interface MappedEntity {
  entity: Entity;
  mapping: Mapping;
  fields: Record<string, string | string[]>;
}

export function parseItems<T extends z.ZodType>(schema: T, items: unknown, file: string): z.infer<T>[] {
  if (!Array.isArray(items)) throw new BuildError(file, 1, "(root)", "expected an array");
  return items.map((item, i) => {
    const p = schema.safeParse(item);
    if (!p.success) throw BuildError.fromZod(file, i + 1, p.error);
    return p.data;
  });
}

export function mappedEntities(
  kind: EntityKind,
  items: (MappedContent & { extraClaims?: string[] })[],
  file: string,
  ctx: { entities: Map<string, Entity>; excerpt: Map<string, LabelledFigure>; article: Source; articleText: string },
): MappedEntity[] {
  const flat = (s: string) => s.replace(/\s+/g, " ");
  const text = flat(ctx.articleText);
  return items.map((it, i) => {
    const row = i + 1;
    for (const c of it.claims)
      if (!text.includes(flat(c))) throw new BuildError(file, row, "claims", `not a verbatim sentence of the article: "${c.slice(0, 60)}…"`);
    const figures: Record<string, Figure> = {};
    const gaps: Record<string, string> = { ...it.gaps };
    if (it.figuresFrom) {
      const from = ctx.entities.get(entityKey(it.figuresFrom));
      if (!from) throw new BuildError(file, row, "figuresFrom", `no entity ${it.figuresFrom.kind}/${it.figuresFrom.id}`);
      const code = it.mapping.codes.find((c) => c.entity?.id === from.id);
      for (const metric of it.figuresFrom.metrics) {
        const f = from.figures[metric];
        if (!f) {
          // Not published for that category: left out, never filled, and said.
          gaps[metric] = `${from.name}: ${from.gaps[metric] ?? "no published figure"}`;
          continue;
        }
        figures[metric] = {
          ...f,
          derivedSources: f.derivedSources ?? [f.source],
          derivedFrom:
            `project mapping: the figure of ${code ? `${code.system} ${code.code}` : from.kind} ${from.name} ` +
            `(${f.source}, ${f.period}) shown for the article's "${it.name}"; published for that category, not for the article's`,
        };
      }
    }
    for (const [metric, id] of Object.entries(it.excerptFigures)) {
      const f = ctx.excerpt.get(id);
      if (!f) throw new BuildError(file, row, "excerptFigures", `no excerpt figure "${id}"`);
      const { id: _id, label, ...figure } = f;
      figures[metric] = { ...figure, derivedSources: [figure.source], derivedFrom: `project mapping: "${label}" shown for the article's "${it.name}"` };
    }
    for (const c of it.mapping.codes)
      if (c.entity && !ctx.entities.has(entityKey(c.entity))) throw new BuildError(file, row, "mapping.codes", `no entity ${c.entity.kind}/${c.entity.id}`);
    const claims = [...it.claims, ...(it.extraClaims ?? [])].map((t) => ({ text: t, source: ctx.article.id, trust: "article" as const }));
    const entity = Entity.parse({ kind, id: it.id, name: it.name, description: it.description, figures, gaps, claims });
    const mapping = Mapping.parse({ label: "project mapping, not a published classification", ...it.mapping });
    return { entity, mapping, fields: it.fields };
  });
}
