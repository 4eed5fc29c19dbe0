// The OpenAPI 3.1 description of the API, served at /openapi.json. Its body schemas are generated from core's zod
// schemas (core/api.ts), the same ones the data build writes every body through.
import { z } from "zod";
import { ChartEmbed, embedKinds, embedThemes, entityKinds, formats, paths, problems, responseSchemas, templated, type OperationId } from "../core/index";

/** A zod schema as a JSON Schema (2020-12, OpenAPI 3.1's dialect), without its own `$schema` line. */
function jsonSchema(schema: z.core.$ZodType): object {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

/** Component name of an operation's body: listRankings → ListRankingsBody. */
const componentOf = (op: OperationId) => `${op[0]!.toUpperCase()}${op.slice(1)}Body`;
const generated = Object.fromEntries([
  ...Object.entries(responseSchemas).map(([op, schema]) => [componentOf(op as OperationId), jsonSchema(schema)]),
  ["ChartEmbedBody", jsonSchema(ChartEmbed)],
]);
const body = (op: OperationId) => ({ $ref: `#/components/schemas/${componentOf(op)}` });
import { pagePaths } from "./pages/openapi-paths";

const problem = { $ref: "#/components/responses/Problem" };
const problemJson = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
const etagHeaders = {
  ETag: { description: "Entity tag of the body; send it back as If-None-Match for a 304.", schema: { type: "string" } },
  "Cache-Control": { schema: { type: "string" } },
  "X-Atlas-Snapshot": { description: "Id of the snapshot the body came from.", schema: { type: "string" } },
  "X-Atlas-Fallback": {
    description:
      "Present when KV could not give the live snapshot: which snapshot answered instead and why, e.g. `bundle; reason=kv-timeout` " +
      "(`last-good` or `bundle`; reason `kv-error`, `kv-timeout`, `kv-corrupt` or `snapshot-incomplete`).",
    schema: { type: "string" },
  },
};
const json = (schema: object, description: string) => ({
  description,
  headers: etagHeaders,
  content: { "application/json": { schema } },
});
const idParam = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
});
/** `?format=` of a resource: the values core/urls.ts lists for it, the first the default. */
const formatParam = (resource: keyof typeof formats) => ({
  name: "format",
  in: "query",
  required: false,
  schema: { type: "string", enum: [...formats[resource]], default: formats[resource][0] },
});
const htmlContent = {
  "text/html": { schema: { type: "string" }, example: '<figure class="ml-employer-fragment" data-ml-employer="chart" data-id="…">…</figure>' },
};
const fragmentNote =
  " `format=html` answers a script-free HTML fragment (title, summary, table, source, trust label, snapshot) for <noscript>, CMSs and iframes.";
const rateLimited = {
  description: "Too many requests that cost a KV read from this client (600 a minute); try again after Retry-After seconds.",
  headers: { "Retry-After": { schema: { type: "integer" } } },
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};
const standard = {
  "304": { description: "Not modified (If-None-Match matched the ETag)." },
  "400": problem,
  "404": problem,
  "405": problem,
  "429": rateLimited,
};

/** `?snapshot={id}` pins any resource to a published snapshot: the same bytes forever, cached as immutable. */
const snapshotParam = {
  name: "snapshot",
  in: "query",
  required: false,
  description:
    `Pin the answer to a published snapshot (see ${paths.snapshots}): the same bytes and ETag forever, \`Cache-Control: public, max-age=31536000, immutable\`. ` +
    "Without it the answer is the moving latest. A pruned snapshot answers 410 and an unknown one 404 (problem+json naming the current snapshot).",
  schema: { type: "string", pattern: "^[0-9a-f]{12}$" },
} as const;

