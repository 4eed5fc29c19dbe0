// The OpenAPI document served at /openapi.json: valid by an independent validator, and in step with the routes.
import { Validator } from "@seriousme/openapi-schema-validator";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateTypes, TYPES_FILE } from "../../examples/client/generate";
import { createApp } from "../../worker/app";
import { openapi } from "../../worker/openapi";

describe("OpenAPI document", () => {
  it("passes an independent OpenAPI 3.1 schema validator", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openapi) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every GET route the worker registers, and nothing it does not", () => {
    const app = createApp(async () => ({ pointer: "none", entries: {} }));
    const routes = new Set(app.routes.filter((r) => r.method === "GET").map((r) => r.path.replace(/:([a-z]+)/g, "{$1}")));
    expect([...routes].sort()).toEqual(Object.keys(openapi.paths).sort());
  });

  it("describes every JSON body with a schema generated from core's zod schemas, not an open envelope", () => {
    const schemas = openapi.components.schemas as Record<string, { type?: string; additionalProperties?: unknown; required?: string[] }>;
    expect(schemas.Envelope).toBeUndefined();
    for (const name of ["GetRankingBody", "GetEntityBody", "GetFactBody", "ListRankingsBody", "ChartEmbedBody"]) {
      expect(schemas[name], name).toMatchObject({ type: "object" });
      expect(schemas[name]!.required, name).toContain("snapshot");
      expect(schemas[name]!.additionalProperties, name).not.toBe(true);
    }
  });

  it("has its openapi-typescript types committed as generated from the current document (npm run api:types)", () => {
    expect(readFileSync(TYPES_FILE, "utf8")).toBe(generateTypes());
  });
});
