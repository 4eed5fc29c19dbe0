// The snapshot bundled at build time (gzipped JSON), inflated once per isolate and only when it is needed.
import gz from "./generated/snapshot.json.gz";
import type { Bundle } from "./store";

/** The inflated bundle, once a request has finished inflating it. Only the value is shared between requests:
 *  a shared pending promise would never settle for others if the request that started it ended first. */
let inflated: Bundle | undefined;

export async function inflate(data: ArrayBuffer): Promise<Bundle> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text()) as Bundle;
}

export async function bundledSnapshot(): Promise<Bundle> {
  return (inflated ??= await inflate(gz));
}