const document = {
  openapi: "3.1.0",
  info: {
    title: "ML Employer Atlas API",
    version: "1.0.0",
    description:
      "Which employers hire machine-learning graduates: rankings, comparisons and charts precomputed from sourced data. " +
      "Every figure carries its source, reference period and trust label (official, official-derived, third-party, article). " +
      "Read-only; open CORS; ETag/If-None-Match; errors are application/problem+json (RFC 9457) with a stable `code`, on every " +
      "path and method. When KV fails, answers come from the last good or the bundled snapshot, marked X-Atlas-Fallback.",
    license: { name: `Public-domain data (US federal statistics); see ${paths.sources}`, identifier: "CC0-1.0" },
  },
  servers: [{ url: "/" }],
  // Open: no operation needs credentials.
  security: [],
  paths: {
    [templated(paths.index)]: {
      get: { operationId: "index", summary: "API index with links", responses: { "200": json(body("index"), "Links to every collection."), ...standard } },
    },
    [templated(paths.rankings)]: {
      get: { operationId: "listRankings", summary: "All rankings", responses: { "200": json(body("listRankings"), "Rankings with links."), ...standard } },
    },
    [templated(paths.ranking)]: {
      get: {
        operationId: "getRanking",
        summary: "One ranking, as JSON, CSV or an HTML fragment",
        parameters: [idParam("id", `Ranking id from ${paths.rankings}.`), formatParam("ranking")],
        responses: {
          "200": {
            description:
              'The ranking: items (a top-coded figure has bound "at-least"; PRSE and a reliability mark where BLS publishes an error), and gaps (entities left out, with the reason). CSV has one row per item with bound, prse, reliability, source, source_url, period, trust, derived_from, derived_sources, note and snapshot columns, then one row per entity left out.' +
              fragmentNote,
            headers: etagHeaders,
            content: { "application/json": { schema: body("getRanking") }, "text/csv": { schema: { type: "string" } }, ...htmlContent },
          },
          ...standard,
        },
      },
    },
    [templated(paths.charts)]: {
      get: { operationId: "listCharts", summary: "All charts", responses: { "200": json(body("listCharts"), "Charts with links."), ...standard } },
    },
    [templated(paths.chart)]: {
      get: {
        operationId: "getChart",
        summary: "A chart as a Vega-Lite spec (data inlined), its compiled Vega spec, pre-rendered SVG, or the widget payload (embed)",
        parameters: [idParam("id", `Chart id from ${paths.charts}.`), formatParam("chart")],
        responses: {
          "200": {
            description:
              "Spec (`usermeta` holds title, summary, sources and snapshot), SVG, or the widget payload (`format=embed`)." +
              fragmentNote +
              " `format=png` answers the chart's social card (1200×630 PNG rendered at build time).",
            headers: etagHeaders,
            content: {
              "application/json": { schema: { oneOf: [body("getChart"), { $ref: "#/components/schemas/ChartEmbedBody" }] } },
              "image/svg+xml": { schema: { type: "string" } },
              ...htmlContent,
              "image/png": { schema: { type: "string", contentMediaType: "image/png" } },
            },
          },
          ...standard,
        },
      },
    },
    [templated(paths.embeds)]: {
      get: {
        operationId: "getChartEmbeds",
        summary: "The widget payloads (format=embed) of several charts in one response",
        parameters: [
          {
            name: "charts",
            in: "query",
            required: true,
            description: `Comma-separated chart ids from ${paths.charts}, at most 50.`,
            schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*(?:,[a-z0-9]+(?:-[a-z0-9]+)*)*$" },
          },
        ],
        responses: {
          "200": json(
            {
              type: "object",
              required: ["snapshot", "charts"],
              properties: {
                snapshot: { type: "object" },
                charts: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["id", "status"],
                    properties: {
                      id: { type: "string" },
                      status: { type: "integer", enum: [200, 404] },
                      etag: { type: "string", description: "The ETag of the chart's own `?format=embed` response." },
                      embed: { type: "object", description: `The body of ${templated(paths.chart)}?format=embed.` },
                      problem: { type: "object", description: "Why the chart is missing (status 404): code, title, detail." },
                    },
                  },
                },
              },
            },
            "One entry per requested chart, in order: its embed payload and ETag, or a problem for an unknown id.",
          ),
          ...standard,
        },
      },
    },
    [templated(paths.comparisons)]: {
      get: {
        operationId: "listComparisons",
        summary: "Comparable kinds with their ids and an example link",
        responses: { "200": json(body("listComparisons"), "Comparable kinds."), ...standard },
      },
    },
    [templated(paths.compare)]: {
      get: {
        operationId: "compare",
        summary: "Compare two entities of one kind",
        parameters: [
          { name: "kind", in: "path", required: true, schema: { type: "string", enum: [...entityKinds] } },
          { name: "a", in: "query", required: true, schema: { type: "string" } },
          { name: "b", in: "query", required: true, schema: { type: "string" } },
          formatParam("compare"),
        ],
        responses: {
          "200": {
            description:
              "Both entities' figures, their differences (none against a top-coded bound) and the figures one has and the other lacks, with the reason." +
              fragmentNote,
            headers: etagHeaders,
            content: { "application/json": { schema: { oneOf: [body("compare"), body("compareKind")] } }, ...htmlContent },
          },
          ...standard,
        },
      },
    },
    [templated(paths.sources)]: {
      get: {
        operationId: "listSources",
        summary: "Every source with URL, reference period and trust label",
        responses: { "200": json(body("listSources"), "Sources."), ...standard },
      },
    },
    [templated(paths.entityKinds)]: {
      get: {
        operationId: "listEntityKinds",
        summary: "Entity kinds with counts and links",
        responses: { "200": json(body("listEntityKinds"), "Kinds."), ...standard },
      },
    },
    [templated(paths.entities)]: {
      get: {
        operationId: "listEntities",
        summary: "Every entity of a kind, with its figures and link",
        parameters: [{ name: "kind", in: "path", required: true, schema: { type: "string", enum: [...entityKinds] } }],
        responses: { "200": json(body("listEntities"), "Entities."), ...standard },
      },
    },
    [templated(paths.entity)]: {
      get: {
        operationId: "getEntity",
        summary: "One entity: figures with provenance, article claims, and every ranking, comparison and section it appears in",
        parameters: [
          { name: "kind", in: "path", required: true, schema: { type: "string", enum: [...entityKinds] } },
          idParam("id", `Entity id from ${templated(paths.entities)}.`),
        ],
        responses: { "200": json(body("getEntity"), "Entity page."), ...standard },
      },
    },
    [templated(paths.sections)]: {
      get: {
        operationId: "listSections",
        summary: "The article's twelve sections as data",
        responses: { "200": json(body("listSections"), "Sections."), ...standard },
      },
    },
    [templated(paths.section)]: {
      get: {
        operationId: "getSection",
        summary: "One section: records, article claims (labelled), figures with provenance, stated gaps, links",
        parameters: [idParam("id", `Section id from ${paths.sections}.`)],
        responses: { "200": json(body("getSection"), "Section."), ...standard },
      },
    },
    [templated(paths.facts)]: {
      get: { operationId: "listFacts", summary: "Key figures for fact cards", responses: { "200": json(body("listFacts"), "Facts."), ...standard } },
    },
    [templated(paths.fact)]: {
      get: {
        operationId: "getFact",
        summary: "One key figure with its provenance, figures beside it and related article claims",
        parameters: [idParam("id", `Fact id from ${paths.facts}.`), formatParam("fact")],
        responses: {
          "200": { description: `Fact.${fragmentNote}`, headers: etagHeaders, content: { "application/json": { schema: body("getFact") }, ...htmlContent } },
          ...standard,
        },
      },
    },
    [templated(paths.snapshots)]: {
      get: {
        operationId: "listSnapshots",
        summary: "Every snapshot this deployment keeps readable by id, the current one marked, and the ids pruned",
        responses: { "200": json(body("listSnapshots"), "Snapshots, oldest first."), ...standard },
      },
    },
    [templated(paths.snapshot)]: {
      get: {
        operationId: "getSnapshot",
        summary: "One snapshot: the reference periods it covers and what changed against the one published before it",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-f]{12}$" } }],
        responses: {
          "200": json(body("getSnapshot"), "The snapshot."),
          ...standard,
          "410": problem,
        },
      },
    },
    [templated(paths.embedPage)]: {
      get: {
        operationId: "embedPage",
        summary: "A whole script-free page of one chart, ranking, fact or comparison, for iframes (CSP: no script)",
        description: "For comparisons `id` is the kind and `a`, `b` name the entities, e.g. /embed/compare/metros?a=…&b=…. The page links its oEmbed endpoint.",
        parameters: [
          { name: "kind", in: "path", required: true, schema: { type: "string", enum: [...embedKinds] } },
          idParam("id", "Chart, ranking or fact id, or the kind of a comparison or profile."),
          { name: "a", in: "query", required: false, schema: { type: "string" } },
          { name: "b", in: "query", required: false, schema: { type: "string" } },
          {
            name: "entity",
            in: "query",
            required: false,
            description: "The entity of a profile, e.g. /embed/profile/metros?entity=pittsburgh-pa.",
            schema: { type: "string" },
          },
          { name: "theme", in: "query", required: false, schema: { type: "string", enum: [...embedThemes], default: "auto" } },
        ],
        responses: {
          "200": { description: "HTML page.", headers: etagHeaders, content: { "text/html": { schema: { type: "string" } } } },
          "304": standard["304"],
          "400": {
            description: "Bad parameter: a readable HTML page with the problem code when the client accepts text/html (an iframe), else a problem.",
            content: { "text/html": { schema: { type: "string" } }, ...problemJson },
          },
          "404": {
            description: "Unknown id: a readable HTML page with the problem code when the client accepts text/html (an iframe), else a problem.",
            content: { "text/html": { schema: { type: "string" } }, ...problemJson },
          },
          "405": problem,
          "429": rateLimited,
        },
      },
    },
    [templated(paths.embedCss)]: {
      get: {
        operationId: "embedStylesheet",
        summary: "The stylesheet of embed pages (light and dark through color-scheme)",
        responses: { "200": { description: "CSS.", headers: etagHeaders, content: { "text/css": { schema: { type: "string" } } } }, "304": standard["304"] },
      },
    },
    [templated(paths.oembed)]: {
      get: {
        operationId: "oembed",
        summary: "oEmbed 1.0: the iframe to embed for the URL of an /embed/… page",
        parameters: [
          { name: "url", in: "query", required: true, schema: { type: "string", format: "uri" } },
          formatParam("oembed"),
          { name: "maxwidth", in: "query", required: false, schema: { type: "integer", minimum: 1 } },
          { name: "maxheight", in: "query", required: false, schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          "200": json(
            {
              type: "object",
              required: ["version", "type", "html", "width", "height"],
              properties: {
                version: { const: "1.0" },
                type: { const: "rich" },
                title: { type: "string" },
                html: { type: "string" },
                width: { type: "integer" },
                height: { type: "integer" },
                provider_name: { type: "string" },
                provider_url: { type: "string" },
              },
            },
            "A rich oEmbed response whose html is an iframe of the page.",
          ),
          ...standard,
        },
      },
    },
    ...pagePaths,
    [templated(paths.openapi)]: {
      get: {
        operationId: "openapi",
        summary: "This document",
        responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
  components: {
    schemas: {
      ...generated,
      Snapshot: {
        type: "object",
        required: ["id", "builtAt", "schemaVersion"],
        properties: { id: { type: "string" }, builtAt: { type: "string", format: "date-time" }, schemaVersion: { type: "integer" } },
      },
      Problem: {
        type: "object",
        required: ["type", "code", "title", "status", "detail"],
        properties: {
          type: { type: "string", format: "uri" },
          code: { type: "string", enum: Object.keys(problems) },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          instance: { type: "string" },
        },
      },
    },
    responses: {
      Problem: { description: "An RFC 9457 problem.", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    },
  },
};

/** Every operation but the snapshot list takes `?snapshot=`, and may answer 410 for a pruned one. */
for (const [path, item] of Object.entries(document.paths) as [string, { get: { parameters?: unknown[]; responses: Record<string, unknown> } }][]) {
  if (path === templated(paths.snapshots) || path === paths.openapi || path === paths.embedCss) continue;
  item.get.parameters = [...(item.get.parameters ?? []), snapshotParam];
  item.get.responses["410"] ??= problem;
}
export const openapi = document;
