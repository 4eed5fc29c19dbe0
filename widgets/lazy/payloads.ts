// Fetches API payloads and parses them with core's widget schemas (zod/mini); loaded once per page.
import { ChartEmbed, ComparisonPayload, FactPayload, RankingPayload } from "../../core/embed";
import { widgetMessages } from "../../core/messages";
import { fetchJson, WidgetError } from "../fetch-json";

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false } };

async function load<T>(url: string, schema: Schema<T>, what: string, signal: AbortSignal): Promise<T> {
  const parsed = schema.safeParse(await fetchJson(url, signal, what));
  if (!parsed.success) throw new WidgetError("bad-response", widgetMessages["bad-response"]);
  return parsed.data;
}

const enc = encodeURIComponent;

export const loadChartEmbed = (base: string, id: string, signal: AbortSignal) =>
  load(`${base}/api/v1/charts/${enc(id)}?format=embed`, ChartEmbed, id, signal);

export const loadRanking = (base: string, id: string, signal: AbortSignal) =>
  load(`${base}/api/v1/rankings/${enc(id)}`, RankingPayload, id, signal);

export const loadComparison = (base: string, kind: string, a: string, b: string, signal: AbortSignal) =>
  load(`${base}/api/v1/compare/${enc(kind)}?a=${enc(a)}&b=${enc(b)}`, ComparisonPayload, `${kind}: ${a} / ${b}`, signal);

export const loadFact = (base: string, id: string, signal: AbortSignal) =>
  load(`${base}/api/v1/facts/${enc(id)}`, FactPayload, id, signal);

export async function loadJson(url: string, signal: AbortSignal): Promise<unknown> {
  return fetchJson(url, signal, url);
}
