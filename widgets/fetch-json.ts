// Fetches API JSON with a timeout; every failure becomes a WidgetError with a stable code, never a throw into the page.
import { widgetMessages, type WidgetErrorCode, type WidgetNoun } from "../core/messages";

export type { WidgetErrorCode };

/** A failure the element explains inside itself; the words come from core/messages.ts, worded for the element. */
export class WidgetError extends Error {
  constructor(
    readonly code: WidgetErrorCode,
    /** The attribute's name (attribute errors) or the ids asked for (not-found). */
    readonly what: readonly string[] = [],
  ) {
    super(code);
    this.name = "WidgetError";
  }

  /** The message as the element called `noun` shows it. */
  say(noun: WidgetNoun): string {
    const m = widgetMessages;
    switch (this.code) {
      case "missing-attribute":
      case "bad-attribute":
        return m[this.code](noun, this.what[0] ?? "");
      case "not-found":
        return m["not-found"](noun, this.what);
      default:
        return m[this.code](noun);
    }
  }
}

const TIMEOUT_MS = 15_000;

export async function fetchJson(url: string, signal: AbortSignal, what: readonly string[]): Promise<unknown> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const combined = AbortSignal.any([signal, timeout]);
  let res: Response;
  try {
    // No cookies cross-origin; "same-origin" rather than "omit" so the answer to a page's
    // <link rel="preload" as="fetch" crossorigin> for the same URL is used, not fetched again.
    res = await fetch(url, { signal: combined, credentials: "same-origin", headers: { Accept: "application/json" } });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new WidgetError("network");
  }
  if (!res.ok) {
    // A pinned snapshot pruned or never published is not a missing resource nor a network failure: the problem's
    // code says which (see the API's problem catalogue).
    const code = await res.json().then(
      (p: { code?: unknown } | null) => p?.code,
      () => undefined,
    );
    if (code === "snapshot-gone" || code === "unknown-snapshot") throw new WidgetError(code);
    if (res.status === 404) throw new WidgetError("not-found", what);
    throw new WidgetError("network");
  }
  try {
    return await res.json();
  } catch {
    throw new WidgetError("bad-response");
  }
}
