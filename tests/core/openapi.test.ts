// The OpenAPI document served at /openapi.json: valid by an independent validator, and in step with the routes.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
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
    const routes = new Set(
      app.routes.filter((r) => r.method === "GET").map((r) => r.path.replace(/:([a-z]+)/g, "{$1}")),
    );
    expect([...routes].sort()).toEqual(Object.keys(openapi.paths).sort());
  });
});
