// CSV of a ranking: one row per item with its provenance in companion columns, so no row loses its source.
import type { Ranking, SnapshotMeta } from "./schemas";

/**
 * `bound` is "at-least" for a top code (the estimate is at or above `value`); `prse` is the published relative
 * standard error and `reliability` its mark; `derived_from` says how the atlas computed or mapped a figure and
 * `derived_sources` from which sources. Rows with no rank are entities left out, `note` saying why.
 */
const header = [
  "rank",
  "id",
  "name",
  "value",
  "bound",
  "unit",
  "prse",
  "reliability",
  "source",
  "source_url",
  "period",
  "trust",
  "derived_from",
  "derived_sources",
  "note",
  "snapshot",
];

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR, LF or tab. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r\t]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A text cell a spreadsheet would read as a formula (OWASP's CSV injection list: = + - @ tab CR) is written
 *  with a leading apostrophe, so it opens as text; numbers are written as numbers. */
const FORMULA = /^[=+\-@\t\r]/;

/** A cell of a CSV that people open in spreadsheets: formula-safe, then quoted as RFC 4180 asks. */
export function csvCell(v: string | number): string {
  return csvField(typeof v === "string" && FORMULA.test(v) ? `'${v}` : v);
}

export function rankingToCsv(ranking: Ranking, snapshot: SnapshotMeta): string {
  const urls = new Map(ranking.sources.map((s) => [s.id, s.url]));
  const lines = [header.join(",")];
  for (const it of ranking.items) {
    const f = it.figure;
    lines.push(
      [
        it.rank,
        it.id,
        it.name,
        f.value,
        f.bound ?? "",
        f.unit,
        f.prse ?? "",
        f.reliability ?? "",
        f.source,
        urls.get(f.source) ?? "",
        f.period,
        f.trust,
        f.derivedFrom ?? "",
        (f.derivedSources ?? []).join(" "),
        [f.qualifier ? `quoted as "${f.qualifier}${f.value}"` : "", f.note ?? ""].filter(Boolean).join("; "),
        snapshot.id,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  for (const g of ranking.gaps)
    lines.push(["", g.id, g.name, "", "", ranking.unit, "", "", "", "", "", "", "", "", `left out: ${g.reason}`, snapshot.id].map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
