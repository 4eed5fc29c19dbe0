// Child process of the data-build bench: runs one build() and prints its time, peak RSS and output sizes as JSON.
import { readFileSync, statSync } from "node:fs";
import { build } from "../../data/build";

const opts = JSON.parse(process.argv[2]!) as { sourcesDir: string; contentDir: string; kvFile: string; fallbackFile: string };
const rssBefore = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = await build({ ...opts, builtAt: "2026-01-01T00:00:00Z" });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const peakRss = process.resourceUsage().maxRSS * 1024;
const fallback = JSON.parse(readFileSync(opts.fallbackFile, "utf8")) as { entries: Record<string, string> };
const largest = Object.values(fallback.entries).reduce((m, v) => Math.max(m, Buffer.byteLength(v)), 0);
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRss,
    rssBefore,
    entities: r.entities,
    keys: r.keys,
    fallbackBytes: statSync(opts.fallbackFile).size,
    kvBytes: statSync(opts.kvFile).size,
    largestValueBytes: largest,
  }),
);
