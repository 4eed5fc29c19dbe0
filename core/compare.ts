// Pure comparison of two entities' figures; used at build time for small kinds and by the worker for large ones.
import type { CompareRecord, ComparisonGap, Difference, Entity } from "./schemas";

export function toCompareRecord(e: Entity): CompareRecord {
  return { kind: e.kind, id: e.id, name: e.name, figures: e.figures, gaps: e.gaps };
}

/** Figures one record has and the other lacks: which one lacks it and why, so nothing is dropped unsaid. */
export function comparisonGaps(a: CompareRecord, b: CompareRecord): ComparisonGap[] {
  const out: ComparisonGap[] = [];
  const side = (has: CompareRecord, lacks: CompareRecord) => {
    for (const metric of Object.keys(has.figures))
      if (!lacks.figures[metric]) out.push({ metric, missing: lacks.id, name: lacks.name, reason: lacks.gaps?.[metric] ?? NO_FIGURE });
  };
  side(a, b);
  side(b, a);
  return out;
}

/** Said where a source simply has no row or column for an entity (rather than a suppression code). */
export const NO_FIGURE = "no figure in the sources used for this kind";

/** One difference per metric both records have in the same unit, in the order of `a`'s figures. */
export function compareRecords(a: CompareRecord, b: CompareRecord): Difference[] {
  const out: Difference[] = [];
  for (const [metric, fa] of Object.entries(a.figures)) {
    const fb = b.figures[metric];
    if (!fb || fb.unit !== fa.unit) continue;
    const bounded = fa.bound || fb.bound;
    out.push({
      metric,
      period: fa.period === fb.period ? fa.period : `${fa.period} / ${fb.period}`,
      unit: fa.unit,
      a: fa.value,
      b: fb.value,
      difference: bounded ? null : round(fa.value - fb.value),
      ratio: bounded || fb.value === 0 ? null : round(fa.value / fb.value, 4),
      derivedFrom: bounded
        ? `no difference or ratio: ${fa.bound ? a.name : b.name}'s figure is a top code (only a lower bound is published)`
        : `difference and ratio of ${a.name} (${fa.source}, ${fa.period}) and ${b.name} (${fb.source}, ${fb.period})`,
    });
  }
  return out;
}

function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
