// Starts the real local server the way `npm start` does (wrangler dev + local KV seeded from the build),
// in its own process group and its own KV state folder, and stops the whole group afterwards.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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

/** `kvFile`: the KV bulk file to seed (default: the data build's). */
export async function startLocalServer(o: { kvFile?: string } = {}): Promise<LocalServer> {
  const state = mkdtempSync(join(tmpdir(), "atlas-kv-"));
  const seed = spawnSync(
    wrangler,
    ["kv", "bulk", "put", o.kvFile ?? "data/out/kv-bulk.json", "--binding", "ATLAS_KV", "--local", "--persist-to", state],
    { cwd: root, env, encoding: "utf8" },
  );
  if (seed.status !== 0) throw new Error(`seeding local KV failed:\n${seed.stderr}`);
  const port = await freePort();
  const child = spawn(wrangler, ["dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--show-interactive-dev-session=false"], {
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
    rmSync(state, { recursive: true, force: true });
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
