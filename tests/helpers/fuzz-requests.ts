// A seeded generator of malformed and ordinary HTTP requests, and a runner that sends them over keep-alive
// connections with a per-request deadline, so a hang or a dropped connection is counted, not waited out.
import { Agent, request as httpRequest } from "node:http";
import { rng, type Rng } from "./rng";

export interface FuzzRequest {
  method: string;
  /** Raw request target: path and query, possibly malformed (sent as is). */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Ids the generator mixes with junk: real ones reach the cached paths, near-misses the 404 paths. */
export interface Corpus {
  rankings: string[];
  charts: string[];
  facts: string[];
  sections: string[];
  kinds: string[];
  entities: Record<string, string[]>;
  compareKinds: string[];
  assets: string[];
}

/** Methods workerd's HTTP parser knows (a selection): requests with them reach the worker. */
export const RUNTIME_METHODS: ReadonlySet<string> = new Set([
  "GET",
  "HEAD",
  "OPTIONS",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
  "PROPFIND",
  "MKCOL",
  "TRACE",
  "COPY",
  "LOCK",
  "PURGE",
  "SEARCH",
]);
const METHODS = ["GET", "GET", "GET", "GET", "HEAD", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH", "PROPFIND", "MKCOL", "TRACE", "COPY", "PURGE", "FOO"];
const FORMATS = ["json", "csv", "html", "svg", "embed", "vega", "vega-lite", "xml", "", "HTML", "json%00", "<script>", "csv,html"];
const JUNK = [
  "",
  "x",
  "no-such",
  "..",
  "%2e%2e",
  "%",
  "%E0%A4%A",
  "%00",
  "%ff%fe",
  "é",
  "😀",
  "<script>alert(1)</script>",
  "'\"><svg onload=1>",
  "javascript:alert(1)",
  "a".repeat(300),
  "é".repeat(300),
  "‮evil",
  "=cmd|' /C calc'!A0",
  "index.html",
  "widgets.js",
  " ",
  "%20",
  "?",
  "#",
  "__proto__",
  "constructor",
  "toString",
  "null",
  "undefined",
  "-1",
  "1e309",
  "NaN",
];
const HEADER_VALUES = ["*", "", '"x"', 'W/"x", *', "a".repeat(4000), "gzip, br", "text/html", "application/json", "bytes=0-10", "bytes=999999-", "\u00e9"];

function segment(r: Rng, c: Corpus): string {
  const pool = r.pick([c.rankings, c.charts, c.facts, c.sections, c.kinds, c.compareKinds, JUNK, JUNK]);
  let s = pool.length ? r.pick(pool) : "x";
  if (r.chance(0.15)) s = s + r.pick(JUNK);
  if (r.chance(0.1)) s = s.toUpperCase();
  return r.chance(0.5) ? encodeURIComponent(s) : s.replace(/[\s#?]/g, encodeURIComponent);
}

function path(r: Rng, c: Corpus): string {
  const kind = r.pick(c.kinds.length ? c.kinds : ["metros"]);
  const ids = c.entities[kind] ?? [];
  const id = () => (ids.length && r.chance(0.6) ? r.pick(ids) : segment(r, c));
  const base = r.pick([
    () => "/",
    () => "/api/v1",
    () => `/api/v1/${r.pick(["rankings", "charts", "compare", "sources", "entities", "sections", "facts", "nope"])}`,
    () => `/api/v1/rankings/${r.chance(0.6) ? r.pick(c.rankings) : segment(r, c)}`,
    () => `/api/v1/charts/${r.chance(0.6) ? r.pick(c.charts) : segment(r, c)}`,
    () => `/api/v1/facts/${r.chance(0.6) ? r.pick(c.facts) : segment(r, c)}`,
    () => `/api/v1/sections/${r.chance(0.6) ? r.pick(c.sections) : segment(r, c)}`,
    () => `/api/v1/entities/${r.chance(0.8) ? kind : segment(r, c)}`,
    () => `/api/v1/entities/${kind}/${id()}`,
    () => `/api/v1/compare/${r.chance(0.8) ? r.pick(c.compareKinds) : segment(r, c)}`,
    () =>
      `/embed/${r.pick(["chart", "ranking", "fact", "compare", "widget", ""])}/${r.pick([...c.charts, ...c.rankings, ...c.facts, ...c.compareKinds, ...JUNK])}`,
    () => "/embed/atlas.css",
    () => "/oembed",
    () => "/openapi.json",
    () => r.pick(c.assets),
    () => r.pick(c.assets),
    () => r.pick(c.assets) + r.pick(["/", "x", "%00", "/..", ".map", "?v=1"]),
    () => `/${segment(r, c)}/${segment(r, c)}`,
    () => `/api/v1/${segment(r, c)}/${segment(r, c)}/${segment(r, c)}`,
  ])();
  let p = base;
  if (r.chance(0.05)) p = p.replace(/\//g, "//");
  if (r.chance(0.05)) p += "/";
  if (r.chance(0.03)) p = p.replace("/api/v1", "/api/v1/./x/..");
  return p;
}

function query(r: Rng, c: Corpus): string {
  if (r.chance(0.45)) return "";
  const kind = r.pick(c.compareKinds.length ? c.compareKinds : ["metros"]);
  const ids = c.entities[kind] ?? [];
  const params: string[] = [];
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    const k = r.pick(["format", "a", "b", "theme", "url", "maxwidth", "maxheight", "limit", segment(r, c), ""]);
    let v: string;
    if (k === "format") v = r.pick(FORMATS);
    else if (k === "a" || k === "b") v = ids.length && r.chance(0.7) ? r.pick(ids) : segment(r, c);
    else if (k === "theme") v = r.pick(["light", "dark", "auto", "neon", ""]);
    else if (k === "url")
      v = encodeURIComponent(
        r.pick([`http://127.0.0.1/embed/chart/${r.pick(c.charts)}`, "/embed/ranking/x", "javascript:alert(1)", "https://evil.example/embed/chart/x", "::", ""]),
      );
    else if (k === "maxwidth" || k === "maxheight") v = r.pick(["0", "-5", "300", "1e9", "abc", "99999999999999999999"]);
    else v = segment(r, c);
    params.push(r.chance(0.05) ? k : `${k}=${v}`);
  }
  if (r.chance(0.03)) params.push(`x=${"y".repeat(6000)}`);
  return `?${params.join(r.chance(0.1) ? ";" : "&")}`;
}

export function fuzzRequest(r: Rng, c: Corpus): FuzzRequest {
  const method = r.pick(METHODS);
  const headers: Record<string, string> = {};
  const nh = r.int(4);
  for (let i = 0; i < nh; i++) {
    const name = r.pick([
      "If-None-Match",
      "Accept",
      "Accept-Encoding",
      "Origin",
      "Range",
      "Content-Type",
      "X-Forwarded-For",
      "Cookie",
      "Access-Control-Request-Method",
      "Access-Control-Request-Headers",
      "X-Fuzz",
    ]);
    headers[name] = r.pick(HEADER_VALUES).replace(/[^\t\x20-\x7e]/g, "?");
  }
  let body: Buffer | undefined;
  if (method !== "GET" && method !== "HEAD" && r.chance(0.6)) {
    const size = r.pick([0, 1, 17, 1024, 16_384, 70_000]);
    body = Buffer.alloc(size);
    for (let i = 0; i < size; i++) body[i] = r.int(256);
  }
  // Bytes outside printable ASCII are percent-encoded: an HTTP/1.1 request line cannot carry them raw.
  const target = (path(r, c) + query(r, c)).replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
  return { method, target, headers, body };
}

export function fuzzRequests(seed: number, n: number, c: Corpus): FuzzRequest[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => fuzzRequest(r, c));
}

export interface FuzzResult {
  req: FuzzRequest;
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body?: Buffer;
  /** "timeout" when no complete answer came within the deadline; any other string is a socket or parse error. */
  error?: string;
  ms: number;
}

/** Sends one request on the agent's keep-alive sockets and waits at most `deadlineMs` for the whole response. */
export function send(base: string, req: FuzzRequest, agent: Agent, deadlineMs: number): Promise<FuzzResult> {
  const url = new URL(base);
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Omit<FuzzResult, "req" | "ms">) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ req, ms: performance.now() - started, ...r });
    };
    const headers = { ...req.headers, ...(req.body ? { "Content-Length": String(req.body.length) } : {}) };
    const cr = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: req.target, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => finish({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", (e) => finish({ error: String(e) }));
    });
    const timer = setTimeout(() => {
      finish({ error: "timeout" });
      cr.destroy();
    }, deadlineMs);
    cr.on("error", (e) => finish({ error: String(e) }));
    cr.end(req.body);
  });
}

