// The snapshot bundled at build time (gzipped JSON), inflated once per isolate and only when it is needed.
import gz from "./generated/snapshot.json.gz";
import type { Bundle } from "./store";

let inflated: Promise<Bundle> | undefined;

export async function inflate(data: ArrayBuffer): Promise<Bundle> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text()) as Bundle;
}

export function bundledSnapshot(): Promise<Bundle> {
  return (inflated ??= inflate(gz));
}
