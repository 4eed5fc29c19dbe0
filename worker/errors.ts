// One error type for the API, turned into RFC 9457 problem+json in one place; and the KV faults the store answers
// from another snapshot instead of failing.
import type { Context } from "hono";
import { PROBLEM_BASE, problems, type ProblemCode } from "../core/index";
import { CORS } from "./respond";

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

/** Why an answer comes from another snapshot than the one the KV pointer names. */
export type FallbackReason = "kv-error" | "kv-timeout" | "kv-corrupt" | "snapshot-incomplete";

/** KV could not give what the snapshot needs: the request is answered again from the last good or bundled snapshot. */
export class KvFault extends Error {
  constructor(
    readonly reason: FallbackReason,
    /** The snapshot that could not be read; the retry avoids it. */
    readonly snapshot: string,
    cause?: unknown,
  ) {
    super(`KV fault (${reason}) reading snapshot ${snapshot}`, { cause });
    this.name = "KvFault";
  }
}

/** An RFC 9457 problem response for `url`, with open CORS and the security headers. */
export function problem(url: string, code: ProblemCode, detail: string, headers: Record<string, string> = {}): Response {
  const { status, title } = problems[code];
  const body = { type: `${PROBLEM_BASE}${code}`, code, title, status, detail, instance: new URL(url).pathname };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...CORS, ...headers },
  });
}

export const problemResponse = (c: Context, code: ProblemCode, detail: string, headers: Record<string, string> = {}) =>
  problem(c.req.url, code, detail, headers);

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return problemResponse(c, err.code, err.detail, err.headers);
  // A bug, not bad input: logged once, and the client learns nothing of the internals.
  console.error("unhandled error", err);
  return problemResponse(c, "internal", "The server could not answer this request.");
}
