// Script-free HTML inside workerd: fragments (?format=html), embed pages for iframes, and oEmbed.
import { describe, expect, it } from "vitest";
import { BASE, get, problem } from "./client";

const FRAGMENTS = [
  ["chart", "/api/v1/charts/occupations-by-median-wage?format=html", "/api/v1/charts/occupations-by-median-wage?format=embed"],
  ["ranking", "/api/v1/rankings/metros-by-data-scientist-employment?format=html", "/api/v1/rankings/metros-by-data-scientist-employment"],
  [
    "compare",
    "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca&format=html",
    "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca",
  ],
  ["compare", "/api/v1/compare/occupations?a=data-scientists&b=statisticians&format=html", "/api/v1/compare/occupations?a=data-scientists&b=statisticians"],
] as const;

describe("HTML fragments", () => {
  it.each(FRAGMENTS)("serves a %s as a script-free fragment with figures, source, trust label and snapshot", async (kind, path, jsonPath) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const html = await res.text();
    expect(html).toMatch(new RegExp(`^<figure class="ml-employer-fragment" data-ml-employer="${kind}"`));
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    const json = (await (await get(jsonPath)).json()) as { snapshot: { id: string } };
    expect(html).toContain(`Snapshot ${json.snapshot.id}`);
    expect(html).toMatch(/class="ml-employer-trust">(official|official-derived|third-party|article)</);
    expect(html).toMatch(/<li>Source: <a href="https:\/\//);
    // Links are absolute, so a fragment pasted elsewhere still leads back here.
    expect(html).toMatch(/href="http:\/\/atlas\.test\/api\/v1\//);
  });

  it("carries the known official figures through: data scientists, May 2025", async () => {
    const html = await (await get("/api/v1/rankings/occupations-by-median-wage?format=html")).text();
    expect(html).toMatch(/<th scope="row">Data scientists<\/th><td>\$120,230<\/td>/);
    const chart = await (await get("/api/v1/charts/occupations-by-employment?format=html")).text();
    expect(chart).toMatch(/<th scope="row">Data scientists<\/th><td>262,440<\/td>/);
    expect(chart).toContain("<svg");
  });

  it("answers an ETag revalidation of a fragment with 304", async () => {
    const first = await get("/api/v1/facts/data-scientist-growth-2023-33?format=html");
    expect(first.status).toBe(200);
    const again = await get("/api/v1/facts/data-scientist-growth-2023-33?format=html", { headers: { "If-None-Match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it.each([
    ["/api/v1/charts/no-such?format=html", 404, "unknown-chart"],
    ["/api/v1/rankings/no-such?format=html", 404, "unknown-ranking"],
    ["/api/v1/facts/no-such?format=html", 404, "unknown-fact"],
    ["/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&format=html", 400, "bad-parameter"],
    ["/api/v1/compare/metros?format=html", 400, "bad-parameter"],
    ["/api/v1/charts/occupations-by-median-wage?format=pdf", 400, "bad-parameter"],
  ])("answers %s with %i %s as problem+json", async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect((await problem(res)).code).toBe(code);
  });
});

describe("embed pages", () => {
  it("serves a whole page with no script, a strict CSP, its stylesheet and oEmbed discovery", async () => {
    const res = await get("/embed/chart/occupations-by-median-wage?theme=dark");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("content-security-policy")).not.toContain("script-src");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en" class="dark">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<link rel="stylesheet" href="/embed/atlas.css">');
    const oembed = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    expect(oembed).toBe(`${BASE}/oembed?url=${encodeURIComponent(`${BASE}/embed/chart/occupations-by-median-wage?theme=dark`)}&format=json`);
    const css = await get("/embed/atlas.css");
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toContain("light-dark(");
  });

  it("embeds a comparison of a large kind by its query", async () => {
    const res = await get("/embed/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>New York-Newark-Jersey City, NY-NJ and San Jose-Sunnyvale-Santa Clara, CA · ML Employer Atlas</title>");
  });

  it.each([
    ["/embed/chart/no-such", 404, "unknown-chart"],
    ["/embed/widget/x", 404, "not-found"],
    ["/embed/chart/occupations-by-median-wage?theme=neon", 400, "bad-parameter"],
    ["/embed/compare/metros?a=%3Cscript%3E&b=x", 404, "unknown-entity"],
  ])("answers a bad embed %s with a readable page to an iframe, problem+json to others, status %i and code %s", async (path, status, code) => {
    // What Chromium sends when it loads an iframe.
    const res = await get(path, { headers: { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(`role="alert" data-code="${code}"`);
    expect(html).not.toContain("<script");
    const api = await get(path);
    expect(api.status).toBe(status);
    expect((await problem(api)).code).toBe(code);
  });
});

describe("oEmbed", () => {
  it("answers a rich iframe embed for an embed page URL", async () => {
    const url = `${BASE}/embed/ranking/occupations-by-median-wage`;
    const res = await get(`/oembed?url=${encodeURIComponent(url)}&maxwidth=500`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "ML Employer Atlas", width: 500 });
    expect(body.title).toBe("ML-relevant occupations by median annual wage");
    expect(body.html).toBe(
      `<iframe src="${url}" title="ML-relevant occupations by median annual wage" width="500" height="${body.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
  });

  it.each([
    ["", 400, "bad-parameter"],
    ["?url=https%3A%2F%2Fevil.example%2Fembed%2Fchart%2Fx", 404, "not-found"],
    [`?url=${encodeURIComponent(`${BASE}/api/v1/rankings`)}`, 404, "not-found"],
    [`?url=${encodeURIComponent(`${BASE}/embed/chart/no-such`)}`, 404, "unknown-chart"],
    [`?url=${encodeURIComponent(`${BASE}/embed/chart/occupations-by-median-wage`)}&format=xml`, 400, "bad-parameter"],
  ])("answers oEmbed%s with %i %s", async (query, status, code) => {
    const res = await get(`/oembed${query}`);
    expect(res.status).toBe(status);
    expect((await problem(res)).code).toBe(code);
  });
});
