// Chart payloads asked for together (a page's elements come near together) are fetched in one request to
// /api/v1/embeds; a chart asked for alone, or an API without that route, is fetched from its own URL.
import type { ChartEmbed } from "../core/embed";
import * as urls from "../core/urls";
import { checkChartEmbed } from "./chart-guard";
import { fetchJson, WidgetError } from "./fetch-json";

interface Waiting {
  id: string;
  signal: AbortSignal;
  resolve: (data: ChartEmbed) => void;
  reject: (err: unknown) => void;
}

const waiting = new Map<string, Waiting[]>();
let scheduled = false;
/** The API's limit of charts per /api/v1/embeds request. */
const MAX_PER_REQUEST = 50;

/** The chart's payload, checked; every failure is a WidgetError (or the abort of `signal`). Charts pinned to
 *  a snapshot are asked for with the others pinned to it. */
export function loadChartEmbed(base: string, id: string, signal: AbortSignal, snapshot?: string): Promise<ChartEmbed> {
  return new Promise((resolve, reject) => {
    const key = `${base}\u0000${snapshot ?? ""}`;
    let list = waiting.get(key);
    if (!list) waiting.set(key, (list = []));
    list.push({ id, signal, resolve, reject });
    // Elements that come near together (one viewport check or one observer callback) ask from update microtasks
    // queued together, so a microtask queued by the first runs after all the others have asked. A timer would wait
    // for whatever tasks are already queued, a frame among them.
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  });
}

/** Sends what has been asked for so far now, rather than in the microtask queued for it. */
export function flush(): void {
  if (!scheduled) return;
  scheduled = false;
  const batches = [...waiting];
  waiting.clear();
  for (const [key, list] of batches) {
    const [base, snapshot] = key.split("\u0000") as [string, string];
    void load(base, list, snapshot || undefined);
  }
}

/** Aborted when every element waiting on the request has given up. */
function together(list: Waiting[]): AbortSignal {
  const all = new AbortController();
  const check = () => list.every((w) => w.signal.aborted) && all.abort();
  for (const w of list) w.signal.addEventListener("abort", check, { once: true });
  check();
  return all.signal;
}

const checked = (json: unknown) => {
  const data = checkChartEmbed(json);
  if (data === null) throw new WidgetError("bad-response");
  return data;
};

async function load(base: string, list: Waiting[], snapshot: string | undefined): Promise<void> {
  const ids = [...new Set(list.map((w) => w.id))].sort();
  if (ids.length === 1) return single(base, list, ids[0]!, snapshot);
  const requests: Promise<void>[] = [];
  for (let i = 0; i < ids.length; i += MAX_PER_REQUEST) {
    const some = ids.slice(i, i + MAX_PER_REQUEST);
    requests.push(
      batch(
        base,
        list.filter((w) => some.includes(w.id)),
        some,
        snapshot,
      ),
    );
  }
  await Promise.all(requests);
}

/** Hands each element waiting for `id` its payload (checked) or the error. */
function settle(list: Waiting[], id: string, json: unknown, err?: unknown): void {
  let data: ChartEmbed | undefined;
  for (const w of list) {
    if (w.id !== id) continue;
    if (w.signal.aborted) w.reject(w.signal.reason);
    else if (err !== undefined) w.reject(err);
    else {
      try {
        w.resolve((data ??= checked(json)));
      } catch (e) {
        w.reject(e);
      }
    }
  }
}

async function single(base: string, list: Waiting[], id: string, snapshot: string | undefined): Promise<void> {
  const mine = list.filter((w) => w.id === id);
  try {
    settle(mine, id, await fetchJson(base + urls.chart(id, { format: "embed", snapshot }), together(mine), [id]));
  } catch (err) {
    settle(mine, id, null, err);
  }
}

async function batch(base: string, list: Waiting[], ids: string[], snapshot: string | undefined): Promise<void> {
  let body: unknown;
  try {
    body = await fetchJson(base + urls.embeds(ids, { snapshot }), together(list), ids);
  } catch (err) {
    // An API without the batch route (an older deployment behind `api`): one request per chart, as before.
    if (err instanceof WidgetError && err.code === "not-found") return void (await Promise.all(ids.map((id) => single(base, list, id, snapshot))));
    for (const id of ids) settle(list, id, null, err);
    return;
  }
  const entries = new Map<string, { status?: unknown; embed?: unknown }>();
  const charts = (body as { charts?: unknown } | null)?.charts;
  if (Array.isArray(charts)) for (const c of charts) if (c && typeof c === "object" && typeof c.id === "string") entries.set(c.id, c);
  for (const id of ids) {
    const entry = entries.get(id);
    if (entry?.status === 404) settle(list, id, null, new WidgetError("not-found", [id]));
    else settle(list, id, entry?.status === 200 ? entry.embed : null);
  }
}
