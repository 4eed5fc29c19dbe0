// Requests to the worker under test (inside workerd) and the problem+json check the worker test files share.
import { exports } from "cloudflare:workers";
import { expect } from "vitest";

export const BASE = "http://atlas.test";
export const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(BASE + path, init));

/** The body of a problem response, after checking it is served as application/problem+json. */
export async function problem(res: Response) {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return (await res.json()) as { type: string; code: string; status: number; title: string; detail: string };
}
