// A request's steps around the route table (worker/app.ts): the routes answer from the snapshot the KV pointer
// names; when a KV fault (a read that throws or misses the deadline, a corrupt body, a snapshot whose keys are
// missing) ends that attempt, the same route answers again from the last good snapshot, then from the bundled one,
// which needs no KV. Never a 5xx, all attempts share one KV deadline, and an answer from another snapshot than the
// pointer's says so in X-Atlas-Fallback.
import type { Hono } from "hono";
import type { Cached } from "./cache";
import { problem, type FallbackReason, type KvFault } from "./errors";
import type { KvReader } from "./kv-reader";
import { FALLBACK_HEADER, send } from "./respond";
import type { Snapshot } from "./store";

/** The bindings are `wrangler types`' generated `Env` (worker/worker-configuration.d.ts). */
export type AtlasEnv = { Bindings: Env };
type Bindings = Parameters<Hono<AtlasEnv>["fetch"]>[1];
type Ctx = Parameters<Hono<AtlasEnv>["fetch"]>[2];

/** What one request's attempts share, and what an attempt leaves for the next. */
export interface RequestState {
  /** The request's KV reader: one deadline for all its reads, every attempt included. */
  reader?: KvReader;
  /** The snapshot the last attempt was answered from. */
  used?: Snapshot;
  /** The KV fault that ended the last attempt. */
  fault?: KvFault;
  /** What the next attempt avoids, and whether it answers from the bundle. */
  retry?: { snapshot: string; reason: FallbackReason; bundle: boolean };
  /** The URL names a snapshot (`?snapshot=`): its answer is immutable. */
  pinned?: boolean;
}

export class RequestStates {
  readonly #map = new WeakMap<Request, RequestState>();
  of(request: Request): RequestState {
    let state = this.#map.get(request);
    if (!state) this.#map.set(request, (state = {}));
    return state;
  }
}

/** How many request URLs the memo holds, oldest evicted first. */
const MEMO_URLS = 4000;

/** The URL memo: a GET whose URL was answered from the response cache before, under the snapshot the pointer still
 *  names, gets the same entry again without routing (the answer depends only on the URL and the snapshot;
 *  If-None-Match is checked by `send` as usual). Errors, OPTIONS, pinned URLs and fallback answers are not held. */
export class UrlMemo {
  readonly #map = new Map<string, { snapshot: string; cached: Cached }>();
  constructor(private readonly current: () => string | undefined) {}

  remember(request: Request, s: Snapshot, cached: Cached): void {
    if (s.fallback) return;
    if (this.#map.size >= MEMO_URLS) this.#map.delete(this.#map.keys().next().value!);
    this.#map.set(request.url, { snapshot: s.id, cached });
  }

  answer(request: Request): Response | undefined {
    const method = request.method;
    if (method !== "GET" && method !== "HEAD") return undefined;
    const hit = this.#map.get(request.url);
    if (!hit || hit.snapshot !== this.current()) return undefined;
    const res = send(request, hit.cached);
    return method === "HEAD" ? new Response(null, res) : res;
  }
}

/** How many attempts a request gets: the pointer's snapshot, the last good one, the bundled one. */
const ATTEMPTS = 3;

/** The worker: `fetch` for the runtime, `request` for tests (as Hono's), `routes` for the OpenAPI check. */
export class Atlas {
  constructor(
    readonly app: Hono<AtlasEnv>,
    readonly states: RequestStates,
    readonly memo?: UrlMemo,
  ) {}

  get routes() {
    return this.app.routes;
  }

  readonly fetch = async (request: Request, env?: Bindings, ctx?: Ctx): Promise<Response> => {
    // 1. A URL answered before under the current snapshot: the same entry, no routing.
    const hit = this.memo?.answer(request);
    if (hit) return hit;
    // 2. The route table, from the pointer's snapshot; on a KV fault, again from the last good, then the bundled one.
    const state = this.states.of(request);
    for (let attempt = 1; ; attempt++) {
      const res = await this.app.fetch(request, env, ctx);
      const fault = state.fault;
      if (!fault) return marked(res, state.used);
      state.fault = undefined;
      if (attempt >= ATTEMPTS) {
        // The last attempt is answered from the bundle, which reads no KV: a fault there is a bug.
        console.error("unhandled error", fault);
        return problem(request.url, "internal", "The server could not answer this request.");
      }
      state.retry = { snapshot: fault.snapshot, reason: fault.reason, bundle: attempt >= ATTEMPTS - 1 };
    }
  };

  /** A request by path or URL, as Hono's `app.request` takes it. */
  request(input: string | URL | Request, init?: RequestInit, env?: Bindings, ctx?: Ctx): Promise<Response> {
    if (input instanceof Request) return this.fetch(init ? new Request(input, init) : input, env, ctx);
    const url = String(input);
    return this.fetch(new Request(/^https?:\/\//.test(url) ? url : `http://localhost${url.startsWith("/") ? "" : "/"}${url}`, init), env, ctx);
  }
}

/** The answer, marked when it came from another snapshot than the one the KV pointer names. */
function marked(res: Response, used: Snapshot | undefined): Response {
  if (!used?.fallback) return res;
  const copy = new Response(res.body, res);
  copy.headers.set(FALLBACK_HEADER, `${used.fallback.served}; reason=${used.fallback.reason}`);
  return copy;
}
