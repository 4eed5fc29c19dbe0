// The reader pages in the OpenAPI document (it describes every GET route the worker registers).
import { formats, paths, templated, urls } from "../../core/index";
const page = (operationId: string, summary: string, parameters: object[] = [], problems: string[] = []) => ({
  get: {
    operationId,
    summary,
    parameters,
    responses: {
      "200": { description: "Script-free HTML page (widgets.js enhances its charts).", content: { "text/html": { schema: { type: "string" } } } },
      "304": { description: "Not modified (If-None-Match matched the ETag)." },
      ...Object.fromEntries(problems.map((s) => [s, { $ref: "#/components/responses/Problem" }])),
    },
  },
});
const slug = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
});
const text = (operationId: string, summary: string, type: string) => ({
  get: {
    operationId,
    summary,
    responses: { "200": { description: summary, content: { [type]: { schema: { type: "string" } } } }, "304": { description: "Not modified." } },
  },
});

export const pagePaths = {
  [paths.front]: page("frontDoor", "The atlas's front door: the report's first screen, key facts, contents, finder"),
  [paths.report]: page("report", "The report: key facts, the twelve sections, how to read the figures, every source"),
  [templated(paths.reportSection)]: page(
    "reportSection",
    "One section of the report: the article's question and claims beside the figures, charts, facts, comparisons, gaps, sources",
    [slug("section", `Section id, e.g. industries (see ${paths.sections}).`)],
    ["404"],
  ),
  [paths.profiles]: page("profiles", "Profiles: the finder (`q` searches names, ids and codes; results are server-rendered) and every kind", [
    { name: "q", in: "query", required: false, schema: { type: "string" } },
  ]),
  [templated(paths.profileKind)]: page(
    "profileKind",
    "Every entity of a kind, linked to its profile",
    [slug("kind", `Entity kind (see ${paths.entityKinds}).`)],
    ["404"],
  ),
  [templated(paths.profilePage)]: page(
    "profile",
    "One entity's profile: each figure with period, trust label, rank and the national figure; peers, rankings, sections",
    [slug("kind", "Entity kind."), slug("id", "Entity id.")],
    ["404"],
  ),
  [templated(paths.profile)]: {
    get: {
      operationId: "getProfile",
      summary:
        "One entity's profile as the <ml-employer-profile> element reads it: each figure with its rank among its kind and the national figure of the same occupation, measure and period; figures not published, with the reason",
      parameters: [
        slug("kind", `Entity kind (see ${paths.entityKinds}).`),
        slug("id", "Entity id."),
        { name: "format", in: "query", required: false, schema: { type: "string", enum: [...formats.profile], default: formats.profile[0] } },
      ],
      responses: {
        "200": {
          description: "Profile JSON, or with `format=html` a script-free HTML fragment.",
          content: { "application/json": { schema: { type: "object" } }, "text/html": { schema: { type: "string" } } },
        },
        "304": { description: "Not modified (If-None-Match matched the ETag)." },
        "400": { $ref: "#/components/responses/Problem" },
        "404": { $ref: "#/components/responses/Problem" },
      },
    },
  },
  [templated(paths.card)]: {
    get: {
      operationId: "card",
      summary: `A social card (1200×630 PNG rendered at build time) of a chart, a fact or the atlas (\`${urls.card("site", "atlas")}\`)`,
      parameters: [
        { name: "kind", in: "path", required: true, schema: { type: "string", enum: ["chart", "fact", "site"] } },
        { name: "file", in: "path", required: true, description: "`{id}.png`", schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*\\.png$" } },
      ],
      responses: {
        "200": { description: "PNG image.", content: { "image/png": { schema: { type: "string", contentMediaType: "image/png" } } } },
        "304": { description: "Not modified." },
        "404": { $ref: "#/components/responses/Problem" },
      },
    },
  },
  "/site.css": text("siteStylesheet", "The stylesheet of the reader pages (light, dark and print)", "text/css"),
  [paths.robots]: text("robots", "robots.txt", "text/plain"),
  [paths.sitemap]: text("sitemap", "Every reader page", "application/xml"),
};
