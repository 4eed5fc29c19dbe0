// The lazily loaded parser chunk, fetched once per page however many elements there are, and the payload
// loader: the API request starts at the same time as the parser chunk's import, not after it.
import * as urls from "../core/urls";
import { fetchJson, WidgetError } from "./fetch-json";

type Payloads = typeof import("./lazy/payloads");
let payloads: Promise<Payloads> | undefined;

export const loadPayloads = () => (payloads ??= import("./lazy/payloads"));

/** Fetches `url` and the parser chunk in parallel, then parses; every failure is a WidgetError or the chunk's own. */
async function load<T>(url: string, what: readonly string[], signal: AbortSignal, parser: (p: Payloads) => (json: unknown) => T | null): Promise<T> {
  const [p, json] = await Promise.all([loadPayloads(), fetchJson(url, signal, what)]);
  const data = parser(p)(json);
  if (data === null) throw new WidgetError("bad-response");
  return data;
}

/** Charts are checked without the parser chunk (see chart-batch.ts), so their first paint waits only for their own payload. */
export { loadChartEmbed } from "./chart-batch";

export const loadRanking = (base: string, id: string, signal: AbortSignal, snapshot?: string) =>
  load(base + urls.ranking(id, { snapshot }), [id], signal, (p) => p.parseRanking);

export const loadComparison = (base: string, kind: string, a: string, b: string, signal: AbortSignal, snapshot?: string) =>
  load(base + urls.compare(kind, { a, b, snapshot }), [a, b], signal, (p) => p.parseComparison);

export const loadFact = (base: string, id: string, signal: AbortSignal, snapshot?: string) =>
  load(base + urls.fact(id, { snapshot }), [id], signal, (p) => p.parseFact);

export const loadProfile = (base: string, kind: string, id: string, signal: AbortSignal, snapshot?: string) =>
  load(base + urls.profile(kind, id, { snapshot }), [`${kind}/${id}`], signal, (p) => p.parseProfile);

/** The snapshots the API keeps (which is current, the periods each covers), asked once per page and origin. */
type SnapshotList = { current: string; snapshots: { id: string; release?: string }[] };
const lists = new Map<string, Promise<SnapshotList | null>>();
export const loadSnapshots = (base: string) => {
  let p = lists.get(base);
  if (!p) {
    // Unbounded by any element: several pinned elements share the answer, and a failure only hides the notice.
    p = fetchJson(base + urls.snapshots(), new AbortController().signal, ["snapshots"]).then(
      (j) => j as SnapshotList,
      () => null,
    );
    lists.set(base, p);
  }
  return p;
};
