// Adds BLS 2023–33 projections (EP Table 1.3, TED table) to occupations.
import type { Entity, Figure, Source } from "../../core/index";
import { BuildError } from "./build-error";
import { fig } from "./oews-files";

/** Table 1.3 as saved text: `| title | 15-2051 | 202.9 | 276.0 | 73.1 | 36.0 | 112,590 |` (employment in thousands). */
export function readEpTable(text: string, file: string): Map<string, { base: number; projected: number; pct: number }> {
  const cells = text.split("|").map((c) => c.trim());
  const out = new Map<string, { base: number; projected: number; pct: number }>();
  cells.forEach((c, i) => {
    if (!/^\d{2}-\d{4}$/.test(c) || c === "00-0000") return;
    const [base, projected, , pct] = cells.slice(i + 1, i + 5).map((v) => Number(v.replaceAll(",", "")));
    if (![base, projected, pct].every((v) => Number.isFinite(v))) throw new BuildError(file, 1, c, "row is not four numbers after the code");
    out.set(c, { base: base!, projected: projected!, pct: pct! });
  });
  if (out.size === 0) throw new BuildError(file, 1, "(table)", "no occupation rows found");
  return out;
}

/** The TED table: `Statisticians | 32,400 | 7.8 | 36,200 | 6.8 | 11.8 |` (employment in jobs). */
export function readTedRow(text: string, file: string, title: string) {
  const line = text.split(/\r?\n/).findIndex((l) => l.startsWith(`${title} |`));
  if (line < 0) throw new BuildError(file, 0, title, "row not found");
  const [, base, , projected, , pct] = text
    .split(/\r?\n/)
    [line]!.split("|")
    .map((c) => Number(c.trim().replaceAll(",", "")));
  if (![base, projected, pct].every((v) => Number.isFinite(v))) throw new BuildError(file, line + 1, title, "expected numbers");
  return { base: base!, projected: projected!, pct: pct! };
}

export function addOccupationExtras(
  occupations: Entity[],
  ep: { rows: ReturnType<typeof readEpTable>; src: Source },
  ted: { rows: Map<string, ReturnType<typeof readTedRow>>; src: Source },
): Entity[] {
  return occupations.map((o) => {
    const figures: Record<string, Figure> = { ...o.figures };
    const gaps: Record<string, string> = { ...o.gaps };
    const code = o.code ?? "";
    const epRow = ep.rows.get(code);
    const proj = epRow
      ? { base: Math.round(epRow.base * 1000), projected: Math.round(epRow.projected * 1000), pct: epRow.pct, src: ep.src, inThousands: true }
      : ted.rows.has(code)
        ? { ...ted.rows.get(code)!, src: ted.src, inThousands: false }
        : undefined;
    if (proj) {
      const note = proj.inThousands ? "published in thousands; shown in jobs" : undefined;
      figures["base-employment-2023"] = fig(proj.base, "jobs", proj.src, { period: "2023", ...(note ? { note } : {}) });
      figures["projected-employment-2033"] = fig(proj.projected, "jobs", proj.src, { period: "2033 (projected)", ...(note ? { note } : {}) });
      figures["projected-growth-2023-33"] = fig(proj.pct, "percent", proj.src);
    } else
      for (const m of ["base-employment-2023", "projected-employment-2033", "projected-growth-2023-33"])
        gaps[m] =
          "not in the BLS projections tables used here (Employment Projections Table 1.3, the fastest-growing occupations, and the TED table for statisticians)";
    return { ...o, figures, gaps };
  });
}
