// Loads the source registry (data/sources/sources.json) and checks every file it names exists.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Source } from "../../core/index";
import { BuildError } from "./build-error";

/** OEWS top codes of a release: a `#` cell means the wage is at or above these (from the release's field descriptions). */
export const TopCode = z.object({ annual: z.number().positive(), hourly: z.number().positive(), note: z.string().min(1) });
export type TopCode = z.infer<typeof TopCode>;

/** The series of national OEWS releases: the newest gives the current national figures, all give the history. */
export const NATIONAL_SERIES = "oews-national";

export const RegistryEntry = Source.extend({
  files: z.array(z.string().min(1)).min(1),
  topCode: TopCode.optional(),
  series: z.literal(NATIONAL_SERIES).optional(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export function loadRegistry(sourcesDir: string): Map<string, RegistryEntry> {
  const file = "data/sources/sources.json";
  const raw: unknown = JSON.parse(readFileSync(join(sourcesDir, "sources.json"), "utf8"));
  if (!Array.isArray(raw)) throw new BuildError(file, 1, "(root)", "expected an array of sources");
  const out = new Map<string, RegistryEntry>();
  raw.forEach((item, i) => {
    const parsed = RegistryEntry.safeParse(item);
    if (!parsed.success) throw BuildError.fromZod(file, i + 1, parsed.error, "(entry)");
    if (out.has(parsed.data.id)) throw new BuildError(file, i + 1, "id", `id "${parsed.data.id}" appears twice`);
    for (const f of parsed.data.files) if (!existsSync(join(sourcesDir, f))) throw new BuildError(file, i + 1, "files", `file not found: ${f}`);
    out.set(parsed.data.id, parsed.data);
  });
  return out;
}

export function toSource({ files: _files, topCode: _topCode, series: _series, ...source }: RegistryEntry): Source {
  return source;
}

/** The releases of the national series, oldest first (by the year in their period). */
export function nationalReleases(registry: Map<string, RegistryEntry>): RegistryEntry[] {
  const year = (e: RegistryEntry) => Number(/\d{4}/.exec(e.period)?.[0] ?? NaN);
  const list = [...registry.values()].filter((e) => e.series === NATIONAL_SERIES);
  for (const e of list)
    if (!Number.isFinite(year(e)))
      throw new BuildError("data/sources/sources.json", 0, "period", `national release "${e.id}" has no year in its period "${e.period}"`);
  return list.sort((a, b) => year(a) - year(b));
}
