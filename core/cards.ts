// Social cards (1200×630) as SVG text: a chart's top rows as bars, a fact's figure, the atlas itself. The data
// build renders them to PNG; every value is written as the tables write it (≥ for a top code, † for caution).
// Cards carry no snapshot id: they are part of the bodies the id is a fingerprint of.
import { esc, type FragmentKind } from "./fragments";
import * as urls from "./urls";
import { formatFigure } from "./format";
import { CAUTION_MARK, figureCell, markNotes, type MarkedFigure } from "./notes";
import type { Unit } from "./schemas";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** What a card can show; `site` is the atlas's own card (front door, report index, pages with no chart). */
export const cardKinds = ["chart", "fact", "site"] as const;
export type CardKind = (typeof cardKinds)[number];
export const SITE_CARD_ID = "atlas";
/** Rows of a chart drawn on its card; the full ranking is one click away. */
export const CARD_ROWS = 8;

const FONT = "DejaVu Sans";
const INK = "#1d232b";
const MUTED = "#4f5a66";
const BAR = "#3b6ea5";

interface CardSource {
  organisation: string;
  period: string;
  trust: string;
}

/** Characters that fit in `width` px at `size` px: DejaVu Sans averages about 0.6 em per character. */
const fits = (width: number, size: number) => Math.floor(width / (size * 0.6));

/** Greedy word wrap into at most `lines` lines, the last cut with an ellipsis when the text is longer. */
export function wrapText(text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let line = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = line ? `${line} ${w}` : w;
    if (next.length <= max) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    line = w.length > max ? `${w.slice(0, max - 1)}…` : w;
    if (out.length === lines) return cut(out, max);
  }
  if (line) out.push(line);
  return out.length > lines ? cut(out.slice(0, lines), max) : out;
}

function cut(lines: string[], max: number): string[] {
  const last = lines[lines.length - 1]!;
  lines[lines.length - 1] = last.length + 1 > max ? `${last.slice(0, max - 1)}…` : `${last}…`;
  return lines;
}

const text = (x: number, y: number, size: number, body: string, o: { bold?: boolean; fill?: string; anchor?: string } = {}) =>
  `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}"${o.bold ? ' font-weight="bold"' : ""}` +
  ` fill="${o.fill ?? INK}"${o.anchor ? ` text-anchor="${o.anchor}"` : ""}>${esc(body)}</text>`;

function frame(body: string, footer: string[]): string {
  const foot = footer.map((line, i) => text(60, CARD_HEIGHT - 36 - (footer.length - 1 - i) * 26, 19, line, { fill: MUTED })).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">` +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/><rect width="${CARD_WIDTH}" height="10" fill="${BAR}"/>` +
    body +
    foot +
    `</svg>`
  );
}

/** "Source: U.S. Bureau of Labor Statistics, May 2024 (official)"; at most two lines, then "and N more". */
function sourceLines(sources: readonly CardSource[]): string[] {
  const lines = sources.slice(0, 2).map((s) => `Source: ${s.organisation}, ${s.period} (${s.trust})`);
  if (sources.length > 2) lines[1] += ` and ${sources.length - 2} more`;
  return [...lines.map((l) => wrapText(l, fits(1080, 19), 1)[0]!), "ML Employer Atlas: every figure with its source, period and trust label"];
}

export interface ChartCardInput {
  title: string;
  unit: Unit;
  rows: readonly ({ rank: number; name: string; value: number } & Omit<MarkedFigure, "unit" | "value">)[];
  sources: readonly CardSource[];
}

