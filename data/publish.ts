// `npm run data:publish -- [--local [--persist-to DIR]] [--dry-run] [--file data/out/kv-bulk.json] [--changes FILE]
//   [--retain N]` and `-- --rollback`: writes the new snapshot's keys to KV first (its digest last, which says the id is
// complete), records it in the snapshot index, records the live id under the "previous" key, and flips the pointer
// key last, so readers see the old snapshot or the new one, never a half-written one. Published snapshots stay
// readable by id: the index keeps the newest N (default 5); keys of older ones are deleted after the flip and their
// ids listed as pruned, so a pinned URL of a pruned snapshot answers 410 rather than 404.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { POINTER_KEY, PREVIOUS_POINTER_KEY, SNAPSHOT_INDEX_KEY, SnapshotIndex, snapshotKeys, SnapshotMetaBody } from "../core/index";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BINDING = "ATLAS_KV";
/** What `wrangler kv key get` prints, with exit code 0, for an absent key. */
const NOT_FOUND = "Value not found";
export const DEFAULT_RETAIN = 5;

/** The KV operations publishing needs; `wranglerKv` runs them, tests may pass an in-memory one. */
export interface KvClient {
  get(key: string): string | undefined;
  put(key: string, value: string): void;
  bulkPut(entries: { key: string; value: string }[]): void;
  list(prefix: string): string[];
  bulkDelete(keys: string[]): void;
}

/** KV through wrangler: `--remote` by default, `--local` (optionally `--persist-to DIR`) for the local server. */
export function wranglerKv(opts: { local?: boolean; persistTo?: string; log?: (line: string) => void; dryRun?: boolean } = {}): KvClient {
  const where = ["--binding", BINDING, ...(opts.local ? ["--local", ...(opts.persistTo ? ["--persist-to", opts.persistTo] : [])] : ["--remote"])];
  const run = (args: string[], write: boolean) => {
    opts.log?.(`wrangler ${args.join(" ")}`);
    if (write && opts.dryRun) return "";
    return execFileSync(join(root, "node_modules/.bin/wrangler"), [...args, ...where], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    });
  };
  const withFile = (name: string, body: unknown, f: (file: string) => void) => {
    const tmp = mkdtempSync(join(tmpdir(), "atlas-publish-"));
    try {
      const file = join(tmp, name);
      writeFileSync(file, JSON.stringify(body));
      f(file);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  };
  return {
    get(key) {
      if (opts.dryRun && !opts.local) return undefined;
      try {
        const v = run(["kv", "key", "get", key, "--text"], false).trim();
        return v === NOT_FOUND || v === "" ? undefined : v;
      } catch {
        return undefined;
      }
    },
    put: (key, value) => void run(["kv", "key", "put", key, value], true),
    bulkPut: (entries) => withFile("keys.json", entries, (f) => run(["kv", "bulk", "put", f], true)),
    list(prefix) {
      if (opts.dryRun && !opts.local) return [];
      return (JSON.parse(run(["kv", "key", "list", "--prefix", prefix], false)) as { name: string }[]).map((k) => k.name);
    },
    bulkDelete: (keys) => withFile("delete.json", keys, (f) => run(["kv", "bulk", "delete", f, "--force"], true)),
  };
}

export interface PublishOptions {
  file?: string;
  /** Changes against the snapshot before it (`data:diff --json`), published with the snapshot. */
  changes?: string;
  /** How many published snapshots stay readable by id (at least 2, so a rollback has somewhere to go). */
  retain?: number;
  rollback?: boolean;
  kv: KvClient;
  /** The time recorded in the index for this publish. */
  now?: string;
}

export interface PublishResult {
  id: string;
  wrote: boolean;
  retained: string[];
  pruned: string[];
}

function readIndex(kv: KvClient): SnapshotIndex {
  const raw = kv.get(SNAPSHOT_INDEX_KEY);
  return raw ? SnapshotIndex.parse(JSON.parse(raw)) : { snapshots: [], pruned: [] };
}

