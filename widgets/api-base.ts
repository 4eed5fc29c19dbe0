// Where widgets fetch from: the origin that served widgets.js, unless the element's `api` attribute says otherwise.

/** Set once by the loader from its own URL. */
let defaultBase = typeof location === "undefined" ? "" : location.origin;

export function setDefaultApiBase(moduleUrl: string): void {
  defaultBase = new URL(moduleUrl).origin;
}

/** Returns null when the attribute is not an http(s) URL, so a bad value becomes a message, not a request. */
export function apiBase(attr: string | null | undefined): string | null {
  if (!attr) return defaultBase;
  try {
    const url = new URL(attr, defaultBase || undefined);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.href.replace(/\/+$/, "");
  } catch {
    return null;
  }
}
