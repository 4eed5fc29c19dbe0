// Minimal types for the part of autocannon's programmatic API the bench uses.
declare module "autocannon" {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    pipelining?: number;
    timeout?: number;
    /** Each connection cycles through these; setupRequest may rewrite the request (e.g. its path) each time. */
    requests?: { setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }[];
  }
  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
  }
  interface Instance extends PromiseLike<Result> {
    on(event: "response", cb: (client: unknown, status: number, bytes: number, ms: number) => void): void;
    stop(): void;
  }
  export default function autocannon(opts: Options): Instance & Promise<Result>;
}