/** A chart's card: its title and its first rows as bars, each with the value as the table writes it. */
export function chartCardSvg(c: ChartCardInput): string {
  const title = wrapText(c.title, fits(1080, 40), 2);
  let body = title.map((line, i) => text(60, 78 + i * 50, 40, line, { bold: true })).join("");
  const rows = c.rows.slice(0, CARD_ROWS);
  const footer = [...sourceLines(c.sources), ...markNotes(rows.map((r) => ({ ...r, unit: c.unit })))];
  const top = 78 + title.length * 50 + 6;
  const step = Math.min(44, Math.floor((CARD_HEIGHT - 50 - footer.length * 26 - top) / Math.max(rows.length, 1)));
  const barX = 560;
  const barMax = 420;
  const lo = Math.min(0, ...rows.map((r) => r.value));
  const hi = Math.max(0, ...rows.map((r) => r.value));
  const scale = hi - lo > 0 ? barMax / (hi - lo) : 0;
  const zero = barX + -lo * scale;
  rows.forEach((r, i) => {
    const y = top + i * step;
    const label = wrapText(`${r.rank}. ${r.name}`, fits(480, 22), 1)[0]!;
    body += text(60, y + 24, 22, label);
    const x0 = Math.min(zero, zero + r.value * scale);
    const w = Math.max(Math.abs(r.value * scale), 1);
    body += `<rect x="${x0.toFixed(1)}" y="${y + 6}" width="${w.toFixed(1)}" height="${Math.max(step - 16, 8)}" fill="${BAR}"${r.bound ? ' fill-opacity="0.45"' : ""}/>`;
    body += text(CARD_WIDTH - 40, y + 24, 20, figureCell({ ...r, unit: c.unit }), { anchor: "end", bold: true });
  });
  if (!rows.length) body += text(60, top + 40, 26, "No figures are published.", { fill: MUTED });
  return frame(
    body,
    footer.map((l) => wrapText(l, fits(1080, 19), 1)[0]!),
  );
}

export interface FactCardInput {
  title: string;
  figure: MarkedFigure & { label: string; period: string; trust: string };
  sources: readonly CardSource[];
}

/** A fact's card: the figure large, what it measures, its period and trust label. */
export function factCardSvg(f: FactCardInput): string {
  const title = wrapText(f.title, fits(1080, 40), 2);
  let body = title.map((line, i) => text(60, 78 + i * 50, 40, line, { bold: true })).join("");
  const y = 78 + title.length * 50 + 110;
  body += text(60, y, 110, formatFigure(f.figure) + (f.figure.reliability ? ` ${CAUTION_MARK}` : ""), { bold: true, fill: BAR });
  const label = wrapText(f.figure.label, fits(1080, 28), 3);
  body += label.map((line, i) => text(60, y + 60 + i * 38, 28, line)).join("");
  body += text(60, y + 60 + label.length * 38 + 10, 24, `${f.figure.period} · ${f.figure.trust}`, { fill: MUTED });
  return frame(
    body,
    [...sourceLines(f.sources), ...markNotes([f.figure])].map((l) => wrapText(l, fits(1080, 19), 1)[0]!),
  );
}

/** The atlas's own card. */
export function siteCardSvg(o: { title: string; lines: readonly string[] }): string {
  let body = text(60, 150, 64, o.title, { bold: true });
  o.lines.forEach((l, i) => {
    body += wrapText(l, fits(1080, 32), 2)
      .map((line, j) => text(60, 250 + i * 96 + j * 42, 32, line, { fill: i ? MUTED : INK }))
      .join("");
  });
  return frame(body, []);
}

/** Where a card is served: a chart's (and its ranking's) as the chart's `?format=png`, a fact's and the atlas's under /cards/. */
export function cardPath(kind: CardKind, id: string): string {
  return kind === "chart" ? urls.chart(id, { format: "png" }) : urls.card(kind, id);
}

/** The card of an embeddable resource: comparisons have none of their own and use the atlas's. */
export function cardOfFragment(kind: FragmentKind, id: string): string {
  return kind === "chart" || kind === "ranking" ? cardPath("chart", id) : kind === "fact" ? cardPath("fact", id) : cardPath("site", SITE_CARD_ID);
}
