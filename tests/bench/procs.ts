// Starts bench servers in their own process group and kills every group on exit, error or Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { openSync } from "node:fs";

const groups = new Set<number>();

export interface Started {
  pid: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Like `setsid CMD`: a detached child leads a new process group, so one signal reaches all its processes. */
export function startGroup(cmd: string, args: string[], opts: { cwd?: string; log: string; env?: NodeJS.ProcessEnv }): Started {
  const fd = openSync(opts.log, "a");
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, detached: true, stdio: ["ignore", fd, fd] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${cmd}`);
  groups.add(pid);
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  return {
    pid,
    child,
    stop: async () => {
      killGroup(pid, "SIGTERM");
      const timeout = new Promise<"timeout">((res) => setTimeout(() => res("timeout"), 3000).unref());
      if ((await Promise.race([exited, timeout])) === "timeout") killGroup(pid, "SIGKILL");
      groups.delete(pid);
    },
  };
}

function killGroup(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(-pid, sig);
  } catch {
    /* already gone */
  }
}

/** Process groups this bench started and has not stopped yet. */
export const ownedGroups = (): ReadonlySet<number> => groups;

/** Synchronous, so it also runs from process.on("exit"). */
export function killAllGroups() {
  for (const pid of groups) killGroup(pid, "SIGKILL");
  groups.clear();
}

let installed = false;
export function installCleanup() {
  if (installed) return;
  installed = true;
  process.on("exit", killAllGroups);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(sig, () => {
      killAllGroups();
      process.exit(130);
    });
  process.on("uncaughtException", (err) => {
    console.error(err);
    killAllGroups();
    process.exit(1);
  });
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? res(addr.port) : rej(new Error("no port"))));
    });
  });
}

/** Polls until `url` answers (any status) or the time runs out. */
export async function waitForHttp(url: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch (err) {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
