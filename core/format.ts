// Number formatting by unit and locale, and the generated one-paragraph summary of a ranking.
import type { Ranking, Unit } from "./schemas";

export function formatValue(value: number, unit: Unit, locale = "en-US"): string {
  switch (unit) {
    case "usd-per-year":
      return new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(value);
    case "usd-per-hour":
      return new Intl.NumberFormat(locale, { style: "currency", currency: "USD", minimumFractionDigits: 2 }).format(value);
    case "jobs":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case "percent":
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}%`;
    case "ratio":
    case "per-1000-jobs":
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
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
