// Helpers for widget tests: mount an element, wait for a condition, and collect page errors.
import { expect } from "vitest";
import "../../widgets/loader";

export const pageErrors: unknown[] = [];
window.addEventListener("error", (e) => pageErrors.push(e.error ?? e.message));
window.addEventListener("unhandledrejection", (e) => pageErrors.push(e.reason));

export function mount(tag: string, attrs: Record<string, string>, parent: HTMLElement = document.body): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  parent.append(el);
  return el;
}

export async function until<T>(fn: () => T | null | undefined | false, ms = 10_000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function expectNoPageErrors() {
  expect(pageErrors).toEqual([]);
}
