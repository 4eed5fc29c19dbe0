// Vitest global setup of the node project: the data is built once for every test that only reads a snapshot —
// `snapshotDir` from the sources as they are, `previousSnapshotDir` from the sources before the newest national
// release (the May 2024 edition) — instead of each test file building its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "../../data/build";

export const BUILT_AT = "2026-01-01T00:00:00Z";

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "atlas-suite-"));
  const current = join(root, "current");
  const previous = join(root, "previous");
  await build({ outDir: current, builtAt: BUILT_AT });
  await build({ outDir: previous, beforeNewestRelease: true, builtAt: BUILT_AT });
  project.provide("snapshotDir", current);
  project.provide("previousSnapshotDir", previous);
  return () => rmSync(root, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    snapshotDir: string;
    previousSnapshotDir: string;
  }
}
