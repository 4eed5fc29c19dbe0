// `npm run data:publish -- [--local] [--dry-run] [--file data/out/kv-bulk.json]` and `-- --rollback`:
// writes the new snapshot's keys to KV first, records the live id under the "previous" key, and flips the
// pointer key last, so readers see the old snapshot or the new one, never a half-written one. Old snapshot
// keys are left in place, so a rollback is one pointer flip.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { POINTER_KEY, PREVIOUS_POINTER_KEY, snapshotKeys } from "../core/index";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BINDING = "ATLAS_KV";
/** What `wrangler kv key get` prints, with exit code 0, for an absent key. */
const NOT_FOUND = "Value not found";

export interface PublishOptions {
  file?: string;
  local?: boolean;
  dryRun?: boolean;
  rollback?: boolean;
  /** Runs one wrangler command; returns its stdout. Replaced in tests. */
  run?: (args: string[]) => string;
}

const wrangler = (args: string[]) =>
  execFileSync("npx", ["wrangler", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });

export function publish(opts: PublishOptions = {}): string[] {
  const where = [`--binding`, BINDING, ...(opts.local ? ["--local"] : ["--remote"])];
  const done: string[] = [];
  const run = (args: string[]) => {
    done.push(`wrangler ${args.join(" ")}`);
    return opts.dryRun ? "" : (opts.run ?? wrangler)(args);
  };
  /** A key's value, or "" when it is absent (wrangler prints "Value not found" and exits 0, or fails). */
  const getOrEmpty = (args: string[]) => {
    if (opts.dryRun) return "";
    try {
      const v = run(args).trim();
      return v === NOT_FOUND ? "" : v;
    } catch {
      return "";
    }
  };
  const current = () => getOrEmpty(["kv", "key", "get", POINTER_KEY, ...where, "--text"]); // "" before the first publish

  if (opts.rollback) {
    const previous = opts.dryRun ? "<previous>" : getOrEmpty(["kv", "key", "get", PREVIOUS_POINTER_KEY, ...where, "--text"]);
    if (!previous) throw new Error("no previous snapshot recorded; nothing to roll back to");
    const live = current();
    run(["kv", "key", "put", POINTER_KEY, previous, ...where]);
    if (live) run(["kv", "key", "put", PREVIOUS_POINTER_KEY, live, ...where]);
    return done;
  }

  const file = resolve(opts.file ?? join(root, "data/out/kv-bulk.json"));
  const bulk = JSON.parse(readFileSync(file, "utf8")) as { key: string; value: string }[];
  const pointer = bulk.find((e) => e.key === POINTER_KEY)?.value;
  if (!pointer) throw new Error(`${file} has no ${POINTER_KEY} entry`);
  const keys = bulk.filter((e) => e.key !== POINTER_KEY);
  if (!keys.every((e) => e.key.includes(`:${pointer}:`))) throw new Error(`${file} holds keys of another snapshot than ${pointer}`);

  // A snapshot id names its bytes: keys of an id already in KV are never overwritten with other bytes (isolates
  // that cached the old ones would keep them forever). The digest key, written last, says the id is complete.
  const digestKey = snapshotKeys(pointer).digest;
  const digest = keys.find((e) => e.key === digestKey)?.value;
  if (!digest) throw new Error(`${file} has no ${digestKey} entry`);
  const published = getOrEmpty(["kv", "key", "get", digestKey, ...where, "--text"]);
  if (published && published !== digest)
    throw new Error(
      `snapshot ${pointer} is already in KV with other bytes (digest ${published.slice(0, 12)}…, this build ${digest.slice(0, 12)}…); ` +
        `a build with the same content but another build time gives the same id: rebuild with the published --built-at, or publish nothing`,
    );

  const live = current();
  const tmp = mkdtempSync(join(tmpdir(), "atlas-publish-"));
  try {
    const snapshotFile = join(tmp, "snapshot-keys.json");
    writeFileSync(snapshotFile, JSON.stringify(keys.filter((e) => e.key !== digestKey)));
    if (!published) {
      run(["kv", "bulk", "put", snapshotFile, ...where]); // 1. every key of the new snapshot,
      run(["kv", "key", "put", digestKey, digest, ...where]); //    then the digest that says it is complete
    }
    if (live && live !== pointer) run(["kv", "key", "put", PREVIOUS_POINTER_KEY, live, ...where]); // 2. remember the live one
    run(["kv", "key", "put", POINTER_KEY, pointer, ...where]); // 3. flip, last
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return done;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({
      options: { file: { type: "string" }, local: { type: "boolean" }, "dry-run": { type: "boolean" }, rollback: { type: "boolean" } },
      strict: true,
    });
    const steps = publish({ file: values.file, local: values.local, dryRun: values["dry-run"], rollback: values.rollback });
    for (const s of steps) console.log(`data:publish: ${s}`);
  } catch (err) {
    console.error(`data:publish failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
