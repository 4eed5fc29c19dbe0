// Number formatting by unit and locale, and the generated one-paragraph summary of a ranking.
import type { Ranking, Unit } from "./schemas";

const OPTIONS: Record<Unit, Intl.NumberFormatOptions> = {
  "usd-per-year": { style: "currency", currency: "USD", maximumFractionDigits: 0 },
  "usd-per-hour": { style: "currency", currency: "USD", minimumFractionDigits: 2 },
  jobs: { maximumFractionDigits: 0 },
  percent: { maximumFractionDigits: 1 },
  ratio: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  "per-1000-jobs": { minimumFractionDigits: 2, maximumFractionDigits: 2 },
};

/** Formatters by locale and unit: constructing an Intl.NumberFormat costs far more than formatting with one.
 *  Locales can come from page attributes, so the cache is bounded. */
const formatters = new Map<string, Intl.NumberFormat>();
const MAX_FORMATTERS = 64;

function formatter(unit: Unit, locale: string): Intl.NumberFormat {
  const key = `${locale}\u0000${unit}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, OPTIONS[unit]);
    } catch {
      // Not a locale (e.g. a mistyped lang attribute): ignored, as browsers ignore an invalid lang.
      f = new Intl.NumberFormat("en-US", OPTIONS[unit]);
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

export function formatValue(value: number, unit: Unit, locale = "en-US"): string {
  const text = formatter(unit, locale).format(value);
  return unit === "percent" ? `${text}%` : text;
}

/** A plain-language paragraph of what a ranking shows; every number in it comes from the ranking's items. */
export function summariseRanking(r: Pick<Ranking, "title" | "items" | "unit" | "order">, noun: string): string {
  const items = r.items;
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return `${r.title}: no figures are published.`;
  const fmt = (v: number) => formatValue(v, r.unit);
  const direction = r.order === "desc" ? "highest" : "lowest";
  const next = items.slice(1, 3).map((it) => `${it.name} (${fmt(it.figure.value)})`);
  const tail = items.length > 1 ? ` ${last.name} is last of ${items.length} ${noun} with ${fmt(last.figure.value)}.` : "";
  const follow = next.length ? `, followed by ${next.join(" and ")}` : "";
  return (
    `${r.title}: ${first.name} has the ${direction} value, ${fmt(first.figure.value)}${follow}.${tail} ` +
    `Figures for ${first.figure.period}, ${first.figure.trust} source.`
  );
}
