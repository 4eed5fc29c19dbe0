// Vitest global setup: one real local server per test project, its URL provided to tests as `apiUrl`.
import type { TestProject } from "vitest/node";
import { startLocalServer } from "./local-server";

export default async function setup(project: TestProject) {
  // The May 2024 edition (npm test builds it into dist/previous) is published too, as the snapshot before this one.
  const server = await startLocalServer({ previous: "dist/previous/kv-bulk.json" });
  project.provide("apiUrl", server.url);
  return () => server.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
  }
}
