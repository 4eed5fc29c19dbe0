// Reader pages inside workerd (bundled snapshot): the front door, the report and its sections, profiles, cards,
// robots.txt and sitemap.xml. Expected content is read from the API's own answers, never written here.
import { describe, expect, it } from "vitest";
import { BASE, get, problem } from "./client";

const json = async <T>(path: string) => (await (await get(path)).json()) as T;
const sections = async () => (await json<{ sections: { id: string; title: string; question: string }[] }>("/api/v1/sections")).sections;
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

async function page(path: string) {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
  expect(res.headers.get("content-security-policy"), path).toContain("script-src 'self'");
  const html = await res.text();
  const meta = (p: string) => decode(new RegExp(`<meta property="${p}" content="([^"]*)"`).exec(html)?.[1] ?? "");
  return { res, html, meta };
}

/** The page's schema.org blocks, parsed. */
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

describe("report pages", () => {
  it("serve the front door, the report and every section with canonical URL, social card, Dataset JSON-LD and the widgets", async () => {
    const all = await sections();
    expect(all.length).toBe(12);
    for (const path of ["/", "/report", ...all.map((s) => `/report/${s.id}`)]) {
      const { html, meta } = await page(path);
      expect(html, path).toContain(`<link rel="canonical" href="${BASE}${path}">`);
      expect(meta("og:image"), path).toMatch(new RegExp(`^${BASE}/(cards/(site|fact)/[a-z0-9-]+\\.png|api/v1/charts/[a-z0-9-]+\\?format=png)$`));
      expect(meta("og:description").length, path).toBeGreaterThan(40);
      expect(html).toContain('<script type="module" src="/widgets.js"></script>');
      const [ld] = jsonLd(html);
      expect(ld, path).toMatchObject({ "@type": "Dataset", creator: { name: "ML Employer Atlas" } });
      expect(
        (ld!.distribution as { contentUrl: string }[]).every((d) => d.contentUrl.startsWith(BASE)),
        path,
      ).toBe(true);
      expect(ld!.temporalCoverage, path).toMatch(/^\d{4}(\/\d{4})?$/);
      // The card the page names is a PNG.
      const card = await get(meta("og:image").slice(BASE.length));
      expect(card.headers.get("content-type"), path).toBe("image/png");
    }
  });

  it("writes each section's question, title and claims, and links its JSON", async () => {
    for (const s of await sections()) {
      const { section } = await json<{ section: { title: string; question: string; claims: { text: string }[]; links: { self: string } } }>(
        `/api/v1/sections/${s.id}`,
      );
      const { html } = await page(`/report/${s.id}`);
      const text = decode(html);
      expect(text).toContain(`<h1>${section.title}</h1>`);
      expect(text).toContain(section.question);
      for (const c of section.claims) expect(text, s.id).toContain(`“${c.text}”`);
      expect(html).toContain(`href="${section.links.self}"`);
    }
  });

  it.each([
    ["/report/no-such", 404, "unknown-section"],
    ["/profile/no-such-kind", 404, "unknown-kind"],
    ["/profile/no-such-kind/x", 404, "unknown-kind"],
    ["/profile/states/no-such", 404, "unknown-entity"],
    ["/cards/chart/no-such.png", 404, "unknown-chart"],
    ["/cards/fact/no-such.png", 404, "unknown-fact"],
    ["/cards/poster/atlas.png", 404, "not-found"],
    ["/cards/site/atlas.svg", 404, "not-found"],
    ["/api/v1/charts/no-such?format=png", 404, "unknown-chart"],
  ])("answers %s with %i %s as problem+json", async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect((await problem(res)).code).toBe(code);
  });
});

describe("cards", () => {
  it("serves every chart's card as a 1200×630 PNG with an ETag that yields 304", async () => {
    const { charts } = await json<{ charts: { id: string }[] }>("/api/v1/charts");
    for (const c of charts) {
      const res = await get(`/api/v1/charts/${c.id}?format=png`);
      expect(res.status, c.id).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const view = new DataView(bytes.buffer);
      expect([view.getUint32(16), view.getUint32(20)], c.id).toEqual([1200, 630]);
      const again = await get(`/api/v1/charts/${c.id}?format=png`, { headers: { "If-None-Match": res.headers.get("etag")! } });
      expect(again.status).toBe(304);
    }
  });

  it("gives embed pages a social card and oEmbed a thumbnail", async () => {
    const { html, meta } = await page("/report");
    expect(html).toBeTruthy();
    expect(meta("og:image")).toBe(`${BASE}/cards/site/atlas.png`);
    const embed = await (await get("/embed/fact/internship-effect")).text();
    expect(embed).toContain(`<meta property="og:image" content="${BASE}/cards/fact/internship-effect.png">`);
    const fact = await json<{ fact: { text: string } }>("/api/v1/facts/internship-effect");
    expect(decode(embed)).toContain(`<meta property="og:description" content="${fact.fact.text}">`);
    const o = await json<{ thumbnail_url: string; thumbnail_width: number }>(
      `/oembed?url=${encodeURIComponent(`${BASE}/embed/chart/occupations-by-median-wage`)}`,
    );
    expect(o.thumbnail_url).toBe(`${BASE}/api/v1/charts/occupations-by-median-wage?format=png`);
    expect(o.thumbnail_width).toBe(1200);
  });
});

