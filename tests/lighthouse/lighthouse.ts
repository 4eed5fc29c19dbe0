// Lighthouse 12 (it installs on Node 20) on reader pages, in Debian's Chromium. `npm run lighthouse` starts the real
// local server and holds accessibility, best practices and SEO at 100 on the report and one section; the bench prints
// the performance score beside them (never a test's verdict: it depends on the machine's load).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumArgs, chromiumPath } from "../helpers/chromium";

const root = resolve(import.meta.dirname, "../..");
/** The pages the report is held to: its index and one section. */
export const LIGHTHOUSE_PAGES = ["/report", "/report/industries"];
export const HELD = ["accessibility", "best-practices", "seo"] as const;

export interface LighthouseResult {
  url: string;
  scores: Record<string, number | null>;
  /** Audits that lost points, for a readable failure. */
  failing: string[];
}

export function lighthouse(url: string, categories: readonly string[] = [...HELD, "performance"]): LighthouseResult {
  const dir = mkdtempSync(join(tmpdir(), "atlas-lh-"));
  try {
    const out = join(dir, "report.json");
    const run = spawnSync(
      join(root, "node_modules/.bin/lighthouse"),
      [
        url,
        "--quiet",
        "--output=json",
        `--output-path=${out}`,
        `--only-categories=${categories.join(",")}`,
        `--chrome-flags=--headless=new ${chromiumArgs.join(" ")}`,
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, CHROME_PATH: chromiumPath }, timeout: 120_000 },
    );
    if (run.status !== 0) throw new Error(`lighthouse ${url} exited ${run.status}: ${run.stderr.slice(-1500)}`);
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<string, { score: number | null; title: string }>;
    };
    const failing = HELD.flatMap((c) =>
      (report.categories[c]?.auditRefs ?? [])
        .filter((a) => a.weight > 0 && report.audits[a.id]?.score !== null && report.audits[a.id]!.score! < 1)
        .map((a) => `${c}: ${a.id} (${report.audits[a.id]!.title})`),
    );
    return { url, scores: Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, v.score])), failing };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const score = (s: number | null | undefined) => (s === null || s === undefined ? "–" : String(Math.round(s * 100)));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { startLocalServer } = await import("../helpers/local-server");
  const server = await startLocalServer();
  let failed = false;
  try {
    for (const path of LIGHTHOUSE_PAGES) {
      const r = lighthouse(server.url + path);
      console.log(
        `${path}: ${Object.entries(r.scores)
          .map(([k, v]) => `${k} ${score(v)}`)
          .join(", ")}`,
      );
      for (const f of r.failing) console.log(`  ${f}`);
      if (HELD.some((c) => r.scores[c] !== 1)) failed = true;
    }
  } finally {
    await server.stop();
  }
  if (failed) {
    console.error(`lighthouse: ${HELD.join(", ")} must each score 100`);
    process.exit(1);
  }
}
