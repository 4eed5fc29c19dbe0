// Vitest global setup of the node project: the data is built once for every test that only reads a snapshot —
// `snapshotDir` from the sources as they are, `previousSnapshotDir` from the sources before the newest national
// release (the May 2024 edition) — instead of each test file building its own.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "../../data/build";

export const BUILT_AT = "2026-01-01T00:00:00Z";
const ROOT = resolve(import.meta.dirname, "../..");

/** A copy of data/sources whose registry lacks the newest national release. */
export function previousSources(dir: string): string {
  cpSync(join(ROOT, "data/sources"), dir, { recursive: true });
  const file = join(dir, "sources.json");
  const registry = JSON.parse(readFileSync(file, "utf8")) as { id: string; series?: string; period: string }[];
  const national = registry.filter((e) => e.series === "oews-national").sort((a, b) => a.period.localeCompare(b.period));
  const newest = national[national.length - 1]!.id;
  writeFileSync(file, JSON.stringify(registry.filter((e) => e.id !== newest)));
  return dir;
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "atlas-suite-"));
  const current = join(root, "current");
  const previous = join(root, "previous");
  await build({ outDir: current, builtAt: BUILT_AT });
  await build({ outDir: previous, sourcesDir: previousSources(join(root, "previous-sources")), builtAt: BUILT_AT });
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
