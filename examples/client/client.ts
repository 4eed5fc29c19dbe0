// A typed client of the API in a few lines: the response types come from openapi-typescript's reading of
// /openapi.json (api-types.ts), so a field the API does not serve does not compile.
import type { components, paths } from "./api-types";

type Json<P extends keyof paths> = paths[P]["get"] extends { responses: { 200: { content: { "application/json": infer B } } } } ? B : never;

async function get<P extends keyof paths>(base: string, path: string): Promise<Json<P>> {
  const res = await fetch(new URL(path, base));
  if (!res.ok) throw new Error(`${path}: ${res.status} ${((await res.json()) as components["schemas"]["Problem"]).code}`);
  return (await res.json()) as Json<P>;
}

export const getRanking = (base: string, id: string) => get<"/api/v1/rankings/{id}">(base, `/api/v1/rankings/${id}`);
export const getEntity = (base: string, kind: string, id: string) => get<"/api/v1/entities/{kind}/{id}">(base, `/api/v1/entities/${kind}/${id}`);
export const getFact = (base: string, id: string) => get<"/api/v1/facts/{id}">(base, `/api/v1/facts/${id}`);

/** What a career site might print: each figure with its period and trust label, a top code as "at least". */
export async function describeRanking(base: string, id: string): Promise<string[]> {
  const { ranking } = await getRanking(base, id);
  return ranking.items.map(
    (it) => `${it.rank}. ${it.name}: ${it.figure.bound === "at-least" ? "at least " : ""}${it.figure.value} (${it.figure.period}, ${it.figure.trust})`,
  );
}

export async function dataScientistSeries(base: string): Promise<{ period: string; jobs: number }[]> {
  const { page } = await getEntity(base, "occupations", "data-scientists");
  return (page.entity.series?.points.employment ?? []).map((p) => ({ period: p.period, jobs: p.value }));
}

export async function factSentence(base: string, id: string): Promise<string> {
  const { fact } = await getFact(base, id);
  return `${fact.text} (${fact.figure.period}, ${fact.figure.trust})`;
}
