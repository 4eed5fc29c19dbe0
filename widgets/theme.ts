// Light, dark or auto. `auto` follows the host page: its declared color-scheme, else its background,
// and for pages that declare both schemes, the reader's prefers-color-scheme. Re-evaluated live.
import type { ReactiveController, ReactiveControllerHost } from "lit";

export type Theme = "light" | "dark" | "auto";
export type Scheme = "light" | "dark";

export function parseTheme(value: string | null | undefined): Theme {
  return value === "light" || value === "dark" ? value : "auto";
}

function luminance(color: string): number | null {
  const m = color.match(/rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[, /]+([\d.]+))?\)/);
  if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => Number(v) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function hostScheme(el: Element): Scheme {
  const prefersDark = matchMedia("(prefers-color-scheme: dark)").matches;
  const declared = getComputedStyle(el).colorScheme;
  const words = new Set(declared.split(/\s+/));
  if (words.has("dark") && !words.has("light")) return "dark";
  if (words.has("light") && words.has("dark")) return prefersDark ? "dark" : "light";
  // No usable declaration: judge by the first opaque background around the element.
  for (let node: Element | null = el.parentElement; node; node = node.parentElement) {
    const l = luminance(getComputedStyle(node).backgroundColor);
    if (l !== null) return l < 0.45 ? "dark" : "light";
  }
  // A page that declares nothing and paints no background renders light, whatever the OS prefers.
  return "light";
}

/** Keeps `host.scheme` in step with the theme attribute and, for `auto`, with the page. */
export class ThemeController implements ReactiveController {
  #media = matchMedia("(prefers-color-scheme: dark)");
  #observer = new MutationObserver(() => this.update());
  #onMedia = () => this.update();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { theme: string | null; scheme: Scheme }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.update();
    this.#media.addEventListener("change", this.#onMedia);
    const watch = { attributes: true, attributeFilter: ["class", "style", "data-theme", "data-color-scheme"] };
    this.#observer.observe(document.documentElement, watch);
    if (document.body) this.#observer.observe(document.body, watch);
  }

  hostDisconnected(): void {
    this.#media.removeEventListener("change", this.#onMedia);
    this.#observer.disconnect();
  }

  update(): void {
    const theme = parseTheme(this.host.theme);
    const scheme = theme === "auto" ? hostScheme(this.host) : theme;
    if (this.host.scheme !== scheme) this.host.scheme = scheme;
  }
}
