// The one KV key layout: the data build writes with it, the worker reads with it, tests seed with it.
import { SCHEMA_VERSION, type EntityKind } from "./schemas";

const PREFIX = `atlas:v${SCHEMA_VERSION}`;

/** The pointer key names the live snapshot; flipping it is the last step of a publish. */
export const POINTER_KEY = `${PREFIX}:current`;

/** The snapshot the pointer named before the last publish, kept for rollback. */
export const PREVIOUS_POINTER_KEY = `${PREFIX}:previous`;

/** The index of published snapshots (retained and pruned ids), written by data:publish, read for /api/v1/snapshots. */
export const SNAPSHOT_INDEX_KEY = `${PREFIX}:snapshots`;

/** Names of the precomputed list bodies. */
export const listNames = ["api", "rankings", "charts", "compare", "sources", "entities", "sections", "facts"] as const;
export type ListName = (typeof listNames)[number];

/** Keys of one snapshot. Each value is the exact body the API serves (JSON unless noted). */
export const snapshotKeys = (snapshotId: string) => {
  const base = `${PREFIX}:${snapshotId}`;
  return {
    /** Every key of the snapshot starts with this (for listing and pruning). */
    prefix: `${base}:`,
    /** What the snapshot is: id, build time, the reference periods it covers. */
    meta: `${base}:meta`,
    /** What changed against the snapshot published before it (data:diff's result), written by data:publish. */
    changes: `${base}:changes`,
    /** sha256 of every other key and body of the snapshot; never served, compared by data:publish. */
    digest: `${base}:digest`,
    /** Index of the snapshot: rankings, charts, comparable kinds, sources. */
    manifest: `${base}:manifest`,
    /** Precomputed list bodies: the API index, rankings, charts, compare kinds, sources. */
    list: (name: ListName) => `${base}:list:${name}`,
    ranking: (id: string) => `${base}:ranking:${id}`,
    rankingCsv: (id: string) => `${base}:ranking-csv:${id}`,
    chart: (id: string) => `${base}:chart:${id}`,
    chartVega: (id: string) => `${base}:chart-vega:${id}`,
    chartSvg: (id: string) => `${base}:chart-svg:${id}`,
    chartEmbed: (id: string) => `${base}:chart-embed:${id}`,
    /** Precomputed comparison of a pair of a small kind; ids in sorted order. */
    comparePair: (kind: EntityKind, a: string, b: string) => {
      const [x, y] = a < b ? [a, b] : [b, a];
      return `${base}:compare:${kind}:${x}:${y}`;
    },
    /** Per-entity comparison record of a large kind, joined by the worker. */
    compareRecord: (kind: EntityKind, id: string) => `${base}:compare-record:${kind}:${id}`,
    entityList: (kind: EntityKind) => `${base}:entities:${kind}`,
    entity: (kind: EntityKind, id: string) => `${base}:entity:${kind}:${id}`,
    /** One section of the article as structured, sourced content. */
    section: (id: string) => `${base}:section:${id}`,
    /** One key figure with its provenance, for widgets. */
    fact: (id: string) => `${base}:fact:${id}`,
    /** A social card (1200×630 PNG, base64) of a chart, a fact or the atlas itself, rendered at build time. */
    card: (kind: "chart" | "fact" | "site", id: string) => `${base}:card:${kind}:${id}`,
  };
};
export type SnapshotKeys = ReturnType<typeof snapshotKeys>;

/** Widget releases published by `npm run deploy` (widgets:publish): every file of a release under its version,
 *  never pruned (tens of KB each), so a page pinned to /v/{version}/widgets.js keeps working after later deploys. */
export const widgetReleaseKey = (version: string, file: string) => `widgets/v/${version}/${file}`;

/** The versions published to KV, oldest first: `{ releases: [{ version, publishedAt }] }`. */
export const WIDGET_RELEASES_KEY = "widgets/releases";
