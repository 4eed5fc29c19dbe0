// Measures how busy the machine's CPUs are (from /proc/stat) while the bench is idle: other work skews every figure.
import { readdirSync, readFileSync } from "node:fs";

function snapshot(): { busy: number; total: number } {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Fraction (0–1) of all CPUs busy over `ms`, the bench's own servers being idle meanwhile. */
export async function backgroundBusy(ms = 1000): Promise<number> {
  const a = snapshot();
  await new Promise((r) => setTimeout(r, ms));
  const b = snapshot();
  return (b.busy - a.busy) / Math.max(1, b.total - a.total);
}

export const QUIET = 0.15;

/** Waits up to `maxMs` for the machine to be quiet; returns the last reading either way. */
export async function waitForQuiet(maxMs: number, log: (s: string) => void): Promise<number> {
  const until = Date.now() + maxMs;
  let busy = await backgroundBusy();
  if (busy > QUIET) log(`  machine busy (${Math.round(busy * 100)}% of CPUs used by other processes): waiting up to ${maxMs / 1000} s for quiet …`);
  while (busy > QUIET && Date.now() < until) busy = await backgroundBusy(2000);
  return busy;
}

/** CPU jiffies of the whole machine and of the bench's own processes (its session and the groups it started). */
export interface CpuSample {
  total: number;
  busy: number;
  ours: number;
}

const statFields = (text: string) => text.slice(text.lastIndexOf(")") + 2).split(" ");

export function cpuSample(groups: ReadonlySet<number>): CpuSample {
  const { busy, total } = snapshot();
  const mySid = Number(statFields(readFileSync("/proc/self/stat", "utf8"))[3]);
  let ours = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const f = statFields(readFileSync(`/proc/${pid}/stat`, "utf8"));
      // After ")": state ppid pgrp session … utime(12) stime(13)
      if (Number(f[3]) === mySid || groups.has(Number(f[2]))) ours += Number(f[11]) + Number(f[12]);
    } catch {
      /* exited meanwhile */
    }
  }
  return { total, busy, ours };
}

/** Share of all CPUs that other processes used between two samples. */
export function othersShare(a: CpuSample, b: CpuSample): number {
  const total = b.total - a.total;
  return total > 0 ? Math.max(0, (b.busy - a.busy - (b.ours - a.ours)) / total) : 0;
}
