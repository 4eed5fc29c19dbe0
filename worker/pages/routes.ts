// Registers the reader pages (front door, report, profiles), their stylesheet, cards, robots.txt and sitemap.xml.
import type { Context, Hono } from "hono";
import { EMBED_CSS, entityKinds, paths, templated, urls } from "../../core/index";
import { ApiError } from "../errors";
import { fragmentEntry, HTML_TYPE } from "../html";
import { formatOf } from "../resources";
import type { Snapshot } from "../store";
import { JSON_TYPE, PageContext, type PageDeps, type PageEnv } from "./context";
import { frontDoor, reportIndex } from "./front";
import { profilePage, profileIndex, profilePaths, profilePayload } from "./profile";
import { sectionPage } from "./report";
import { PAGE_CSP, SITE_CSS, SITE_CSS_PATH } from "./shell";
import { cardId, cardResponse, robotsTxt, sitemapXml } from "./site";

export function pageRoutes(app: Hono<PageEnv>, deps: PageDeps) {
  const ctx = async (c: Context<PageEnv>) => new PageContext(c, deps, await deps.snap(c));
  /** A page composed once per snapshot and origin (links and canonical URLs are absolute). */
  const html = async (c: Context<PageEnv>, name: string, make: (p: PageContext) => Promise<string>) => {
    const p = await ctx(c);
    const cached = await deps.store.compose(p.s, `${p.keys.manifest}:page:${name}:${p.origin}`, HTML_TYPE, () => make(p), {
      "Content-Security-Policy": PAGE_CSP,
    });
    return deps.reply(c.req.raw, p.s, cached);
  };
  const text = async (c: Context<PageEnv>, name: string, type: string, make: (p: PageContext) => Promise<string>) => {
    const p = await ctx(c);
    const cached = await deps.store.compose(p.s, `${p.keys.manifest}:site:${name}:${p.origin}`, type, () => make(p));
    return deps.reply(c.req.raw, p.s, cached);
  };

  app.get(paths.front, (c) => html(c, paths.front, frontDoor));
  app.get(paths.report, (c) => html(c, urls.report(), reportIndex));
  app.get(paths.reportSection, (c) => html(c, urls.report(c.req.param("section")), (p) => sectionPage(p, c.req.param("section"))));
  app.get(paths.profiles, (c) => {
    const q = c.req.query("q");
    // A query's results page is made per request (queries are unbounded); the index is cached.
    if (q !== undefined)
      return ctx(c).then(async (p) =>
        c.body(await profileIndex(p, q), 200, { "Content-Type": HTML_TYPE, "Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-store" }),
      );
    return html(c, urls.profilePage(), (p) => profileIndex(p, undefined));
  });
  app.get(paths.profileKind, (c) => html(c, urls.profilePage(c.req.param("kind")), (p) => profileIndex(p, undefined, c.req.param("kind"))));
  app.get(paths.profilePage, (c) =>
    html(c, urls.profilePage(c.req.param("kind"), c.req.param("id")), (p) => profilePage(p, c.req.param("kind"), c.req.param("id"))),
  );
  app.get(SITE_CSS_PATH, (c) => text(c, "css", "text/css; charset=utf-8", async () => EMBED_CSS + SITE_CSS));
  app.get(paths.robots, (c) => text(c, "robots", "text/plain; charset=utf-8", async (p) => robotsTxt(p.origin)));
  app.get(paths.sitemap, (c) => text(c, "sitemap", "application/xml; charset=utf-8", async (p) => sitemapXml(p, await profilePaths(p))));
  app.get(paths.card, async (c) => cardResponse(await ctx(c), c.req.param("kind"), cardId(c.req.param("file"))));

  /** The profile payload of one entity, composed once per snapshot from the bodies the API serves. */
  const profileJson = async (c: Context<PageEnv>, s: Snapshot, kind: string, id: string) => {
    if (!(entityKinds as readonly string[]).includes(kind)) throw new ApiError("unknown-kind", `No kind "${kind.slice(0, 40)}". See ${urls.entityKinds()}.`);
    if (!id) throw new ApiError("bad-parameter", `Give the entity as ?entity=… (see ${templated(paths.entities)}).`);
    const p = new PageContext(c, deps, s);
    return deps.store.compose(s, `${s.keys.entity(kind as never, id)}:profile-payload`, JSON_TYPE, async () =>
      JSON.stringify(await profilePayload(p, kind, id)),
    );
  };
  app.get(paths.profile, async (c) => {
    const format = formatOf(c, "profile");
    const s = await deps.snap(c);
    const [kind, id] = [c.req.param("kind"), c.req.param("id")];
    if (format === "html")
      return deps.reply(c.req.raw, s, await fragmentEntry(c, deps.store, s, await deps.resolve(c, s, "profile", kind, new URLSearchParams({ entity: id }))));
    return deps.reply(c.req.raw, s, await profileJson(c, s, kind, id));
  });

  return {
    /** `?format=png` of a chart: its card. */
    chartCard: async (c: Context<PageEnv>, id: string) => cardResponse(await ctx(c), "chart", id),
    profileJson,
  };
}
