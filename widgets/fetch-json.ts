// Fetches API JSON with a timeout; every failure becomes a WidgetError with a stable code, never a throw into the page.
import { widgetMessages } from "../core/messages";

export type WidgetErrorCode = "not-found" | "network" | "bad-response" | "render-failed" | "missing-attribute" | "bad-attribute";

export class WidgetError extends Error {
  constructor(
    readonly code: WidgetErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WidgetError";
  }
}

const TIMEOUT_MS = 15_000;

export async function fetchJson(url: string, signal: AbortSignal, what: string): Promise<unknown> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const combined = AbortSignal.any([signal, timeout]);
  let res: Response;
  try {
    res = await fetch(url, { signal: combined, credentials: "omit", headers: { Accept: "application/json" } });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new WidgetError("network", widgetMessages.network);
  }
  if (res.status === 404) throw new WidgetError("not-found", widgetMessages["not-found"](what));
  if (!res.ok) throw new WidgetError("network", widgetMessages.network);
  try {
    return await res.json();
  } catch {
    throw new WidgetError("bad-response", widgetMessages["bad-response"]);
  }
}
