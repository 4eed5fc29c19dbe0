// Sets `host.near` once the element comes within a margin of the viewport, so nothing loads before then.
import type { ReactiveController, ReactiveControllerHost } from "lit";

export class NearViewportController implements ReactiveController {
  #observer: IntersectionObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { near: boolean }) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.near) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.host.near = true;
        this.#observer?.disconnect();
      },
      { rootMargin: "400px" },
    );
    this.#observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
