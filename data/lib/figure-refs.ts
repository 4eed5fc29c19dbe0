// Resolves content references ("entity:kind/id#metric", "excerpt:id") to labelled figures with their provenance.
import { entityKey, metricLabel, type Entity, type LabelledFigure } from "../../core/index";
import { BuildError } from "./build-error";

export type RefContext = { entities: Map<string, Entity>; excerpt: Map<string, LabelledFigure> };

export function resolveRef(ref: string, ctx: RefContext, file: string, row: number, field: string): LabelledFigure {
  if (ref.startsWith("excerpt:")) {
    const f = ctx.excerpt.get(ref.slice(8));
    if (!f) throw new BuildError(file, row, field, `no excerpt figure "${ref}"`);
    return f;
  }
  // entity:kind/id#metric is the current figure; entity:kind/id#metric@May 2021 a point of the entity's series,
  // @first and @previous its first and next-to-last points (so curated text stays true when a release is added).
  const m = /^entity:([a-z-]+)\/([a-z0-9-]+)#([a-z0-9-]+)(?:@(.+))?$/.exec(ref);
  if (!m) throw new BuildError(file, row, field, `not a figure reference: "${ref}"`);
  const [, kind, id, metric, period] = m as unknown as [string, string, string, string, string | undefined];
  const e = ctx.entities.get(entityKey({ kind, id }));
  if (!e) throw new BuildError(file, row, field, `no entity ${kind}/${id}`);
  if (period !== undefined) {
    const points = e.series?.points[metric] ?? [];
    const p = period === "first" ? points[0] : period === "previous" ? points[points.length - 2] : points.find((x) => x.period === period);
    if (!p) throw new BuildError(file, row, field, `${kind}/${id} has no ${period} point of "${metric}" in its series`);
    const slug = p.period.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return { ...p, id: `${id}-${metric}-${slug}`, label: `${e.name}: ${metricLabel(metric)}, ${p.period}` };
  }
  const f = e.figures[metric];
  if (!f) throw new BuildError(file, row, field, `${kind}/${id} has no published figure "${metric}"`);
  return { ...f, id: `${id}-${metric}`, label: `${e.name}: ${metricLabel(metric)}` };
}
