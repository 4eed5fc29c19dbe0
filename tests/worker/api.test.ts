// The worker inside workerd, with the bundled snapshot and local KV seeded through `env`.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { get, problem } from "./client";

describe("API index and lists", () => {
  it("links to every collection from /api/v1", async () => {
    const res = await get("/api/v1");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { snapshot: { id: string }; links: Record<string, string> };
    expect(body.snapshot.id).toMatch(/^[0-9a-f]{12}$/);
    for (const path of ["/api/v1/rankings", "/api/v1/compare", "/api/v1/charts", "/api/v1/sources", "/openapi.json"])
      expect(Object.values(body.links)).toContain(path);
  });

  it("lists rankings, each with a link that answers JSON with open CORS, an ETag and Cache-Control", async () => {
    const list = (await (await get("/api/v1/rankings")).json()) as { rankings: { id: string; links: { self: string } }[] };
    expect(list.rankings.length).toBeGreaterThanOrEqual(5);
    for (const r of list.rankings) {
      expect(r.links.self).toBe(`/api/v1/rankings/${r.id}`);
      const res = await get(r.links.self);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]{20}"$/);
      expect(res.headers.get("cache-control")).toContain("stale-while-revalidate");
      expect(((await res.json()) as { ranking: { id: string } }).ranking.id).toBe(r.id);
    }
  });

  it("answers If-None-Match with the current ETag by 304 and no body", async () => {
    const first = await get("/api/v1/rankings/occupations-by-median-wage");
    const etag = first.headers.get("etag")!;
    const again = await get("/api/v1/rankings/occupations-by-median-wage", { headers: { "If-None-Match": `W/"x", ${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stale = await get("/api/v1/rankings/occupations-by-median-wage", { headers: { "If-None-Match": '"stale"' } });
    expect(stale.status).toBe(200);
  });

  it("answers a URL it has answered before the same way: GET, HEAD (no body) and If-None-Match", async () => {
    const path = "/api/v1/rankings/occupations-by-median-wage?format=csv";
    const first = await get(path);
    const body = await first.text();
    const again = await get(path);
    expect(again.status).toBe(200);
    expect([...again.headers]).toEqual([...first.headers]);
    expect(await again.text()).toBe(body);
    const head = await get(path, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await head.text()).toBe("");
    const revalidated = await get(path, { headers: { "If-None-Match": first.headers.get("etag")! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("content-disposition")).toContain("occupations-by-median-wage.csv");
    expect((await get(path, { method: "POST" })).status).toBe(405);
  });

  it("lists every source with URL (or null with a note), period and trust label", async () => {
    const body = (await (await get("/api/v1/sources")).json()) as {
      sources: { id: string; url: string | null; period: string; trust: string; note?: string }[];
    };
    expect(body.sources.map((s) => s.id)).toContain("bls-oews-national-m2025");
    for (const s of body.sources) {
      expect(s.period).not.toBe("");
      expect(["official", "official-derived", "third-party", "article"]).toContain(s.trust);
      if (s.url === null) expect(s.note).toBeTruthy();
    }
  });
});

describe("rankings and charts", () => {
  it("serves a ranking as CSV with provenance columns", async () => {
    const res = await get("/api/v1/rankings/occupations-by-employment?format=csv");
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("rank,id,name,value,bound,unit,prse,reliability,source,source_url,period,trust,derived_from,derived_sources,note,snapshot");
    expect(lines.find((l) => l.includes(",data-scientists,"))).toContain(
      ",262440,,jobs,1.1,,bls-oews-national-m2025,https://www.bls.gov/oes/tables.htm,May 2025,official,",
    );
  });

  it("serves each chart as Vega-Lite, compiled Vega, SVG and embed payload", async () => {
    const list = (await (await get("/api/v1/charts")).json()) as { charts: { id: string; links: Record<string, string> }[] };
    for (const c of list.charts) {
      const vl = (await (await get(c.links.self!)).json()) as { $schema: string; data: { values: unknown[] } };
      expect(vl.$schema).toContain("vega-lite");
      expect(vl.data.values.length).toBeGreaterThan(0);
      const svg = await get(c.links.svg!);
      expect(svg.headers.get("content-type")).toContain("image/svg+xml");
      expect(await svg.text()).toMatch(/^<svg/);
      const vg = (await (await get(c.links.vega!)).json()) as { $schema: string };
      expect(vg.$schema).toContain("vega/v");
    }
    const embed = (await (await get("/api/v1/charts/occupations-by-median-wage?format=embed")).json()) as { rows: unknown[]; svg: string };
    expect(embed.rows.length).toBeGreaterThanOrEqual(6);
  });
});

describe("several charts' embed payloads in one request", () => {
  it("answers /api/v1/embeds?charts=… with each chart's own embed body and ETag, in order, and a problem per unknown id", async () => {
    const ids = ["occupations-by-employment", "no-such-chart", "occupations-by-median-wage"];
    const res = await get(`/api/v1/embeds?charts=${ids.join(",")},occupations-by-employment`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as {
      snapshot: { id: string };
      charts: { id: string; status: number; etag?: string; embed?: unknown; problem?: { code: string } }[];
    };
    expect(body.charts.map((c) => [c.id, c.status])).toEqual([
      [ids[0], 200],
      [ids[1], 404],
      [ids[2], 200],
    ]);
    expect(body.charts[1]!.problem!.code).toBe("unknown-chart");
    for (const c of [body.charts[0]!, body.charts[2]!]) {
      const single = await get(`/api/v1/charts/${c.id}?format=embed`);
      expect(c.etag).toBe(single.headers.get("etag"));
      expect(c.embed).toEqual(await single.json());
    }
    const again = await get(`/api/v1/embeds?charts=${ids.join(",")},occupations-by-employment`, { headers: { "If-None-Match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it.each([
    ["/api/v1/embeds", "Name the charts"],
    ["/api/v1/embeds?charts=,", "Name the charts"],
    ["/api/v1/embeds?charts=Bad%20Id", "is not a chart id"],
    [`/api/v1/embeds?charts=${Array.from({ length: 51 }, (_, i) => `c${i}`).join(",")}`, "At most 50"],
  ])("refuses %s with a 400 problem", async (path, detail) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.code).toBe("bad-parameter");
    expect(p.detail).toContain(detail);
  });
});

describe("comparisons", () => {
  it("serves a precomputed pair of a small kind either way round", async () => {
    const ab = await get("/api/v1/compare/occupations?a=data-scientists&b=statisticians");
    const ba = await get("/api/v1/compare/occupations?a=statisticians&b=data-scientists");
    expect(ab.status).toBe(200);
    expect(await ab.text()).toBe(await ba.text());
  });

  it("joins two per-entity records of a large kind with differences and sources", async () => {
    const res = await get("/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca");
    expect(res.status).toBe(200);
    const { comparison } = (await res.json()) as {
      comparison: { a: { id: string }; differences: { metric: string; a: number; b: number; difference: number }[]; sources: { id: string }[] };
    };
    expect(comparison.a.id).toBe("new-york-newark-jersey-city-ny-nj");
    expect(comparison.differences.find((d) => d.metric === "employment")).toMatchObject({ a: 19810, b: 6570, difference: 13240 });
    expect(comparison.sources.map((s) => s.id)).toContain("oews-msa-m2024-extract");
    expect(res.headers.get("etag")).toBeTruthy();
  });

  it("lists comparable kinds with an example link that works", async () => {
    const { kinds } = (await (await get("/api/v1/compare")).json()) as { kinds: { kind: string; example: string }[] };
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["metros", "occupations", "states", "industries"]));
    for (const k of kinds) expect((await get(k.example)).status).toBe(200);
  });
});

describe("errors", () => {
  it("answers an unknown ranking with a 404 problem", async () => {
    const res = await get("/api/v1/rankings/no-such");
    expect(res.status).toBe(404);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await problem(res)).toMatchObject({ code: "unknown-ranking", status: 404, type: "https://ml-employer-atlas.dev/problems/unknown-ranking" });
  });

  it.each([
    ["/api/v1/charts/no-such", 404, "unknown-chart"],
    ["/api/v1/compare/planets?a=x&b=y", 404, "unknown-kind"],
    ["/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=atlantis", 404, "unknown-entity"],
    ["/api/v1/compare/metros?a=x", 400, "bad-parameter"],
    ["/api/v1/compare/metros?b=", 400, "bad-parameter"],
    ["/api/v1/compare/occupations?a=data-scientists&b=data-scientists", 400, "bad-parameter"],
    ["/api/v1/rankings/occupations-by-employment?format=xml", 400, "bad-parameter"],
    ["/api/v1/charts/occupations-by-employment?format=%3Cscript%3E", 400, "bad-parameter"],
    ["/api/v2/anything", 404, "not-found"],
    ["/api/v1/rankings/%E0%A4%A", 404, "unknown-ranking"],
  ])("GET %s → %i %s", async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect((await problem(res)).code).toBe(code);
  });

  it.each(["POST", "PUT", "DELETE", "PATCH"])("refuses %s with 405 and an Allow header", async (method) => {
    const res = await get("/api/v1/rankings", { method, body: method === "DELETE" ? undefined : "{}" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect((await problem(res)).code).toBe("method-not-allowed");
  });

  it("answers a CORS preflight for If-None-Match", async () => {
    const res = await get("/api/v1/rankings", {
      method: "OPTIONS",
      headers: { Origin: "https://blog.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toBe("if-none-match");
  });

  it("never leaks a stack trace or an internal message in a problem", async () => {
    // A bug, not bad input: the snapshot cannot be loaded at all (KV empty, bundle broken).
    const secret = "bundle inflate failed reading /srv/atlas/secret.gz";
    const broken = createApp(() => Promise.reject(new Error(secret)));
    const res = await broken.request("/api/v1/rankings/occupations-by-median-wage", {}, env);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ code: "internal", detail: "The server could not answer this request." });
    expect(body).not.toContain(secret);
    expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe("snapshot source", () => {
  it("serves the bundled snapshot when KV is empty", async () => {
    expect(await env.ATLAS_KV.get("atlas:v1:current")).toBeNull();
    const res = await get("/api/v1");
    expect(res.status).toBe(200);
  });
});

describe("entities, sections and facts", () => {
  it("lists the twelve sections of the article, each answering with records and sources", async () => {
    const { sections } = (await (await get("/api/v1/sections")).json()) as { sections: { id: string; links: { self: string } }[] };
    expect(sections.map((s) => s.id)).toEqual([
      "industries",
      "entry-level-roles",
      "employer-types",
      "employer-sizes",
      "government",
      "nonprofits",
      "healthcare",
      "technology-sectors",
      "mid-career",
      "geography",
      "internships",
      "key-facts",
    ]);
    for (const s of sections) expect((await get(s.links.self)).status).toBe(200);
  });

  it("serves an entity page linking to the rankings it appears in", async () => {
    const res = await get("/api/v1/entities/naics-sectors/naics-52");
    const { page } = (await res.json()) as { page: { entity: { figures: Record<string, { value: number }> }; appearsIn: { rankings: { href: string }[] } } };
    expect(page.entity.figures.employment?.value).toBe(41020);
    expect(page.appearsIn.rankings.length).toBeGreaterThan(0);
  });

  it("serves a fact with its figure and provenance", async () => {
    const { fact } = (await (await get("/api/v1/facts/data-scientist-growth-2023-33")).json()) as { fact: { figure: { value: number; trust: string } } };
    expect(fact.figure).toMatchObject({ value: 36, trust: "official" });
  });

  it.each([
    ["/api/v1/entities/planets", "unknown-kind"],
    ["/api/v1/entities/metros/atlantis", "unknown-entity"],
    ["/api/v1/sections/no-such", "unknown-section"],
    ["/api/v1/facts/no-such", "unknown-fact"],
  ])("GET %s → 404 %s", async (path, code) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect((await problem(res)).code).toBe(code);
  });
});
