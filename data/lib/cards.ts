// Social cards rendered at build time: core's card SVG → PNG with resvg (WebAssembly, no native dependency) and
// DejaVu Sans from an npm package, so the output is the same on every machine (no system fonts are read).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { CARD_WIDTH, chartCardSvg, factCardSvg, SITE_CARD_ID, siteCardSvg, type Fact, type Ranking, type SnapshotKeys } from "../../core/index";
import { encodePng } from "./png";

const require = createRequire(import.meta.url);
let ready: Promise<Buffer[]> | undefined;

/** Loads the renderer and the fonts once per process. */
function renderer(): Promise<Buffer[]> {
  return (ready ??= (async () => {
    await initWasm(readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));
    const ttf = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
    return [ttf("DejaVuSans.ttf"), ttf("DejaVuSans-Bold.ttf")];
  })());
}

/** PNGs already rendered in this process, by SVG text (rendering is deterministic; repeated builds reuse them). */
const rendered = new Map<string, Buffer>();

/** One SVG as PNG bytes, CARD_WIDTH wide. */
export async function renderPng(svg: string): Promise<Buffer> {
  const hit = rendered.get(svg);
  if (hit) return hit;
  const png = await render(svg);
  if (rendered.size >= 2000) rendered.clear();
  rendered.set(svg, png);
  return png;
}

async function render(svg: string): Promise<Buffer> {
  const fontBuffers = await renderer();
  const r = new Resvg(svg, { font: { fontBuffers, defaultFontFamily: "DejaVu Sans", loadSystemFonts: false }, fitTo: { mode: "width", value: CARD_WIDTH } });
  const image = r.render();
  try {
    return encodePng(image.pixels, image.width, image.height);
  } finally {
    image.free();
    r.free();
  }
}

export interface CardsInput {
  keys: SnapshotKeys;
  put: (key: string, body: string) => void;
  rankings: readonly Ranking[];
  facts: readonly Fact[];
}

/** The atlas's own card says what the atlas is, not a figure. */
export const SITE_CARD = {
  title: "ML Employer Atlas",
  lines: [
    "Which employers hire machine-learning graduates: the article's claims beside the official figures.",
    "Every figure with its source, reference period and trust label.",
  ],
};

/** Every chart's card, every fact's card and the atlas's card, as base64 PNG bodies. */
export async function putCards({ keys, put, rankings, facts }: CardsInput): Promise<void> {
  for (const r of rankings) {
    const rows = r.items.map((it) => ({ rank: it.rank, name: it.name, ...it.figure }));
    put(keys.card("chart", r.id), (await renderPng(chartCardSvg({ title: r.title, unit: r.unit, rows, sources: r.sources }))).toString("base64"));
  }
  for (const f of facts) {
    const ids = new Set([f.figure.source, ...(f.figure.derivedSources ?? [])]);
    const sources = f.sources.filter((s) => ids.has(s.id));
    put(keys.card("fact", f.id), (await renderPng(factCardSvg({ title: f.title, figure: f.figure, sources }))).toString("base64"));
  }
  put(keys.card("site", SITE_CARD_ID), (await renderPng(siteCardSvg(SITE_CARD))).toString("base64"));
}
