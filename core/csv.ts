// CSV of a ranking: one row per item with its provenance in companion columns, so no row loses its source.
import type { Ranking, SnapshotMeta } from "./schemas";

const header = ["rank", "id", "name", "value", "unit", "source", "source_url", "period", "trust", "snapshot"];

/** A text cell a spreadsheet would read as a formula (OWASP's CSV injection list: = + - @ tab CR) is written
 *  with a leading apostrophe, so it opens as text; numbers are written as numbers. */
const FORMULA = /^[=+\-@\t\r]/;

function cell(v: string | number): string {
  const s = typeof v === "string" && FORMULA.test(v) ? `'${v}` : String(v);
  return /[",\n\r\t]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function rankingToCsv(ranking: Ranking, snapshot: SnapshotMeta): string {
  const urls = new Map(ranking.sources.map((s) => [s.id, s.url]));
  const lines = [header.join(",")];
  for (const it of ranking.items) {
    const f = it.figure;
    lines.push(
      [it.rank, it.id, it.name, f.value, f.unit, f.source, urls.get(f.source) ?? "", f.period, f.trust, snapshot.id]
        .map(cell)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
