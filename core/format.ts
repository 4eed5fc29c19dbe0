// Number formatting by unit and locale, and the generated one-paragraph summary of a ranking.
import type { Figure, Ranking, Unit } from "./schemas";
import { PRSE_CAUTION_THRESHOLD } from "./vocab";

export const NUMBER_FORMATS: Record<Unit, Intl.NumberFormatOptions> = {
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
      f = new Intl.NumberFormat(locale, NUMBER_FORMATS[unit]);
    } catch {
      // Not a locale (e.g. a mistyped lang attribute): ignored, as browsers ignore an invalid lang.
      f = new Intl.NumberFormat("en-US", NUMBER_FORMATS[unit]);
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/**
 * en-US without Intl, character for character what `Intl.NumberFormat("en-US", NUMBER_FORMATS[unit])` gives (a test
 * holds the two equal in Node and in Chromium): a page's first Intl.NumberFormat loads ICU's locale data, 40–120 ms
 * of main thread in Chromium on the benchmark machine, before the first table row could be drawn. Like ICU it rounds
 * the shortest decimal that reads back as the same double (JavaScript's own `String(x)`), half away from zero, and
 * keeps the minus sign of a negative zero.
 */
function formatEnUs(value: number, unit: Unit): string | null {
  const digits = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(digits)) return null; // NaN, Infinity, exponent notation: left to Intl
  const o = NUMBER_FORMATS[unit];
  const currency = o.style === "currency";
  const min = o.minimumFractionDigits ?? 0;
  const max = Math.max(min, o.maximumFractionDigits ?? (currency ? 2 : 3));
  const point = digits.indexOf(".");
  let whole = point < 0 ? digits : digits.slice(0, point);
  let fraction = point < 0 ? "" : digits.slice(point + 1);
  if (fraction.length > max) {
    const up = fraction.charCodeAt(max) >= 53; // the first dropped digit is 5 or more
    fraction = fraction.slice(0, max);
    if (up) {
      // Add one unit in the last kept place, carrying leftwards through nines.
      const kept = (whole + fraction).split("");
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === "9") kept[i--] = "0";
      if (i >= 0) kept[i] = String(Number(kept[i]) + 1);
      else kept.unshift("1");
      whole = kept.slice(0, kept.length - max).join("");
      fraction = kept.slice(kept.length - max).join("");
    }
  }
  let end = fraction.length;
  while (end > min && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end).padEnd(min, "0");
  whole = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  return `${sign}${currency ? "$" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

export function formatValue(value: number, unit: Unit, locale = "en-US"): string {
  const text = (locale === "en-US" ? formatEnUs(value, unit) : null) ?? formatter(unit, locale).format(value);
  return unit === "percent" ? `${text}%` : text;
}

/** A figure as text: a top-coded value reads "≥ $239,200", since the source publishes only that bound. */
export function formatFigure(f: { value: number; unit: Unit; bound?: "at-least"; qualifier?: string }, locale = "en-US"): string {
  const text = formatValue(f.value, f.unit, locale);
  return f.bound === "at-least" ? `≥ ${text}` : f.qualifier ? `${f.qualifier}${text}` : text;
}

/** A figure as prose: "at least $239,200" for a bound, "nearly 58%" for a hedged quote. */
export function figureProse(f: { value: number; unit: Unit; bound?: "at-least"; qualifier?: string }): string {
  return f.bound === "at-least" ? `at least ${formatValue(f.value, f.unit)}` : formatFigure(f);
}

/** "A and B", "A, B and C"; names that hold commas ("Billings, MT") are set apart with semicolons. */
const names = (list: readonly { name: string }[]) => {
  const sep = list.some((x) => x.name.includes(",")) ? "; " : ", ";
  return list.length <= 2
    ? list.map((x) => x.name).join(" and ")
    : `${list
        .slice(0, -1)
        .map((x) => x.name)
        .join(sep)} and ${list[list.length - 1]!.name}`;
};

/** The periods and trust labels of a set of figures, each said once: "May 2024 (official)". */
export function periodsOf(figures: readonly Pick<Figure, "period" | "trust" | "derivedFrom">[]): string {
  const seen = new Map<string, string>();
  for (const f of figures) {
    const text = `${f.period} (${f.trust}${f.derivedFrom ? ", mapped or computed by the atlas" : ""})`;
    seen.set(text, text);
  }
  return [...seen.values()].join(" and ");
}

export interface SummaryOptions {
  /** Plural noun of the ranked kind ("occupations"). */
  noun: string;
  /** The employment estimate behind an item's figure, where the ranked figure is a wage of that estimate. */
  basis?: (id: string) => Figure | undefined;
}

/**
 * A plain-language paragraph of what a ranking shows; every number in it comes from the ranking's items, and
 * every sentence holds for any ranking: ties are shared, bounds read "at least", unreliable estimates and
 * entities left out are said, and each period appears with its own trust label.
 */
export function summariseRanking(r: Pick<Ranking, "title" | "items" | "unit" | "order"> & { gaps?: Ranking["gaps"] }, opts: SummaryOptions): string {
  const { items } = r;
  const gaps = r.gaps ?? [];
  const left = gaps.length
    ? ` ${gaps.length} ${gaps.length === 1 ? "entity has" : `${opts.noun} have`} no published figure and ${gaps.length === 1 ? "is" : "are"} left out` +
      (gaps.length <= 3 ? `: ${gaps.map((g) => `${g.name} (${g.reason})`).join("; ")}.` : " (each listed with the reason).")
    : "";
  const first = items[0];
  if (!first) return `${r.title}: no figures are published.${left}`;
  const [high, low] = r.order === "desc" ? ["Highest", "lowest"] : ["Lowest", "highest"];
  const tops = items.filter((it) => it.rank === first.rank);
  const parts: string[] = [];
  let lead = `${r.title}. ${high}${tops.length > 1 ? " (shared)" : ""}: ${names(tops)}, ${figureProse(first.figure)}`;
  const basis = opts.basis?.(first.id);
  if (basis && (basis.value < 1000 || basis.reliability))
    lead += `, an estimate for about ${formatFigure(basis)} jobs${basis.prse !== undefined ? ` (employment estimate's relative standard error ${basis.prse}%)` : ""}`;
  if (first.figure.prse !== undefined && first.figure.reliability) lead += ` (relative standard error ${first.figure.prse}%: use with caution)`;
  const last = items[items.length - 1]!;
  const lastStart = items.findIndex((it) => it.rank === last.rank);
  const next = items.slice(tops.length, Math.min(tops.length + 2, lastStart));
  if (next.length) lead += `; then ${next.map((it) => `${it.name} (${figureProse(it.figure)})`).join(" and ")}`;
  parts.push(`${lead}.`);
  if (last.rank !== first.rank) {
    const lasts = items.filter((it) => it.rank === last.rank);
    parts.push(
      `${low[0]!.toUpperCase()}${low.slice(1)} of the ${items.length} ${opts.noun} ranked${lasts.length > 1 ? " (shared)" : ""}: ${names(lasts)}, ${figureProse(last.figure)}.`,
    );
  }
  const bounded = items.filter((it) => it.figure.bound === "at-least").length;
  if (bounded)
    parts.push(
      `${bounded === 1 ? "One value is" : `${bounded} values are`} a top code: the source publishes only that the figure is at least this, so it is ranked at its bound and marked ≥.`,
    );
  const caution = items.filter((it) => it.figure.reliability === "use-with-caution").length;
  if (caution)
    parts.push(
      `${caution === 1 ? "One estimate has" : `${caution} estimates have`} a relative standard error of ${PRSE_CAUTION_THRESHOLD}% or more and ${caution === 1 ? "is" : "are"} marked † (use with caution).`,
    );
  return `${parts.join(" ")}${left} Figures for ${periodsOf(items.map((it) => it.figure))}.`;
}
