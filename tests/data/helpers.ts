// Test helpers: temp copies of the sources, builds into temp dirs, reading a KV bulk file.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { POINTER_KEY } from "../../core/index";
import { build } from "../../data/build";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BUILT_AT = "2026-01-01T00:00:00Z";

export function tempDir(prefix = "atlas-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A writable copy of data/sources, with `edit(relPath, text → text)` to corrupt or change one file. */
export function sourcesCopy() {
  const dir = tempDir("atlas-sources-");
  cpSync(join(ROOT, "data/sources"), dir, { recursive: true });
  return {
    dir,
    edit(rel: string, f: (text: string) => string) {
      const p = join(dir, rel);
      writeFileSync(p, f(readFileSync(p, "utf8")));
    },
  };
}

export async function buildTo(outDir: string, sourcesDir?: string) {
  return build({ outDir, sourcesDir, builtAt: BUILT_AT });
}

export function readBulk(file: string) {
  const bulk = JSON.parse(readFileSync(file, "utf8")) as { key: string; value: string }[];
  const map = new Map(bulk.map((e) => [e.key, e.value]));
  const id = map.get(POINTER_KEY)!;
  return { bulk, map, id, json: (suffix: string) => JSON.parse(map.get(`atlas:v1:${id}:${suffix}`) ?? "null") };
}
