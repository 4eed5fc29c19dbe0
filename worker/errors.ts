// One error type for the API, turned into RFC 9457 problem+json in one place.
import type { Context } from "hono";
import { PROBLEM_BASE, problems, type ProblemCode } from "../core/index";
import { CORS } from "./respond";
import { KvUnavailable } from "./store";

export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export function problemResponse(c: Context, code: ProblemCode, detail: string, headers: Record<string, string> = {}) {
  const { status, title } = problems[code];
  const body = { type: `${PROBLEM_BASE}${code}`, code, title, status, detail, instance: new URL(c.req.url).pathname };
  return c.body(JSON.stringify(body), status, {
    "Content-Type": "application/problem+json; charset=utf-8",
    "Cache-Control": "no-store",
    ...CORS,
    ...headers,
  });
}

/** Marks the answer to a request that met a KV failure midway; app.fetch answers it again from the bundle. */
export const RETRY_FROM_BUNDLE = "X-Atlas-Retry-From-Bundle";

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return problemResponse(c, err.code, err.detail, err.headers);
  if (err instanceof KvUnavailable) return new Response(null, { status: 503, headers: { [RETRY_FROM_BUNDLE]: "1" } });
  // Unknown failures are logged once and leak nothing to the client.
  console.error("unhandled error", err);
  return problemResponse(c, "internal", "The server could not answer this request.");
}
