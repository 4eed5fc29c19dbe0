// Measures what a reader sees of an element in the page: the size text is drawn at, text that overlaps or leaves
// the frame, words broken across lines, and the chart's labels against the rows of its data table.

export const MIN_TEXT_PX = 11;

export interface Drawn {
  text: string;
  /** Computed font size times the scale the text is drawn at (an SVG scaled to its container, a CSS transform). */
  px: number;
  rects: DOMRect[];
  node: Text;
}

const visible = (r: DOMRect) => r.width > 1 && r.height > 1;

/** How much an element is scaled on screen: its drawn size over its layout size (SVG: the screen CTM). */
function scaleOf(el: Element): number {
  if (el instanceof SVGGraphicsElement) {
    const m = el.getScreenCTM();
    return m ? Math.hypot(m.a, m.b) : 1;
  }
  if (el instanceof HTMLElement && el.offsetWidth > 0) return el.getBoundingClientRect().width / el.offsetWidth;
  return 1;
}

/** Text in a box clipped to a pixel or less (the visually-hidden pattern: there for screen readers, not drawn). */
function clippedAway(el: Element, root: ParentNode): boolean {
  for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
    const r = a.getBoundingClientRect();
    const style = getComputedStyle(a);
    if (style.clipPath === "inset(50%)" || (Math.min(r.width, r.height) <= 1 && style.overflow !== "visible")) return true;
  }
  return false;
}

/** Every text node of `root` that is drawn (not in a closed disclosure, not visually hidden). */
export function drawnText(root: ParentNode): Drawn[] {
  const out: Drawn[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    const text = node.data.replace(/\s+/g, " ").trim();
    const parent = node.parentElement;
    if (!text || !parent || clippedAway(parent, root)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(visible);
    if (rects.length === 0) continue;
    const px = parseFloat(getComputedStyle(parent).fontSize) * scaleOf(parent);
    out.push({ text, px, rects, node });
  }
  return out;
}

const overlaps = (a: DOMRect, b: DOMRect, tolerance = 1) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;

const inside = (r: DOMRect, frame: DOMRect) =>
  r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5 && r.top >= frame.top - 0.5 && r.bottom <= frame.bottom + 0.5;

/** Pieces of text that must stay on one line: words, where a hyphen or dash ends a piece (a break after it is fine). */
function pieces(s: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of s.matchAll(/[^\s\-–—]+[-–—]?|[-–—]/g)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** Words of `node` drawn on more than one line. */
export function brokenWords(node: Text): string[] {
  const out: string[] = [];
  for (const p of pieces(node.data)) {
    const range = document.createRange();
    range.setStart(node, p.start);
    range.setEnd(node, p.end);
    const tops = new Set([...range.getClientRects()].filter(visible).map((r) => Math.round(r.top)));
    if (tops.size > 1) out.push(p.text);
  }
  return out;
}

/** Everything a reader could not read in `host`'s shadow root, as sentences (empty when it is all legible). */
export function legibilityProblems(host: HTMLElement, container: HTMLElement): string[] {
  const root = host.shadowRoot!;
  const problems: string[] = [];
  const frame = root.querySelector(".frame")!.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  if (frame.right > box.right + 0.5 || frame.left < box.left - 0.5)
    problems.push(`frame ${frame.width.toFixed(0)} px wide leaves its ${box.width} px container`);
  const texts = drawnText(root);
  if (texts.length === 0) problems.push("no text drawn");
  for (const t of texts) {
    if (t.px < MIN_TEXT_PX) problems.push(`"${t.text.slice(0, 40)}" drawn at ${t.px.toFixed(1)} px`);
    if (!t.rects.every((r) => inside(r, frame))) problems.push(`"${t.text.slice(0, 40)}" leaves the frame`);
  }
  const bars = [...root.querySelectorAll(".figure .bar")].map((b) => b.getBoundingClientRect()).filter(visible);
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i]!;
    for (let j = i + 1; j < texts.length; j++) {
      const b = texts[j]!;
      if (a.rects.some((ra) => b.rects.some((rb) => overlaps(ra, rb)))) problems.push(`"${a.text.slice(0, 30)}" overlaps "${b.text.slice(0, 30)}"`);
    }
    if (a.rects.some((ra) => bars.some((rb) => overlaps(ra, rb)))) problems.push(`"${a.text.slice(0, 30)}" overlaps a bar`);
  }
  // Table cells and chart labels break between words only.
  for (const t of texts) {
    if (!t.node.parentElement?.closest("th, td, .figure")) continue;
    for (const w of brokenWords(t.node)) problems.push(`"${w}" broken across lines in "${t.text.slice(0, 40)}"`);
  }
  return problems;
}

/**
 * A chart's labels against its data table: one label per row, each the row's full name or, when shortened, carrying
 * the full name as its title; no two alike; none cut off by its box.
 */
export function chartLabelProblems(host: HTMLElement): string[] {
  const root = host.shadowRoot!;
  const problems: string[] = [];
  const names = [...root.querySelectorAll("table tbody th")].map((th) => th.textContent!.replace(/\s+/g, " ").trim());
  const labels = [...root.querySelectorAll<HTMLElement>(".figure .label")];
  const shown = labels.map((l) => l.innerText.replace(/\s+/g, " ").trim());
  if (labels.length !== names.length) problems.push(`${labels.length} chart labels for ${names.length} table rows`);
  if (new Set(shown).size !== shown.length) problems.push(`labels repeat: ${shown.filter((s, i) => shown.indexOf(s) !== i).join(" | ")}`);
  labels.forEach((l, i) => {
    const name = names[i];
    if (shown[i] !== name && l.title !== name) problems.push(`label "${shown[i]}" does not name row "${name}"`);
    if (l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1) problems.push(`label "${shown[i]}" is cut off by its box`);
  });
  return problems;
}

/** WCAG contrast ratio of two rgb()/rgba() colours (alpha ignored). */
export function contrast(fg: string, bg: string): number {
  const lum = (c: string) => {
    const [r, g, b] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}
