// Starts the real local server the way `npm start` does (wrangler dev + local KV seeded from the build),
// in its own process group and its own KV state folder, and stops the whole group afterwards.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { POINTER_KEY, SNAPSHOT_INDEX_KEY, snapshotKeys } from "../../core/index";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const wrangler = join(root, "node_modules/.bin/wrangler");

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

export interface LocalServer {
  url: string;
  stop(): Promise<void>;
}

/** The KV bulk file to seed: `kvFile` (default: the data build's), and with `previous` an earlier published
 *  snapshot too, both in the snapshot index as data:publish writes it (the earlier one first). */
function seedFile(state: string, kvFile: string, previous: string | undefined): string {
  if (!previous || !existsSync(previous)) return kvFile;
  type Bulk = { key: string; value: string }[];
  const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as Bulk;
  const [older, newer] = [read(previous), read(kvFile)];
  const meta = (bulk: Bulk) => {
    const id = bulk.find((e) => e.key === POINTER_KEY)!.value;
    const m = JSON.parse(bulk.find((e) => e.key === snapshotKeys(id).meta)!.value) as { id: string; builtAt: string; release?: string; periods: string[] };
    return { id: m.id, builtAt: m.builtAt, publishedAt: m.builtAt, release: m.release, periods: m.periods };
  };
  const index = { key: SNAPSHOT_INDEX_KEY, value: JSON.stringify({ snapshots: [meta(older), meta(newer)], pruned: [] }) };
  const file = join(state, "seed.json");
  writeFileSync(file, JSON.stringify([...older.filter((e) => e.key !== POINTER_KEY), ...newer, index]));
  return file;
}

/** `persistTo`: serve the local KV already in that folder (as `data:publish --local --persist-to` writes it),
 *  unseeded, and leave the folder in place when stopped. `beforeStart` runs with the local KV's state folder after
 *  seeding, before the server starts (e.g. to publish a widget release into it). */
export async function startLocalServer(
  o: { kvFile?: string; previous?: string; persistTo?: string; beforeStart?: (persistTo: string) => void } = {},
): Promise<LocalServer> {
  const state = o.persistTo ?? mkdtempSync(join(tmpdir(), "atlas-kv-"));
  if (!o.persistTo) {
    const seed = spawnSync(
      wrangler,
      [
        "kv",
        "bulk",
        "put",
        seedFile(state, o.kvFile ?? join(root, "data/out/kv-bulk.json"), o.previous),
        "--binding",
        "ATLAS_KV",
        "--local",
        "--persist-to",
        state,
      ],
      { cwd: root, env, encoding: "utf8" },
    );
    if (seed.status !== 0) throw new Error(`seeding local KV failed:\n${seed.stderr}`);
  }
  o.beforeStart?.(state);
  const port = await freePort();
  // Its own devtools port too: wrangler's default (9229 and up) collides when test files start servers at once.
  const inspector = await freePort();
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector), "--persist-to", state];
  const child = spawn(wrangler, [...args, "--show-interactive-dev-session=false"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 300));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
    if (!o.persistTo) rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/api/v1`);
      if (res.ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not come up on ${url}:\n${log.slice(-2000)}`);
}
