// Section 5: a publish and a rollback under load. 32 connections read while a new snapshot's keys are written to
// the disk-backed KV, the pointer is flipped, and flipped back; every response is checked: its body's snapshot
// ids, its X-Atlas-Snapshot header and its ETag must agree, and no body may mix two snapshots.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { ROOT, type EdgeRuntime } from "./edge-runtime";

const POINTER = "atlas:v1:current";
const PREVIOUS = "atlas:v1:previous";
/** The id of the snapshot the bench publishes (a copy of the built one under another id). */
export const PUBLISHED = "0ddba11c0ffe";

/** One of each kind of body: JSON, a join composed by the worker, CSV, SVG, a fragment, an embed page, a 304. */
const PATHS = [
  "/api/v1/rankings/occupations-by-median-wage",
  "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca",
  "/api/v1/compare/occupations?a=data-scientists&b=statisticians",
  "/api/v1/rankings/occupations-by-median-wage?format=csv",
  "/api/v1/charts/occupations-by-median-wage?format=svg",
  "/api/v1/facts/data-scientist-growth-2023-33?format=html",
  "/embed/ranking/metros-by-data-scientist-employment",
  "/api/v1/entities/metros/bloomington-il",
];

export interface PublishResult {
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  /** Responses whose header, ETag and body did not agree, or whose body named two snapshots. */
  disagreements: number;
  mixed: number;
  bySnapshot: Record<string, number>;
  /** Seconds from the pointer flip to the first and the last answer from the old snapshot, per flip. */
  publish: { at: number; firstNew: number | null; lastOld: number | null };
  rollback: { at: number; firstNew: number | null; lastOld: number | null };
  examples: string[];
  rps: number;
}

const etagOf = (body: Buffer) => `"${createHash("sha1").update(body).digest("hex").slice(0, 20)}"`;

/** Every snapshot id a body names: JSON envelopes, the CSV snapshot column, "Snapshot …" in fragments, SVG has none. */
function idsIn(body: string, type: string): Set<string> {
  const ids = new Set<string>();
  for (const m of body.matchAll(/"snapshot":\{"id":"([0-9a-f]{12})"/g)) ids.add(m[1]!);
  for (const m of body.matchAll(/Snapshot ([0-9a-f]{12})/g)) ids.add(m[1]!);
  if (type.startsWith("text/csv")) for (const line of body.trim().split("\r\n").slice(1)) ids.add(line.slice(line.lastIndexOf(",") + 1));
  return ids;
}

function atomicWrite(file: string, text: string) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

export async function publishBench(rt: EdgeRuntime, o: { connections: number; phaseSeconds: number; log: (s: string) => void }): Promise<PublishResult> {
  const bulk = JSON.parse(readFileSync(join(ROOT, "data/out/kv-bulk.json"), "utf8")) as { key: string; value: string }[];
  const live = bulk.find((e) => e.key === POINTER)!.value;
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const started = performance.now();
  const now = () => (performance.now() - started) / 1000;
  const r: PublishResult = {
    connections: o.connections,
    seconds: 0,
    requests: 0,
    errors: 0,
    disagreements: 0,
    mixed: 0,
    bySnapshot: {},
    publish: { at: 0, firstNew: null, lastOld: null },
    rollback: { at: 0, firstNew: null, lastOld: null },
    examples: [],
    rps: 0,
  };
  let phase: "before" | "published" | "rolled-back" = "before";
  let stop = false;
  const seen = (id: string, t: number) => {
    r.bySnapshot[id] = (r.bySnapshot[id] ?? 0) + 1;
    const [flip, next, old] = phase === "published" ? [r.publish, PUBLISHED, live] : phase === "rolled-back" ? [r.rollback, live, PUBLISHED] : [null, "", ""];
    if (!flip) return;
    if (id === next && flip.firstNew === null) flip.firstNew = t - flip.at;
    if (id === old) flip.lastOld = t - flip.at;
  };
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const req = request(`${rt.api}${path}`, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => {
          r.requests++;
          const body = Buffer.concat(chunks);
          const header = String(res.headers["x-atlas-snapshot"] ?? "");
          const type = String(res.headers["content-type"] ?? "");
          const ids = idsIn(body.toString("utf8"), type);
          const problems: string[] = [];
          if (res.statusCode !== 200) problems.push(`status ${res.statusCode}`);
          if (res.headers.etag !== etagOf(body)) problems.push("ETag is not the body's");
          if (ids.size > 1) {
            r.mixed++;
            problems.push(`body names ${[...ids].join(" and ")}`);
          }
          if (ids.size === 1 && !ids.has(header)) problems.push(`body ${[...ids][0]} vs header ${header}`);
          if (problems.length) {
            r.disagreements++;
            if (r.examples.length < 10) r.examples.push(`${path}: ${problems.join("; ")}`);
          }
          seen(header, now());
          resolve();
        });
        res.on("error", () => {
          r.errors++;
          resolve();
        });
      });
      req.on("error", () => {
        r.errors++;
        resolve();
      });
      req.setTimeout(10_000, () => req.destroy(new Error("timeout")));
      req.end();
    });
  const workers = Array.from({ length: o.connections }, async (_, w) => {
    for (let i = w; !stop; i++) await one(PATHS[i % PATHS.length]!);
  });

  const wait = (s: number) => new Promise((res) => setTimeout(res, s * 1000));
  await wait(3);
  // Publish as data:publish does: every key of the new snapshot first, the previous pointer, the pointer last.
  const t0 = now();
  for (const { key, value } of bulk)
    if (key !== POINTER) atomicWrite(join(rt.kvDir, key.replace(`:${live}:`, `:${PUBLISHED}:`)), value.replaceAll(live, PUBLISHED));
  atomicWrite(join(rt.kvDir, PREVIOUS), live);
  phase = "published";
  r.publish.at = now();
  atomicWrite(join(rt.kvDir, POINTER), PUBLISHED);
  o.log(`  published ${PUBLISHED} (${bulk.length - 1} keys written in ${(r.publish.at - t0).toFixed(1)} s, then the pointer) at ${r.publish.at.toFixed(1)} s`);
  await wait(o.phaseSeconds);
  phase = "rolled-back";
  r.rollback.at = now();
  atomicWrite(join(rt.kvDir, POINTER), live);
  o.log(`  rolled back to ${live} at ${r.rollback.at.toFixed(1)} s`);
  await wait(o.phaseSeconds);
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  r.seconds = now();
  r.rps = r.requests / r.seconds;
  return r;
}
