// Vitest global setup: one real local server per test project, its URL provided to tests as `apiUrl`.
import type { TestProject } from "vitest/node";
import { startLocalServer } from "./local-server";

export default async function setup(project: TestProject) {
  const server = await startLocalServer();
  project.provide("apiUrl", server.url);
  return () => server.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
  }
}
