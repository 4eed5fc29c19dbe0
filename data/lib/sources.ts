// Loads the source registry (data/sources/sources.json) and checks every file it names exists.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Source } from "../../core/index";
import { BuildError } from "./csv";

/** OEWS top codes of a release: a `#` cell means the wage is at or above these (from the release's field descriptions). */
export const TopCode = z.object({ annual: z.number().positive(), hourly: z.number().positive(), note: z.string().min(1) });
export type TopCode = z.infer<typeof TopCode>;

export const RegistryEntry = Source.extend({ files: z.array(z.string().min(1)).min(1), topCode: TopCode.optional() });
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export function loadRegistry(sourcesDir: string): Map<string, RegistryEntry> {
  const file = "data/sources/sources.json";
  const raw: unknown = JSON.parse(readFileSync(join(sourcesDir, "sources.json"), "utf8"));
  if (!Array.isArray(raw)) throw new BuildError(file, 1, "(root)", "expected an array of sources");
  const out = new Map<string, RegistryEntry>();
  raw.forEach((item, i) => {
    const parsed = RegistryEntry.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BuildError(file, i + 1, issue.path.join(".") || "(entry)", issue.message);
    }
    if (out.has(parsed.data.id)) throw new BuildError(file, i + 1, "id", `id "${parsed.data.id}" appears twice`);
    for (const f of parsed.data.files)
      if (!existsSync(join(sourcesDir, f))) throw new BuildError(file, i + 1, "files", `file not found: ${f}`);
    out.set(parsed.data.id, parsed.data);
  });
  return out;
}

export function toSource({ files: _files, topCode: _topCode, ...source }: RegistryEntry): Source {
  return source;
}
