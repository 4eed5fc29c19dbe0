// KV as the tests need it inside workerd: snapshots published under new ids (copies of the bundled one with a
// marker figure), and wrappers around the real binding that count reads or inject faults.
import { env } from "cloudflare:workers";
import { POINTER_KEY, snapshotKeys } from "../../core/index";
import { bundledSnapshot } from "../../worker/bundle";

/** The figure each published copy changes, so a body shows which snapshot it came from. */
export const MARKED = { path: "/api/v1/rankings/occupations-by-employment", key: "occupations-by-employment", bundled: '"value":262440' };
export const marker = (n: number) => `"value":${n}`;

/** The keys the tests read: every index, list, ranking, section and fact, and the bodies of the few charts,
 *  entities and comparisons they ask for (writing all ~1,600 keys takes seconds in the local KV). */
const USED = [
  /:(manifest|list:[a-z]+|entities:[a-z-]+)$/,
  /:(ranking|ranking-csv|section|fact):[a-z0-9-]+$/,
  /:chart(-vega|-svg|-embed)?:occupations-by-(median-wage|employment)$/,
  /:compare-record:metros:(new-york-newark-jersey-city-ny-nj|san-jose-sunnyvale-santa-clara-ca)$/,
  /:compare:occupations:data-scientists:statisticians$/,
  /:entity:metros:bloomington-il$/,
];
export const used = (key: string) => USED.some((re) => re.test(key));

/** Writes a copy of the bundled snapshot under `id` with the marked figure set to `value` (the keys `only`
 *  accepts, minus those `skip` names), as a publish writes a new snapshot's keys. */
export async function publishCopy(id: string, value: number, o: { skip?: (key: string) => boolean; only?: (key: string) => boolean; pointer?: boolean } = {}) {
  const bundled = await bundledSnapshot();
  const from = snapshotKeys(bundled.pointer);
  const writes: Promise<void>[] = [];
  const only = o.only ?? used;
  for (const [key, body] of Object.entries(bundled.entries)) {
    const to = key.replace(`:${bundled.pointer}:`, `:${id}:`);
    if (!only(to) || o.skip?.(to)) continue;
    let text = body.replaceAll(`"id":"${bundled.pointer}"`, `"id":"${id}"`);
    if (key === from.ranking(MARKED.key)) text = text.replace(MARKED.bundled, marker(value));
    writes.push(env.ATLAS_KV.put(to, text));
  }
  await Promise.all(writes);
  if (o.pointer) await env.ATLAS_KV.put(POINTER_KEY, id);
}

export type Fault = "throw" | "hang" | "corrupt" | "missing" | undefined;

/** The real KV binding with `rule(key)` deciding, per read, to throw, never answer, answer corrupt JSON or null. */
export function faulty(rule: (key: string) => Fault): KVNamespace {
  const kv = env.ATLAS_KV;
  return {
    get: async (key: string) => {
      switch (rule(key)) {
        case "throw":
          throw new Error("KV GET failed: 503 (injected)");
        case "hang":
          return new Promise<never>(() => {});
        case "corrupt":
          return '{"snapshot": {"id": "trunc';
        case "missing":
          return null;
        default:
          return kv.get(key);
      }
    },
  } as unknown as KVNamespace;
}

/** The real KV binding, counting reads. */
export function counting(): { kv: KVNamespace; reads: string[] } {
  const reads: string[] = [];
  const kv = {
    get: (key: string) => {
      reads.push(key);
      return env.ATLAS_KV.get(key);
    },
  } as unknown as KVNamespace;
  return { kv, reads };
}

/** The body's snapshot id and the headers that say where it came from. */
export async function origin(res: Response) {
  const text = await res.text();
  return {
    status: res.status,
    header: res.headers.get("x-atlas-snapshot"),
    fallback: res.headers.get("x-atlas-fallback"),
    body: /"snapshot":\{"id":"([0-9a-z]+)"/.exec(text)?.[1] ?? null,
    text,
  };
}
