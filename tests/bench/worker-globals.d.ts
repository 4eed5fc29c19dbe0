// The Workers globals the bench's root-tsconfig program sees when cpu-worker.ts imports worker/*.ts.
interface KVNamespace {
  get(key: string): Promise<string | null>;
}
// Wrangler's Data rule (and the bench's esbuild plugin) turn *.gz imports into ArrayBuffers.
declare module "*.gz" {
  const data: ArrayBuffer;
  export default data;
}
