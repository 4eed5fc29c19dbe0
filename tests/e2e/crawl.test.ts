// Follows every link from /api/v1 on the real local server: no 5xx, only valid JSON (or CSV/SVG where asked), and every
// figure-like number carries its provenance.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, inject, it } from "vitest";

const BASE = inject("apiUrl");

/** A validator of each operation's JSON 200 body, from the OpenAPI document the server serves (contract test). */
async function contract() {
  const doc = (await (await fetch(`${BASE}/openapi.json`)).json()) as {
    paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, unknown> }> } }>;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: "atlas:openapi" });
  const pointer = (p: string) => p.replaceAll("~", "~0").replaceAll("/", "~1");
  const operations = Object.keys(doc.paths)
    .filter((p) => doc.paths[p]!.get?.responses?.["200"]?.content?.["application/json"])
    .map((p) => ({
      match: new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`),
      path: p,
      validate: ajv.compile({ $ref: `atlas:openapi#/paths/${pointer(p)}/get/responses/200/content/application~1json/schema` }),
    }));
  return (path: string, body: unknown): string[] => {
    const op = operations.find((o) => o.match.test(path.split("?")[0]!));
    if (!op) return [`${path}: no operation in the OpenAPI document`];
    return op.validate(body) ? [] : [`${path}: not a ${op.path} body: ${ajv.errorsText(op.validate.errors)}`];
  };
}

function links(body: unknown, out: Set<string>) {
  if (typeof body === "string") {
    if (body.startsWith("/api/v1") && !body.includes("{")) out.add(body);
  } else if (Array.isArray(body)) body.forEach((v) => links(v, out));
  else if (body && typeof body === "object") Object.values(body).forEach((v) => links(v, out));
}

/** Objects holding a numeric `value` are figures: they must say where the number comes from. */
function unsourced(body: unknown, path = "$", out: string[] = []): string[] {
  if (Array.isArray(body)) body.forEach((v, i) => unsourced(v, `${path}[${i}]`, out));
  else if (body && typeof body === "object") {
    const o = body as Record<string, unknown>;
    if (typeof o.value === "number" && !(typeof o.source === "string" && typeof o.period === "string" && typeof o.trust === "string")) out.push(path);
    if ("difference" in o && typeof o.derivedFrom !== "string") out.push(path);
    for (const [k, v] of Object.entries(o)) unsourced(v, `${path}.${k}`, out);
  }
  return out;
}

describe("crawling the API from /api/v1", () => {
  it("reaches every resource with no 5xx, bodies valid against their operation's OpenAPI schema, and provenance on every figure", {
    timeout: 180_000,
  }, async () => {
    const check = await contract();
    const seen = new Set<string>();
    const queue = ["/api/v1"];
    const problems: string[] = [];
    const kinds = new Set<string>();
    const visit = async (path: string) => {
      const res = await fetch(BASE + path);
      if (res.status !== 200) {
        problems.push(`${path}: ${res.status}`);
        return;
      }
      const type = res.headers.get("content-type") ?? "";
      kinds.add(path.split("?")[0]!.split("/").slice(0, 4).join("/"));
      if (type.includes("text/csv") || type.includes("image/svg")) {
        if ((await res.text()).length === 0) problems.push(`${path}: empty body`);
        return;
      }
      if (!type.includes("application/json")) problems.push(`${path}: ${type}`);
      const body = JSON.parse(await res.text()) as unknown;
      problems.push(...check(path, body));
      // Chart specs carry their rows' provenance in `usermeta.sources`, not per row.
      if (!path.startsWith("/api/v1/charts/")) problems.push(...unsourced(body).map((p) => `${path}: ${p} has no source`));
      const found = new Set<string>();
      links(body, found);
      for (const l of found) if (!seen.has(l)) queue.push(l);
    };
    // Breadth-first, a batch of requests at a time.
    while (queue.length) {
      const batch = [...new Set(queue.splice(0, 16))].filter((p) => !seen.has(p));
      batch.forEach((p) => seen.add(p));
      await Promise.all(batch.map(visit));
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(seen.size).toBeGreaterThan(500);
    for (const section of ["rankings", "charts", "compare", "sources", "entities", "sections", "facts"]) expect(kinds, section).toContain(`/api/v1/${section}`);
  });
});
