// Sets `host.near` once the element comes within a margin of the viewport, so nothing loads before then.
import type { ReactiveController, ReactiveControllerHost } from "lit";

type Host = ReactiveControllerHost & HTMLElement & { near: boolean };

const MARGIN_PX = 400;

/** Whether `el` is rendered and its box lies within the margin of a `width`×`height` viewport. */
export function nearViewport(el: Element, width: number, height: number): boolean {
  if (el.getClientRects().length === 0) return false; // not rendered (display: none, or inside a hidden subtree)
  const r = el.getBoundingClientRect();
  return r.bottom >= -MARGIN_PX && r.top <= height + MARGIN_PX && r.right >= -MARGIN_PX && r.left <= width + MARGIN_PX;
}

/**
 * Hosts connected in the current task, measured together in one microtask: one layout for all of them, so an
 * element already on screen starts loading at once instead of after the next frame's IntersectionObserver
 * callback. Elements not (yet) near are left to the observer.
 */
const queued = new Set<NearViewportController>();

function measureQueued(): void {
  const controllers = [...queued];
  queued.clear();
  const width = innerWidth;
  const height = innerHeight;
  for (const c of controllers) c.checkNow(width, height);
}

export class NearViewportController implements ReactiveController {
  #observer: IntersectionObserver | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.near) return;
    if (queued.size === 0) queueMicrotask(measureQueued);
    queued.add(this);
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#setNear();
      },
      { rootMargin: `${MARGIN_PX}px` },
    );
    this.#observer.observe(this.host);
  }

  hostDisconnected(): void {
    queued.delete(this);
    this.#observer?.disconnect();
  }

  /** Marks the host near when it is rendered and its box lies within the margin of a `width`×`height` viewport. */
  checkNow(width: number, height: number): void {
    if (this.host.near || !this.host.isConnected) return;
    if (nearViewport(this.host, width, height)) this.#setNear();
  }

  #setNear(): void {
    this.host.near = true;
    this.#observer?.disconnect();
  }
}
