// The snapshot's index: what exists, so the worker can list and validate ids without scanning KV.
import { z } from "zod";
import { EntityKind, SnapshotMeta, Slug, Unit } from "./schemas";

export const Manifest = z.object({
  snapshot: SnapshotMeta,
  rankings: z.array(z.object({ id: Slug, title: z.string(), kind: EntityKind, unit: Unit, chart: Slug })),
  charts: z.array(z.object({ id: Slug, title: z.string() })),
  /** `pair`: every pair precomputed; `join`: per-entity records joined at the edge. */
  compare: z.array(z.object({ kind: EntityKind, mode: z.enum(["pair", "join"]), ids: z.array(Slug).min(2) })),
});
export type Manifest = z.infer<typeof Manifest>;
