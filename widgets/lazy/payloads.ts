// Parses API payloads with core's widget schemas (zod/mini); loaded once per page, shared by every element.
import { ChartEmbed } from "../../core/embed";
import { widgetMessages } from "../../core/messages";
import { fetchJson, WidgetError } from "../fetch-json";

export async function loadChartEmbed(base: string, id: string, signal: AbortSignal): Promise<ChartEmbed> {
  const json = await fetchJson(`${base}/api/v1/charts/${encodeURIComponent(id)}?format=embed`, signal, id);
  const parsed = ChartEmbed.safeParse(json);
  if (!parsed.success) throw new WidgetError("bad-response", widgetMessages["bad-response"]);
  return parsed.data;
}

export async function loadJson(url: string, signal: AbortSignal): Promise<unknown> {
  return fetchJson(url, signal, url);
}
