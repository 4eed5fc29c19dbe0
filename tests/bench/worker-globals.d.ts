// The one Workers global the bench's root-tsconfig program sees when cpu-worker.ts imports worker/app.ts.
interface KVNamespace {
  get(key: string): Promise<string | null>;
}
