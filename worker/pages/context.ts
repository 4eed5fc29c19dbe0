// What the reader pages read: the snapshot's JSON bodies (the ones the API serves) and the fragments rendered from them.
import type { Context } from "hono";
import type { FragmentKind, SnapshotMeta } from "../../core/index";
import type { ProblemCode } from "../../core/index";
import { ApiError } from "../errors";
import { fragmentOf, type Reply, type ResolveFragment } from "../html";
import type { KvReader } from "../kv-reader";
import type { Snapshot, SnapshotStore } from "../store";

import type { AtlasEnv } from "../answer";

export type PageEnv = AtlasEnv;
export const JSON_TYPE = "application/json; charset=utf-8";

export interface PageDeps {
  store: SnapshotStore;
  /** The request's KV reader (one deadline, the rate limit, fault detection: see worker/kv-reader.ts). */
  kv: (c: Context<PageEnv>) => KvReader;
  snap: (c: Context<PageEnv>) => Promise<Snapshot>;
  resolve: ResolveFragment;
  reply: Reply;
}

/** One request's view of the snapshot: parsed bodies (parsed once per isolate) and rendered fragments. */
export class PageContext {
  readonly origin: string;
  constructor(
    readonly c: Context<PageEnv>,
    readonly deps: PageDeps,
    readonly s: Snapshot,
  ) {
    this.origin = new URL(c.req.url).origin;
  }

  get keys() {
    return this.s.keys;
  }

  /** The body under `key`, or null when the snapshot has none. */
  async maybe<T>(key: string): Promise<T | null> {
    const cached = await this.deps.store.read(this.deps.kv(this.c), this.s, key, JSON_TYPE);
    if (!cached) return null;
    return this.deps.store.memo(`${key}:parsed`, async () => JSON.parse(cached.body) as T);
  }

  async json<T>(key: string, code: ProblemCode, detail: string): Promise<T> {
    const body = await this.maybe<T>(key);
    if (body === null) throw new ApiError(code, detail);
    return body;
  }

  async snapshotMeta(): Promise<SnapshotMeta> {
    return (await this.deps.store.manifest(this.deps.kv(this.c), this.s)).snapshot;
  }

  manifest() {
    return this.deps.store.manifest(this.deps.kv(this.c), this.s);
  }

  /** A fragment exactly as `?format=html` serves it (links absolute to this origin). */
  async fragment(kind: FragmentKind, id: string, query: Record<string, string> = {}): Promise<string> {
    const src = await this.deps.resolve(this.c, this.s, kind, id, new URLSearchParams(query));
    return (await fragmentOf(this.deps.store, this.origin, src)).html;
  }
}

export { openapi } from "../openapi";