/** Sends every request over `connections` keep-alive sockets, `connections` at a time, in order. */
export async function runFuzz(base: string, reqs: FuzzRequest[], connections: number, deadlineMs: number): Promise<FuzzResult[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const results: FuzzResult[] = new Array(reqs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < reqs.length) {
        const i = next++;
        results[i] = await send(base, reqs[i]!, agent, deadlineMs);
      }
    }),
  );
  agent.destroy();
  return results;
}

/** What is wrong with one answer: a 5xx, no answer, or an error that is not problem+json with CORS. */
export function verdict(r: FuzzResult): string | null {
  const what = `${r.req.method} ${r.req.target.slice(0, 120)}`;
  if (r.error) return `${what}: ${r.error} after ${Math.round(r.ms)} ms`;
  const status = r.status!;
  // A method name the runtime does not know never reaches the worker: workerd answers 501 itself.
  if (!RUNTIME_METHODS.has(r.req.method)) return status === 501 ? null : `${what}: ${status} from the runtime`;
  if (status >= 500) return `${what}: ${status}`;
  if (status < 400) return null;
  const type = String(r.headers?.["content-type"] ?? "");
  if (!type.startsWith("application/problem+json")) return `${what}: ${status} as "${type}"`;
  if (r.headers?.["access-control-allow-origin"] !== "*") return `${what}: ${status} without CORS`;
  if (r.req.method === "HEAD") return null;
  try {
    const p = JSON.parse(r.body!.toString("utf8")) as { status?: number; code?: string };
    if (p.status !== status || !p.code) return `${what}: problem body says ${p.status}/${p.code}`;
  } catch {
    return `${what}: ${status} problem+json body does not parse`;
  }
  return null;
}
