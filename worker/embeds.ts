// GET /api/v1/embeds?charts=a,b,c: the widget payloads of several charts in one response, for a page whose elements
// connect together. Each entry is the cached `?format=embed` body of its chart, written in as it is, with its ETag.
import type { Context } from "hono";
import { problems, urls } from "../core/index";
import type { AtlasEnv } from "./answer";
import { ApiError } from "./errors";
import type { Reply } from "./html";
import type { KvReader } from "./kv-reader";
import { chartResource, JSON_TYPE } from "./resources";
import type { Snapshot, SnapshotStore } from "./store";

/** Most charts one request may name (a page of widgets asks once per batch of elements). */
export const MAX_EMBEDS = 50;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The ids of `?charts=`, each once, in order; a bad parameter is a 400 for the whole request. */
export function chartIds(param: string | undefined): string[] {
  const ids = [...new Set((param ?? "").split(",").filter(Boolean))];
  if (ids.length === 0) throw new ApiError("bad-parameter", `Name the charts as ?charts=id,id,… (see ${urls.charts()}).`);
  if (ids.length > MAX_EMBEDS) throw new ApiError("bad-parameter", `At most ${MAX_EMBEDS} charts per request; got ${ids.length}.`);
  const bad = ids.find((id) => !ID.test(id));
  if (bad !== undefined) throw new ApiError("bad-parameter", `"${bad.slice(0, 80)}" is not a chart id.`);
  return ids;
}

/** GET /api/v1/embeds. */
export const embedsHandler =
  <E extends AtlasEnv>(deps: { store: SnapshotStore; snap: (c: Context<E>) => Promise<Snapshot>; reply: Reply; kv: (c: Context<E>) => KvReader }) =>
  async (c: Context<E>) => {
    const { store } = deps;
    const ids = chartIds(c.req.query("charts"));
    const s = await deps.snap(c);
    const kv = deps.kv(c);
    const cached = await store.compose(s, `${s.keys.manifest}:embeds:${ids.join(",")}`, JSON_TYPE, async () => {
      const [manifest, entries] = await Promise.all([
        store.manifest(kv, s),
        Promise.all(ids.map((id) => store.read(kv, s, chartResource.bodies.embed.key(s.keys, id), JSON_TYPE))),
      ]);
      // Bodies are spliced in as they are cached: no parse, no re-serialisation.
      const charts = entries.map((entry, i) => {
        const id = JSON.stringify(ids[i]);
        if (entry) return `{"id":${id},"status":200,"etag":${JSON.stringify(entry.etag)},"embed":${entry.body}}`;
        const { code, detail } = chartResource.missing(ids[i]!);
        const problem = { code, title: problems[code].title, detail };
        return `{"id":${id},"status":404,"problem":${JSON.stringify(problem)}}`;
      });
      return `{"snapshot":${JSON.stringify(manifest.snapshot)},"charts":[${charts.join(",")}]}`;
    });
    return deps.reply(c.req.raw, s, cached);
  };
