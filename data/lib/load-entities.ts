// Reads every source and content file into entities (with mappings) and excerpt figures; throws BuildError on bad input.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { entityKey, type Entity, type LabelledFigure, type Mapping } from "../../core/index";
import { BuildError } from "./build-error";
import { addSeries, metrosFromExtracts, OccupationDef, occupationsFromOews } from "./entities";
import { loadExcerptFigures } from "./excerpt-figures";
import { governmentLevels, industryEntities, readIndustryExtract } from "./industry-entities";
import { MappedContent, mappedEntities, parseItems } from "./mapped-entities";
import { addMetroGrowth, type MetroGrowthResult } from "./metro-growth";
import { importOews } from "./oews";
import { addOccupationExtras, readEpTable, readTedRow } from "./occupation-extras";
import { loadRegistry, nationalReleases, toSource, type RegistryEntry } from "./sources";
import { readStateExtract, stateEntities } from "./state-entities";

export interface Loaded {
  registry: Map<string, RegistryEntry>;
  entities: Entity[];
  mappings: Map<string, Mapping>;
  fields: Map<string, Record<string, string | string[]>>;
  excerpt: Map<string, LabelledFigure>;
  metroGrowth: Omit<MetroGrowthResult, "metros">;
  articleText: string;
  /** The national release the current national figures come from. */
  release: string;
}

export function loadEntities(sourcesDir: string, contentDir: string, opts: { beforeNewestRelease?: boolean } = {}): Loaded {
  const registry = loadRegistry(sourcesDir);
  // The edition as it was before the newest national release was imported (what its refresh is compared with).
  if (opts.beforeNewestRelease) registry.delete(nationalReleases(registry).at(-1)!.id);
  const entry = (id: string) => {
    const s = registry.get(id);
    if (!s) throw new BuildError("data/sources/sources.json", 0, "id", `source "${id}" is not registered`);
    return s;
  };
  const read = (rel: string) => readFileSync(join(sourcesDir, rel), "utf8");
  const rel = (p: string) => `data/sources/${p}`;
  const file = (id: string, i = 0) => {
    const f = entry(id).files[i]!;
    return { text: read(f), name: rel(f), src: toSource(entry(id)), topCode: entry(id).topCode };
  };
  const content = (name: string) => ({ data: JSON.parse(readFileSync(join(contentDir, name), "utf8")) as unknown, name: `data/content/${name}` });

  // The national series: every release is read for the history; the newest gives the current national figures.
  const releases = nationalReleases(registry).map((e) => {
    const f = file(e.id);
    return { rows: importOews(f.text, f.name), from: { src: f.src, file: f.name, topCode: f.topCode } };
  });
  const current = releases[releases.length - 1];
  if (!current) throw new BuildError("data/sources/sources.json", 0, "series", 'no national OEWS release is registered (series "oews-national")');
  const occ = content("occupations.json");
  const defs = parseItems(OccupationDef, occ.data, occ.name);
  let occupations = addSeries(occupationsFromOews(defs, current.rows, current.from), defs, releases);
  const ep = file("bls-ep-2023-33");
  const ted = file("bls-ted-math-2025");
  occupations = addOccupationExtras(
    occupations,
    { rows: readEpTable(ep.text, ep.name), src: ep.src },
    { rows: new Map([["15-2041", readTedRow(ted.text, ted.name, "Statisticians")]]), src: ted.src },
  );

  const metroSrc = entry("oews-msa-m2024-extract");
  const [lqFile, medianFile] = metroSrc.files as [string, string];
  const metros0 = metrosFromExtracts(read(lqFile), rel(lqFile), read(medianFile), rel(medianFile), toSource(metroSrc));
  const g = file("oews-msa-2021-2024-extract");
  const { metros, ...metroGrowth } = addMetroGrowth(metros0, g.text, g.name, g.src);

  const sec = file("bls-oews-natsector-m2024");
  const n3 = file("bls-oews-nat3d-m2024");
  const i25 = file("oews-m2025-industry-extract");
  const { sectors, industries: naics } = industryEntities({
    sectors: importOews(sec.text, sec.name),
    sectorSrc: { src: sec.src, file: sec.name, topCode: sec.topCode },
    nat3d: importOews(n3.text, n3.name),
    nat3dSrc: { src: n3.src, file: n3.name, topCode: n3.topCode },
    may2025: readIndustryExtract(i25.text, i25.name),
    may2025Src: i25.src,
  });
  const own = file("bls-oews-owner-m2024");
  const levels = governmentLevels(importOews(own.text, own.name), { src: own.src, file: own.name, topCode: own.topCode });
  const st = file("bls-oews-state-m2024");
  const s25 = file("oews-m2025-state-extract");
  const states = stateEntities(
    importOews(st.text, st.name),
    { src: st.src, file: st.name, topCode: st.topCode },
    readStateExtract(s25.text, s25.name),
    s25.src,
    s25.name,
  );

  const ex = content("excerpt-figures.json");
  const excerpt = loadExcerptFigures(ex.data, ex.name, registry, read);
  const official = [...occupations, ...metros, ...states, ...sectors, ...naics, ...levels];
  const byKey = new Map(official.map((e) => [entityKey(e), e]));
  const article = file("article");
  const ctx = { entities: byKey, excerpt, article: article.src, articleText: article.text };
  const mapped = (["industries", "employer-types", "employer-sizes", "roles"] as const).flatMap((kind) => {
    const c = content(`${kind}.json`);
    return mappedEntities(kind, parseItems(MappedContent, c.data, c.name), c.name, ctx);
  });
  const entities = [...official, ...mapped.map((m) => m.entity)];
  const seen = new Set<string>();
  for (const e of entities) {
    if (seen.has(entityKey(e))) throw new BuildError("data/content", 0, "id", `entity ${entityKey(e)} appears twice`);
    seen.add(entityKey(e));
  }
  return {
    registry,
    entities,
    mappings: new Map(mapped.map((m) => [entityKey(m.entity), m.mapping])),
    fields: new Map(mapped.map((m) => [entityKey(m.entity), m.fields])),
    excerpt,
    metroGrowth,
    articleText: article.text,
    release: current.from.src.period,
  };
}
