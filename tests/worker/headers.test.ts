// Security headers on every route: every response carries nosniff, a Referrer-Policy and open CORS; every HTML
// page a CSP (embed pages framable by anyone and script-free, our other pages framable only by our own);
// the widget files are Cross-Origin-Resource-Policy: cross-origin. Static files answer every method like the API.
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { BASE, get, problem } from "./client";

/** Every GET route the worker registers, as a pattern over paths. */
const routes = createApp(async () => ({ pointer: "none", entries: {} }))
  .routes.filter((r) => r.method === "GET" && r.path !== "*")
  .map((r) => ({ path: r.path, re: new RegExp(`^${r.path.replace(/:[a-z]+/g, "[^/]+")}$`) }));

/** Up to `perRoute` URLs of each route, following links from /api/v1 and adding every format and page kind. */
async function urls(perRoute = 2): Promise<string[]> {
  const seen = new Set<string>();
  const count = new Map<string, number>();
  const queue = ["/api/v1", "/api/v1/entities", "/api/v1/compare"];
  const take = (u: string) => {
    const path = u.split("?")[0]!;
    const route = routes.find((r) => r.re.test(path))?.path ?? path;
    if (seen.has(u) || (count.get(route) ?? 0) >= perRoute) return;
    seen.add(u);
    count.set(route, (count.get(route) ?? 0) + 1);
    queue.push(u);
  };
  const visit = (v: unknown): void => {
    if (typeof v === "string" && v.startsWith("/api/v1") && !v.includes("{")) take(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  while (queue.length) {
    const u = queue.shift()!;
    const res = await get(u);
    if ((res.headers.get("content-type") ?? "").startsWith("application/json")) visit(await res.json());
    else await res.arrayBuffer();
  }
  const extra = [
    "/api/v1/rankings/occupations-by-median-wage?format=csv",
    "/api/v1/rankings/occupations-by-median-wage?format=html",
    "/api/v1/charts/occupations-by-median-wage?format=svg",
    "/api/v1/charts/occupations-by-median-wage?format=vega",
    "/api/v1/charts/occupations-by-median-wage?format=embed",
    "/api/v1/charts/occupations-by-median-wage?format=html",
    "/api/v1/facts/data-scientist-growth-2023-33?format=html",
    "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca&format=html",
    "/embed/chart/occupations-by-median-wage",
    "/embed/ranking/occupations-by-median-wage?theme=dark",
    "/embed/fact/data-scientist-growth-2023-33",
    "/embed/compare/occupations?a=data-scientists&b=statisticians",
    "/embed/atlas.css",
    `/oembed?url=${encodeURIComponent(`${BASE}/embed/chart/occupations-by-median-wage`)}`,
    "/openapi.json",
    "/api/v1/embeds?charts=occupations-by-median-wage,occupations-by-employment",
    "/api/v1/profiles/states/ohio",
    "/cards/chart/occupations-by-median-wage.png",
    "/profile/states",
    "/profile/states/ohio",
    "/robots.txt",
    "/sitemap.xml",
  ];
  return [...seen, ...extra];
}

/** The static files: the demo page and what it loads, and the chunks widgets.js imports. */
async function staticFiles(): Promise<string[]> {
  const page = await (await get("/")).text();
  const loaded = [...page.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
  const loader = await (await get("/widgets.js")).text();
  const chunks = [...loader.matchAll(/"\.\/(chunks\/[^"]+\.js)"/g)].map((m) => `/${m[1]}`);
  return ["/", ...new Set([...loaded, "/widgets.js", ...chunks, "/custom-elements.json", "/widgets.d.ts"])];
}

const WIDGET_FILE = /^\/(widgets\.js|widgets\.d\.ts|custom-elements\.json|chunks\/.+\.js)$/;

function checkHeaders(url: string, res: Response, problems: string[]) {
  const h = (n: string) => res.headers.get(n);
  const path = url.split("?")[0]!;
  const say = (what: string) => problems.push(`${res.status} ${url}: ${what}`);
  if (h("x-content-type-options") !== "nosniff") say("no nosniff");
  if (h("referrer-policy") !== "no-referrer") say(`referrer-policy ${h("referrer-policy")}`);
  if (h("access-control-allow-origin") !== "*") say("no open CORS");
  if (WIDGET_FILE.test(path) && h("cross-origin-resource-policy") !== "cross-origin") say("widget file without CORP cross-origin");
  const type = h("content-type") ?? "";
  const csp = h("content-security-policy") ?? "";
  if (type.startsWith("text/html")) {
    if (!csp) return say("HTML without a CSP");
    if (path.startsWith("/embed/")) {
      if (/frame-ancestors/.test(csp) || h("x-frame-options")) say(`embed page not framable by anyone: ${csp}`);
      if (!/default-src 'none'/.test(csp) || /script-src/.test(csp)) say(`embed page CSP allows script: ${csp}`);
    } else if (!/frame-ancestors 'self'/.test(csp)) say(`our page framable by others: ${csp}`);
  }
}

describe("security headers", () => {
  it("are on every route's answers (up to 2 URLs per route, every format, embed pages, static files), errors included", async () => {
    const list = [...(await urls()), ...(await staticFiles())];
    const errors = ["/api/v1/rankings/no-such", "/api/v1/charts/x?format=pdf", "/nope", "/embed/chart/no-such", "/chunks/none.js"];
    const problems: string[] = [];
    const covered = new Set<string>();
    let html = 0;
    for (const url of [...list, ...errors]) {
      // HEAD as well as GET; and the HTML error page an iframe gets for a bad embed.
      for (const init of url.startsWith("/embed/") ? [{}, { method: "HEAD" }, { headers: { Accept: "text/html" } }] : [{}, { method: "HEAD" }]) {
        const res = await get(url, init);
        checkHeaders(url, res, problems);
        if ((res.headers.get("content-type") ?? "").startsWith("text/html")) html++;
        await res.arrayBuffer();
      }
      const path = url.split("?")[0]!;
      for (const r of routes) if (r.re.test(path)) covered.add(r.path);
    }
    expect(problems).toEqual([]);
    expect([...covered].sort()).toEqual(routes.map((r) => r.path).sort());
    expect(html).toBeGreaterThan(20);
  });

  it("a 405 from a static path carries them too", async () => {
    const res = await get("/widgets.js", { method: "POST", body: "x" });
    const problems: string[] = [];
    checkHeaders("/widgets.js", res, problems);
    expect(problems).toEqual([]);
  });
});

describe("static files", () => {
  it("are served to GET and HEAD, and every other method on them gets a 405 problem+json with CORS", async () => {
    const files = await staticFiles();
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) {
      const res = await get(f);
      expect(res.status, f).toBe(200);
      await res.arrayBuffer();
      for (const method of ["POST", "PUT", "DELETE", "PROPFIND"]) {
        const refused = await get(f, { method, body: method === "DELETE" ? undefined : "x".repeat(100) });
        expect(refused.status, `${method} ${f}`).toBe(405);
        expect(refused.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        expect((await problem(refused)).code).toBe("method-not-allowed");
      }
    }
  });

  it("a path that is neither a route nor a file is a 404 problem+json, a Range request is answered whole", async () => {
    expect((await problem(await get("/chunks/none.js"))).code).toBe("not-found");
    const ranged = await get("/widgets.js", { headers: { Range: "bytes=999999-" } });
    expect(ranged.status).toBe(200);
  });
});
