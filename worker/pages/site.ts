// What search engines and social sites read: robots.txt, sitemap.xml, and the cards (PNG rendered at build time,
// stored base64 in the snapshot) served as images.
import { cardKinds, esc, paths as routes, urls, type CardKind } from "../../core/index";
import { ApiError } from "../errors";
import { matchesEtag } from "../respond";
import type { PageContext } from "./context";
import { sectionList, sectionPath } from "./report";

export function robotsTxt(origin: string): string {
  // Finder results are endless variations of one page; everything else (pages, cards, the API) may be read.
  return `User-agent: *\nAllow: /\nDisallow: /profile?\nSitemap: ${origin}/sitemap.xml\n`;
}

/** Every reader page: the front door, the report, its sections, the profile index, each kind and each entity. */
export async function sitemapXml(p: PageContext, profilePaths: readonly string[]): Promise<string> {
  const sections = await sectionList(p);
  const paths = [routes.front, urls.report(), ...sections.map((s) => sectionPath(s.id)), ...profilePaths];
  const meta = await p.snapshotMeta();
  const lastmod = meta.builtAt.slice(0, 10);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n` +
    paths.map((path) => `<url><loc>${esc(p.origin + path)}</loc><lastmod>${lastmod}</lastmod></url>`).join("\n") +
    `\n</urlset>\n`
  );
}

const CARD_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.png$/;
const cardProblem = { chart: "unknown-chart", fact: "unknown-fact", site: "not-found" } as const;

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A card as image/png, with the snapshot's ETag and caching headers (304 on a matching If-None-Match). */
export async function cardResponse(p: PageContext, kindRaw: string, idRaw: string): Promise<Response> {
  if (!(cardKinds as readonly string[]).includes(kindRaw))
    throw new ApiError("not-found", `No card kind "${kindRaw.slice(0, 40)}"; use ${cardKinds.join(", ")}.`);
  const kind = kindRaw as CardKind;
  const key = p.keys.card(kind, idRaw);
  const { store } = p.deps;
  const cached = await store.read(p.deps.kv(p.c), p.s, key, "text/plain; charset=utf-8");
  if (!cached) throw new ApiError(cardProblem[kind], `No ${kind} card "${idRaw.slice(0, 80)}".`);
  if (matchesEtag(p.c.req.header("If-None-Match"), cached.etag)) return new Response(null, { status: 304, headers: cached.notModified });
  const bytes = await store.memo(`${key}:png`, async () => fromBase64(cached.body));
  const headers = new Headers(cached.ok);
  headers.set("Content-Type", "image/png");
  return new Response(bytes, { status: 200, headers });
}

/** `/cards/{kind}/{id}.png` → the id, or a not-found problem. */
export function cardId(file: string): string {
  const m = CARD_FILE.exec(file);
  if (!m) throw new ApiError("not-found", `Cards are /cards/{chart|fact|site}/{id}.png; got "${file.slice(0, 80)}".`);
  return m[1]!;
}
