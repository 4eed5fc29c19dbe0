// A bug (not bad input, not a KV fault) reaching the error handler: a 500 problem+json that says nothing about
// the internals, logged once.
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../worker/app";
import { problem } from "./client";

describe("an unexpected exception", () => {
  it.each(["GET", "HEAD"])("is answered to %s with 500 problem+json, no stack or message, and logged once", async (method) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // KV holds no pointer, so the app turns to its bundled snapshot, and loading it throws: a bug in our code.
      const bug = new TypeError("Cannot read properties of undefined (reading 'entries') at loadBundle (worker/secret-internals.ts:42:7)");
      const app = createApp(async () => {
        throw bug;
      });
      const kv = { get: async () => null } as unknown as KVNamespace;
      const res = await app.request("http://atlas.test/api/v1/rankings/occupations-by-median-wage", { method }, { ATLAS_KV: kv });
      expect(res.status).toBe(500);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      if (method === "GET") {
        const text = await res.clone().text();
        expect(text).not.toMatch(/secret-internals|TypeError|reading 'entries'|\.ts:\d+|at /);
        expect(await problem(res)).toEqual({
          type: "https://ml-employer-atlas.dev/problems/internal",
          code: "internal",
          title: "Internal error",
          status: 500,
          detail: "The server could not answer this request.",
          instance: "/api/v1/rankings/occupations-by-median-wage",
        });
      }
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]).toEqual(["unhandled error", bug]);
    } finally {
      log.mockRestore();
    }
  });
});
