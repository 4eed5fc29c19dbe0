// Number formatting by unit and locale, and the generated one-paragraph summary of a ranking.
import type { Ranking, Unit } from "./schemas";

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
export function formatFigure(f: { value: number; unit: Unit; bound?: "at-least" }, locale = "en-US"): string {
  const text = formatValue(f.value, f.unit, locale);
  return f.bound === "at-least" ? `≥ ${text}` : text;
}

/** The words shown beside a figure marked for reliability. */
export function reliabilityText(prse: number): string {
  return `use with caution: relative standard error ${prse}%`;
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