describe("robots.txt and sitemap.xml", () => {
  it("lists the front door, the report, every section and every profile in the sitemap named by robots.txt", async () => {
    const robots = await (await get("/robots.txt")).text();
    expect(robots).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    const res = await get("/sitemap.xml");
    expect(res.headers.get("content-type")).toContain("xml");
    const locs = new Set([...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(BASE, "")));
    for (const path of ["/", "/report", ...(await sections()).map((s) => `/report/${s.id}`)]) expect(locs).toContain(path);
    const { kinds } = await json<{ kinds: { kind: string }[] }>("/api/v1/entities");
    for (const { kind } of kinds) {
      const { entities } = await json<{ entities: { id: string }[] }>(`/api/v1/entities/${kind}`);
      for (const e of entities) expect(locs, `${kind}/${e.id}`).toContain(`/profile/${kind}/${e.id}`);
    }
  });
});

describe("profiles and the finder", () => {
  it("finds a state and a metro by name, server-rendered", async () => {
    const { html } = await page("/profile?q=pittsburgh");
    expect(html).toContain('<a href="/profile/metros/pittsburgh-pa">Pittsburgh, PA</a>');
    expect((await page("/profile?q=OHIO")).html).toContain('<a href="/profile/states/ohio">Ohio</a>');
    // Any word of the name, in any order.
    expect((await page("/profile?q=clara+sunnyvale")).html).toContain('<a href="/profile/metros/san-jose-sunnyvale-santa-clara-ca">');
    expect((await page("/profile?q=zzzz-nothing")).html).toContain("No profile matches");
  });
});

describe("the profile payload, fragment and embed page", () => {
  it("serves each figure of an entity with its rank phrase and, beside it, the national figure of the same period", async () => {
    const { page: ep } = await json<{ page: { entity: { figures: Record<string, { value: number; period: string }> } } }>("/api/v1/entities/states/ohio");
    const res = await get("/api/v1/profiles/states/ohio");
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    const { profile } = (await res.json()) as {
      profile: {
        rows: { metric: string; figure: { value: number }; rank?: { phrase: string; ranking: string }; national?: { period: string } }[];
        links: { page: string };
      };
    };
    expect(profile.rows.map((r) => r.metric).sort()).toEqual(Object.keys(ep.entity.figures).sort());
    for (const r of profile.rows) {
      expect(r.figure.value).toBe(ep.entity.figures[r.metric]!.value);
      if (r.national) expect(r.national.period, r.metric).toBe(ep.entity.figures[r.metric]!.period);
    }
    const ranked = profile.rows.find((r) => r.rank)!;
    const { ranking } = await json<{ ranking: { items: { id: string; rank: number }[] } }>(`/api/v1/rankings/${ranked.rank!.ranking}`);
    const rank = ranking.items.find((it) => it.id === "ohio")!.rank;
    expect(ranked.rank!.phrase).toMatch(new RegExp(`^(tied )?${rank}(st|nd|rd|th) (highest|lowest)`));
    expect(profile.links.page).toBe("/profile/states/ohio");
    const fragment = await (await get("/api/v1/profiles/states/ohio?format=html")).text();
    expect(fragment).toMatch(/^<figure class="ml-employer-fragment" data-ml-employer="profile" data-id="states:ohio">/);
    expect(fragment).not.toMatch(/<script/i);
    const embed = await get("/embed/profile/states?entity=ohio");
    expect(embed.status).toBe(200);
    expect(await embed.text()).toContain("<title>Ohio: state profile · ML Employer Atlas</title>");
    const o = await json<{ html: string }>(`/oembed?url=${encodeURIComponent(`${BASE}/embed/profile/states?entity=ohio`)}`);
    expect(o.html).toContain(`src="${BASE}/embed/profile/states?entity=ohio"`);
  });

  it.each([
    ["/api/v1/profiles/planets/mars", 404, "unknown-kind"],
    ["/api/v1/profiles/states/atlantis", 404, "unknown-entity"],
    ["/api/v1/profiles/states/ohio?format=xml", 400, "bad-parameter"],
    ["/api/v1/profiles/states/atlantis?format=html", 404, "unknown-entity"],
  ])("answers %s with %i %s", async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect((await problem(res)).code).toBe(code);
  });

  it("answers an embed page of a profile with no entity as a readable bad-parameter page", async () => {
    // As an iframe asks for it (Accept: text/html); other clients get problem+json.
    const res = await get("/embed/profile/states", { headers: { Accept: "text/html" } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('data-code="bad-parameter"');
  });
});
