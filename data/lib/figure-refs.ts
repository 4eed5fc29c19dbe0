// Resolves content references ("entity:kind/id#metric", "excerpt:id") to labelled figures with their provenance.
import { metricLabel, type Entity, type LabelledFigure } from "../../core/index";
import { BuildError } from "./csv";

export type RefContext = { entities: Map<string, Entity>; excerpt: Map<string, LabelledFigure> };

export function resolveRef(ref: string, ctx: RefContext, file: string, row: number, field: string): LabelledFigure {
  if (ref.startsWith("excerpt:")) {
    const f = ctx.excerpt.get(ref.slice(8));
    if (!f) throw new BuildError(file, row, field, `no excerpt figure "${ref}"`);
    return f;
  }
  const m = /^entity:([a-z-]+)\/([a-z0-9-]+)#([a-z0-9-]+)$/.exec(ref);
  if (!m) throw new BuildError(file, row, field, `not a figure reference: "${ref}"`);
  const [, kind, id, metric] = m as unknown as [string, string, string, string];
  const e = ctx.entities.get(`${kind}/${id}`);
  if (!e) throw new BuildError(file, row, field, `no entity ${kind}/${id}`);
  const f = e.figures[metric];
  if (!f) throw new BuildError(file, row, field, `${kind}/${id} has no published figure "${metric}"`);
  return { ...f, id: `${id}-${metric}`, label: `${e.name}: ${metricLabel(metric)}` };
}
