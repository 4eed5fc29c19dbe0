// One request's access to KV: every read within the request's deadline, and the rate limit on reads that cost.
import { ApiError, KvFault } from "./errors";

/** pointer: the live snapshot's id; index: what a snapshot holds (once per snapshot and isolate); value: a body. */
export type ReadKind = "pointer" | "index" | "value";

/** The part of Cloudflare's rate-limiting binding the worker uses. */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** How long one request may wait for KV in all (every read of the request, retries included). */
export const KV_DEADLINE_MS = 1500;
/** The `period` of the KV_READS rate limit in wrangler.toml: a refused client may try again after it. */
export const RATE_LIMIT_PERIOD_S = 60;

export interface KvReader {
  /** The value, or null when the key is absent. Throws KvFault (kv-error, kv-timeout) or ApiError (rate-limited). */
  get(key: string, kind: ReadKind, snapshot: string): Promise<string | null>;
  /** Reads this request made (for the bench and tests). */
  readonly reads: number;
}

/** Loopback clients (local development) are not limited: behind Cloudflare, CF-Connecting-IP is never loopback. */
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function kvReader(kv: KVNamespace, o: { deadlineMs?: number; limiter?: RateLimiter; client?: string | null }): KvReader {
  const until = Date.now() + (o.deadlineMs ?? KV_DEADLINE_MS);
  let reads = 0;
  let limited: Promise<void> | undefined;
  const limit = async () => {
    let ok = true;
    try {
      ok = (await o.limiter!.limit({ key: o.client! })).success;
    } catch (err) {
      // The limiter is a guard on cost, not a dependency: if it fails, the request goes on.
      console.error("rate limiter unavailable", err);
    }
    if (!ok)
      throw new ApiError("rate-limited", `Too many requests for data this server had to fetch; try again in ${RATE_LIMIT_PERIOD_S} s.`, {
        "Retry-After": String(RATE_LIMIT_PERIOD_S),
      });
  };
  return {
    get reads() {
      return reads;
    },
    async get(key, kind, snapshot) {
      // Only body reads cost per request; the pointer and a snapshot's index are read once per isolate and period.
      if (kind === "value" && o.limiter && o.client && !LOOPBACK.test(o.client)) await (limited ??= limit());
      const left = until - Date.now();
      if (left <= 0) throw new KvFault("kv-timeout", snapshot);
      reads++;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new KvFault("kv-timeout", snapshot)), left);
      });
      try {
        // The losing read is left to settle on its own; nothing else awaits it (promises are never shared
        // between requests: workerd never settles one whose I/O belonged to a request that has ended).
        return await Promise.race([kv.get(key), deadline]);
      } catch (err) {
        throw err instanceof KvFault ? err : new KvFault("kv-error", snapshot, err);
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
    },
  };
}
