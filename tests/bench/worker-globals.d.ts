// The Workers globals the bench's root-tsconfig program sees when cpu-worker.ts imports worker/*.ts.
interface KVNamespace {
  get(key: string): Promise<string | null>;
}
/** The bindings (worker/worker-configuration.d.ts declares them for the worker's own program). */
interface Env {
  ATLAS_KV: KVNamespace;
  KV_READS: { limit(options: { key: string }): Promise<{ success: boolean }> };
  ASSETS: { fetch(request: Request): Promise<Response> };
}
// Wrangler's Data rule (and the bench's esbuild plugin) turn *.gz imports into ArrayBuffers.
declare module "*.gz" {
  const data: ArrayBuffer;
  export default data;
}
