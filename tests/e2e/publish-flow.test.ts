// An author's embed across a yearly refresh, with the real publishing code and the real local server: publish
// snapshot A (the May 2024 edition), render a pinned and an unpinned element, publish B (May 2025) into the KV the
// running server reads, and see the pinned element keep A's figures with a quiet line to B while the unpinned one
// moves to B; A's URLs keep their bytes and the immutable header. A third publish with a retention of two prunes A:
// a fresh isolate then answers A's URLs 410, naming the current snapshot, and the pinned element says why it is empty.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POINTER_KEY } from "../../core/index";
import { publish, wranglerKv } from "../../data/publish";
import { launchChromium } from "../helpers/chromium";
import { startLocalServer, type LocalServer } from "../helpers/local-server";

type Bulk = { key: string; value: string }[];
const readBulk = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Bulk;
const idOf = (bulk: Bulk) => bulk.find((e) => e.key === POINTER_KEY)!.value;

const root = join(import.meta.dirname, "../..");
/** npm test builds both editions before the suite: dist/previous is the atlas before the May 2025 release. */
const fileA = join(root, "dist/previous/kv-bulk.json");
const fileB = join(root, "data/out/kv-bulk.json");
const A = idOf(readBulk(fileA));
const B = idOf(readBulk(fileB));

const state = mkdtempSync(join(tmpdir(), "atlas-publish-flow-"));
const kv = wranglerKv({ local: true, persistTo: state });
let server: LocalServer;
let browser: Browser;

beforeAll(async () => {
  publish({ kv, file: fileA });
  server = await startLocalServer({ persistTo: state });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(state, { recursive: true, force: true });
});

const RANKING = "/api/v1/rankings/occupations-by-employment";

/** A reader's visit (a fresh browser profile, so nothing comes from an earlier visit's HTTP cache) to a host page
 *  with one pinned and one unpinned ranking: the value each shows for data scientists, and the notices. */
async function visit() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    return { ...(await embed(page)), errors };
  } finally {
    await context.close();
  }
}

async function embed(page: Page) {
  // The pinned element asks the snapshot list whether a newer snapshot exists; its answer is awaited, then two frames.
  const asked = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/snapshots", { timeout: 30_000 });
  await page.setContent(`<!doctype html><html lang="en"><head><title>Blog post</title>
    <script type="module" src="${server.url}/widgets.js"></script></head><body>
    <p>Data scientists held 233,440 jobs in May 2024.</p>
    <ml-employer-ranking id="pinned" ranking="occupations-by-employment" snapshot="${A}" api="${server.url}"></ml-employer-ranking>
    <ml-employer-ranking id="latest" ranking="occupations-by-employment" api="${server.url}"></ml-employer-ranking></body></html>`);
  await page.waitForFunction(() => ["pinned", "latest"].every((id) => document.getElementById(id)?.shadowRoot?.querySelector("footer")), null, {
    timeout: 30_000,
  });
  await (await asked).finished();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const row = (id: string) =>
      [...document.getElementById(id)!.shadowRoot!.querySelectorAll("tbody tr")]
        .map((r) => [...r.children].map((c) => c.textContent!.trim()))
        .find((cells) => cells[1] === "Data scientists")?.[2];
    const notice = (id: string) => {
      const a = [...document.getElementById(id)!.shadowRoot!.querySelectorAll("a")].find((x) => x.textContent!.startsWith("Newer figures"));
      return a ? { text: a.textContent, href: a.href } : null;
    };
    return { pinned: row("pinned"), latest: row("latest"), pinnedNotice: notice("pinned"), latestNotice: notice("latest") };
  });
}

/** The unpinned answer moves once the server's isolate re-reads the pointer (it trusts it for 30 s). */
async function servedSnapshot(): Promise<string | null> {
  try {
    return (await fetch(server.url + RANKING)).headers.get("x-atlas-snapshot");
  } catch (err) {
    // The local server may drop a connection while the publish writes its KV files; the next poll asks again.
    return `unreachable (${err instanceof Error ? err.message : String(err)})`;
  }
}
async function until(want: string) {
  const deadline = Date.now() + 60_000;
  while ((await servedSnapshot()) !== want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
  expect(await servedSnapshot()).toBe(want);
}

describe("publishing a new snapshot under an embedded, pinned element", () => {
  it("keeps the pinned element and A's URLs on A, moves the unpinned one to B, and answers A 410 once it is pruned", async () => {
    expect(A).not.toBe(B);
    // Only A is published: both show A's figure, and nothing is newer.
    await until(A);
    expect(await visit()).toEqual({ pinned: "233,440", latest: "233,440", pinnedNotice: null, latestNotice: null, errors: [] });
    const pinnedUrls = [`${RANKING}?snapshot=${A}`, `${RANKING}?format=csv&snapshot=${A}`, `/embed/ranking/occupations-by-employment?snapshot=${A}`];
    const before = await Promise.all(pinnedUrls.map(async (u) => (await fetch(server.url + u)).text()));

    // Publish B while the server runs.
    publish({ kv, file: fileB });
    await until(B);
    expect(await visit()).toEqual({
      pinned: "233,440",
      latest: "262,440",
      pinnedNotice: { text: "Newer figures: May 2025 →", href: `${server.url}/embed/ranking/occupations-by-employment` },
      latestNotice: null,
      errors: [],
    });
    for (const [i, u] of pinnedUrls.entries()) {
      const res = await fetch(server.url + u);
      expect(res.status, u).toBe(200);
      expect(res.headers.get("cache-control"), u).toBe("public, max-age=31536000, immutable");
      expect(await res.text(), u).toBe(before[i]);
    }

    // A third publish (B's bodies under another id) with a retention of two prunes A.
    const C = "c0ffeec0ffee";
    const bulkC = readBulk(fileB).map((e) => ({ key: e.key.split(B).join(C), value: e.value.split(B).join(C) }));
    const fileC = join(state, "c.json");
    writeFileSync(fileC, JSON.stringify(bulkC));
    expect(publish({ kv, file: fileC, retain: 2 })).toMatchObject({ id: C, retained: [B, C], pruned: [A] });

    // A fresh isolate (a warm one keeps A's bodies it already holds, which are still A's bytes).
    await server.stop();
    server = await startLocalServer({ persistTo: state });
    for (const u of pinnedUrls) {
      const res = await fetch(server.url + u);
      expect(res.status, u).toBe(410);
      expect(res.headers.get("content-type"), u).toBe("application/problem+json; charset=utf-8");
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe("snapshot-gone");
      expect(problem.detail).toContain(`/api/v1/snapshots/${C}`);
    }
    expect((await fetch(`${server.url}${RANKING}?snapshot=${B}`)).status).toBe(200);
    // The author's element, still pinned to A, says why it shows no figures.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html lang="en"><head><title>Blog post</title>
      <script type="module" src="${server.url}/widgets.js"></script></head><body>
      <ml-employer-ranking id="pinned" ranking="occupations-by-employment" snapshot="${A}" api="${server.url}"></ml-employer-ranking></body></html>`);
    const alert = await page.waitForFunction(() => document.getElementById("pinned")?.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim(), null, {
      timeout: 30_000,
    });
    expect(await alert.jsonValue()).toBe("This ranking is pinned to a snapshot the atlas no longer keeps, so its figures cannot be shown.");
    await context.close();
  }, 240_000);
});
