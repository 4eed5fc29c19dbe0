// Figures quoted from excerpt files: each must quote its source file verbatim, and its number must be in the quote.
import { z } from "zod";
import { LabelledFigure, Unit } from "../../core/index";
import { BuildError } from "./build-error";
import type { RegistryEntry } from "./sources";

const ExcerptFigure = z.object({
  id: z.string(),
  label: z.string().min(1),
  value: z.number().finite(),
  unit: Unit,
  source: z.string(),
  quote: z.string().min(3),
  /** The period of this figure itself (a source can quote several years). */
  period: z.string().min(1),
  /** A hedge the quote puts right before the number ("nearly ", "~"): kept beside it wherever it is shown. */
  qualifier: z.string().min(1).optional(),
});

/** Every number written in a quote, thousands separators and `$`/`%` removed. */
export function numbersIn(quote: string): number[] {
  return [...quote.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(",", "")));
}

/** The hedge written right before a number in a quote ("nearly 58%", "~53%", "about 40%"), if any. */
export function hedgeIn(quote: string, value: number): string | undefined {
  const m = new RegExp(
    `(~|\\b(?:nearly|about|almost|around|roughly|approximately|over|more than|under|less than) )\\$?${String(value).replace(".", "\\.")}(?![\\d.,])`,
    "i",
  ).exec(quote);
  return m?.[1];
}

export function loadExcerptFigures(
  items: unknown,
  file: string,
  registry: Map<string, RegistryEntry>,
  readSourceFile: (rel: string) => string,
): Map<string, LabelledFigure> {
  if (!Array.isArray(items)) throw new BuildError(file, 1, "(root)", "expected an array");
  const out = new Map<string, LabelledFigure>();
  items.forEach((item, i) => {
    const row = i + 1;
    const p = ExcerptFigure.safeParse(item);
    if (!p.success) throw BuildError.fromZod(file, row, p.error);
    const f = p.data;
    const src = registry.get(f.source);
    if (!src) throw new BuildError(file, row, "source", `source "${f.source}" is not listed in sources.json`);
    const norm = (s: string) => s.replace(/\s+/g, " ");
    if (!src.files.some((rel) => norm(readSourceFile(rel)).includes(norm(f.quote))))
      throw new BuildError(file, row, "quote", `quote not found in ${src.files.join(", ")}`);
    if (!numbersIn(f.quote).includes(f.value)) throw new BuildError(file, row, "value", `${f.value} does not appear in the quote`);
    if (f.qualifier && !norm(f.quote).includes(`${f.qualifier}${f.value}`))
      throw new BuildError(file, row, "qualifier", `"${f.qualifier}${f.value}" does not appear in the quote`);
    const hedged = hedgeIn(norm(f.quote), f.value);
    if (hedged && hedged !== f.qualifier)
      throw new BuildError(file, row, "qualifier", `the quote hedges ${f.value} with "${hedged}": give it as the qualifier`);
    if (out.has(f.id)) throw new BuildError(file, row, "id", `id "${f.id}" appears twice`);
    out.set(
      f.id,
      LabelledFigure.parse({
        id: f.id,
        label: f.label,
        value: f.value,
        unit: f.unit,
        source: src.id,
        period: f.period,
        ...(f.qualifier ? { qualifier: f.qualifier } : {}),
        trust: src.trust,
        note: `Quoted: "${f.quote}"`,
      }),
    );
  });
  return out;
}
