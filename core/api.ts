// The API's contract: the zod schema of every JSON body the API serves, by OpenAPI operation. The data build
// parses every body it writes with these, the OpenAPI document's component schemas are generated from them, and
// the crawl test validates every crawled response against the schema of its operation.
import { z } from "zod";
import { EntityResponse, FactResponse, SectionResponse } from "./content";
import { Citation, ComparisonResponse, EntityKind, RankingResponse, SnapshotMeta, Source, Unit, withSnapshot } from "./schemas";

const href = z.string().startsWith("/");

export const ApiIndex = withSnapshot({ name: z.string(), description: z.string(), links: z.record(z.string(), z.string()) });

export const RankingList = withSnapshot({
  rankings: z.array(z.object({ id: z.string(), title: z.string(), kind: EntityKind, unit: Unit, links: z.object({ self: href, chart: href, csv: href }) })),
});

export const ChartList = withSnapshot({
  charts: z.array(z.object({ id: z.string(), title: z.string(), links: z.object({ self: href, vega: href, svg: href, ranking: href }) })),
});

export const CompareList = withSnapshot({
  kinds: z.array(z.object({ kind: EntityKind, mode: z.enum(["pair", "join"]), entities: z.number().int(), ids: z.array(z.string()), example: href })),
});

export const CompareKindBody = withSnapshot({ kind: EntityKind, mode: z.enum(["pair", "join"]), ids: z.array(z.string()), example: href });

export const SourceList = withSnapshot({ sources: z.array(Source) });

export const EntityKindList = withSnapshot({ kinds: z.array(z.object({ kind: EntityKind, count: z.number().int(), links: z.object({ self: href }) })) });

export const EntityList = withSnapshot({
  kind: EntityKind,
  entities: z.array(z.object({ id: z.string(), name: z.string(), code: z.string().optional(), figures: z.number().int(), links: z.object({ self: href }) })),
  links: z.object({ self: href, compare: href.nullable() }),
});

export const SectionList = withSnapshot({
  sections: z.array(z.object({ id: z.string(), title: z.string(), question: z.string(), records: z.number().int(), links: z.object({ self: href }) })),
});

export const FactList = withSnapshot({ facts: z.array(z.object({ id: z.string(), title: z.string(), section: z.string(), links: z.object({ self: href }) })) });

/** `/api/v1/snapshots`: every retained snapshot (id, build time, periods covered, which is current) and pruned ids. */
export const SnapshotList = withSnapshot({
  current: z.string(),
  snapshots: z.array(
    z.object({
      id: z.string(),
      builtAt: z.string(),
      publishedAt: z.string().optional(),
      release: z.string().optional(),
      periods: z.array(z.string()),
      current: z.boolean(),
      links: z.object({ self: href, api: href }),
    }),
  ),
  pruned: z.array(z.string()),
});

/** `/api/v1/snapshots/{id}`: the periods it covers and what changed against the snapshot published before it. */
export const SnapshotDetail = withSnapshot({
  periods: z.array(z.string()),
  /** data:diff's result (see data/lib/snapshot-diff.ts), or null when none was published with it. */
  changes: z.looseObject({ from: z.string(), to: z.string() }).nullable(),
  links: z.object({ api: href, list: href }),
});

/** A Vega-Lite (or compiled Vega) spec with the chart's provenance in `usermeta`. */
export const ChartSpecBody = z.looseObject({
  $schema: z.string(),
  usermeta: z.looseObject({ id: z.string(), title: z.string(), summary: z.string(), sources: z.array(Source), snapshot: SnapshotMeta, citation: Citation }),
});

/** The schema of each operation's JSON 200 body, by OpenAPI operationId (the document names its components after them). */
export const responseSchemas = {
  index: ApiIndex,
  listRankings: RankingList,
  getRanking: RankingResponse,
  listCharts: ChartList,
  getChart: ChartSpecBody,
  listComparisons: CompareList,
  compare: ComparisonResponse,
  compareKind: CompareKindBody,
  listSources: SourceList,
  listEntityKinds: EntityKindList,
  listEntities: EntityList,
  getEntity: EntityResponse,
  listSections: SectionList,
  getSection: SectionResponse,
  listFacts: FactList,
  getFact: FactResponse,
  listSnapshots: SnapshotList,
  getSnapshot: SnapshotDetail,
} as const;
export type OperationId = keyof typeof responseSchemas;