export function publish(opts: PublishOptions): PublishResult {
  const { kv } = opts;
  const retain = opts.retain ?? DEFAULT_RETAIN;
  if (!Number.isInteger(retain) || retain < 2) throw new Error(`--retain must be a whole number of at least 2 (found ${retain})`);

  if (opts.rollback) {
    const previous = kv.get(PREVIOUS_POINTER_KEY);
    if (!previous) throw new Error("no previous snapshot recorded; nothing to roll back to");
    if (!kv.get(snapshotKeys(previous).digest)) throw new Error(`previous snapshot ${previous} is no longer in KV (pruned)`);
    const live = kv.get(POINTER_KEY);
    kv.put(POINTER_KEY, previous);
    if (live) kv.put(PREVIOUS_POINTER_KEY, live);
    return { id: previous, wrote: false, retained: readIndex(kv).snapshots.map((s) => s.id), pruned: [] };
  }

  const file = resolve(opts.file ?? join(root, "data/out/kv-bulk.json"));
  const bulk = JSON.parse(readFileSync(file, "utf8")) as { key: string; value: string }[];
  const pointer = bulk.find((e) => e.key === POINTER_KEY)?.value;
  if (!pointer) throw new Error(`${file} has no ${POINTER_KEY} entry`);
  const keys = snapshotKeys(pointer);
  const entries = bulk.filter((e) => e.key !== POINTER_KEY);
  if (!entries.every((e) => e.key.includes(`:${pointer}:`))) throw new Error(`${file} holds keys of another snapshot than ${pointer}`);
  const digest = entries.find((e) => e.key === keys.digest)?.value;
  const metaBody = entries.find((e) => e.key === keys.meta)?.value;
  if (!digest || !metaBody) throw new Error(`${file} has no ${!digest ? keys.digest : keys.meta} entry`);
  const meta = SnapshotMetaBody.parse(JSON.parse(metaBody));

  // A snapshot id names its bytes: keys of an id already in KV are never overwritten with other bytes (isolates
  // that cached the old ones would keep them forever).
  const published = kv.get(keys.digest);
  if (published && published !== digest)
    throw new Error(
      `snapshot ${pointer} is already in KV with other bytes (digest ${published.slice(0, 12)}…, this build ${digest.slice(0, 12)}…); ` +
        `a build with the same content but another build time gives the same id: rebuild with the published --built-at, or publish nothing`,
    );
  if (!published) {
    kv.bulkPut(entries.filter((e) => e.key !== keys.digest)); // 1. every key of the new snapshot,
    if (opts.changes) kv.put(keys.changes, readFileSync(resolve(opts.changes), "utf8")); //    what changed since the one before,
    kv.put(keys.digest, digest); //    then the digest that says it is complete
  }

  // 2. the index: this snapshot newest, the newest `retain` kept (and always the live one, for a rollback), older
  //    ones listed as pruned.
  const live = kv.get(POINTER_KEY);
  const index = readIndex(kv);
  const now = opts.now ?? new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const all = [
    ...index.snapshots.filter((s) => s.id !== pointer),
    { id: pointer, builtAt: meta.builtAt, publishedAt: now, ...(meta.release ? { release: meta.release } : {}), periods: meta.periods },
  ];
  const kept = all.filter((s, i) => i >= all.length - retain || s.id === live);
  const pruned = all.filter((s) => !kept.includes(s)).map((s) => s.id);
  kv.put(SNAPSHOT_INDEX_KEY, JSON.stringify({ snapshots: kept, pruned: [...new Set([...index.pruned.filter((id) => id !== pointer), ...pruned])] }));

  // 3. remember the live one, 4. flip, last.
  if (live && live !== pointer) kv.put(PREVIOUS_POINTER_KEY, live);
  kv.put(POINTER_KEY, pointer);

  // 5. after the flip, delete the keys of the pruned snapshots.
  //    A listing returns at most 1,000 keys, so list and delete until none is left (a snapshot has ~1,600).
  for (const id of pruned)
    for (let round = 0, names = kv.list(snapshotKeys(id).prefix); names.length; names = kv.list(snapshotKeys(id).prefix)) {
      if (++round > 100) throw new Error(`pruning ${id}: keys are still listed after 100 deletions`);
      kv.bulkDelete(names);
    }
  return { id: pointer, wrote: !published, retained: kept.map((s) => s.id), pruned };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({
      options: {
        file: { type: "string" },
        changes: { type: "string" },
        retain: { type: "string" },
        local: { type: "boolean" },
        "persist-to": { type: "string" },
        "dry-run": { type: "boolean" },
        rollback: { type: "boolean" },
      },
      strict: true,
    });
    const kv = wranglerKv({ local: values.local, persistTo: values["persist-to"], dryRun: values["dry-run"], log: (l) => console.log(`data:publish: ${l}`) });
    const r = publish({
      kv,
      file: values.file,
      changes: values.changes,
      retain: values.retain === undefined ? undefined : Number(values.retain),
      rollback: values.rollback,
    });
    console.log(
      `data:publish: ${values.rollback ? "rolled back to" : "live"} snapshot ${r.id}${r.wrote ? "" : " (its keys were already in KV)"}; ` +
        `retained ${r.retained.join(", ")}${r.pruned.length ? `; pruned ${r.pruned.join(", ")}` : ""}`,
    );
  } catch (err) {
    console.error(`data:publish failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
