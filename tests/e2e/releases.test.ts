// Widget releases on the real local server: the current build at /v/{version}/ from the assets, an earlier release
// (built with other code and published to the local KV as `npm run deploy` publishes) still answered byte for byte
// from KV after the assets moved on, both immutable; unknown versions a 404 problem.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RELEASE_CACHE_CONTROL } from "../../core/index";
import { publishWidgets } from "../../data/publish-widgets";
import { wranglerKv } from "../../data/publish";
import { buildWidgets, type ReleaseManifest } from "../../widgets/build";
import { startLocalServer, type LocalServer } from "../helpers/local-server";

const root = resolve(import.meta.dirname, "../..");
const current = JSON.parse(readFileSync(join(root, "dist/public/release.json"), "utf8")) as ReleaseManifest;
let older: ReleaseManifest;
let olderDir: string;
let server: LocalServer;

beforeAll(async () => {
  // Release A: the widgets built with other code (a different first line) into a folder of its own.
  olderDir = mkdtempSync(join(tmpdir(), "atlas-release-a-"));
  older = (await buildWidgets({ out: olderDir, banner: "ML Employer Atlas widgets, release A" })).release;
  server = await startLocalServer({ beforeStart: (state) => void publishWidgets({ kv: wranglerKv({ local: true, persistTo: state }), dir: olderDir }) });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (olderDir) rmSync(olderDir, { recursive: true, force: true });
});

const checkImmutable = (res: Response, what: string) => {
  expect(res.status, what).toBe(200);
  expect(res.headers.get("cache-control"), what).toBe(RELEASE_CACHE_CONTROL);
  expect(res.headers.get("access-control-allow-origin"), what).toBe("*");
  expect(res.headers.get("cross-origin-resource-policy"), what).toBe("cross-origin");
  expect(res.headers.get("content-type"), what).toMatch(/^(text|application)\/javascript/);
};

describe("widget releases", () => {
  it("a release built from other code has another version", () => {
    expect(older.version).not.toBe(current.version);
    expect(older.integrity).not.toBe(current.integrity);
  });

  it("serve the current build at /v/{version}/ byte for byte as /widgets.js, its chunk at a versioned URL, immutable", async () => {
    const latest = await fetch(`${server.url}/widgets.js`);
    expect(latest.headers.get("cache-control")).toBe("public, max-age=300");
    const latestBytes = Buffer.from(await latest.arrayBuffer());
    const res = await fetch(server.url + current.entry);
    checkImmutable(res, current.entry);
    const entry = Buffer.from(await res.arrayBuffer());
    expect(entry.equals(latestBytes)).toBe(true);
    // The entry imports its chunk relatively, so from /v/{version}/widgets.js it resolves under /v/{version}/.
    const chunk = /"\.\/(chunks\/[^"]+\.js)"/.exec(entry.toString("utf8"))![1]!;
    const url = new URL(`./${chunk}`, server.url + current.entry).href;
    expect(url).toBe(`${server.url}/v/${current.version}/${chunk}`);
    checkImmutable(await fetch(url), url);
  });

  it("keep serving an earlier release from KV after the assets moved on, byte for byte, immutable", async () => {
    for (const f of older.files) {
      const res = await fetch(`${server.url}/v/${older.version}/${f.path}`);
      checkImmutable(res, f.path);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(readFileSync(join(olderDir, "v", older.version, f.path))), f.path).toBe(true);
    }
    const head = await fetch(`${server.url}/v/${older.version}/widgets.js`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("cache-control")).toBe(RELEASE_CACHE_CONTROL);
  });

  it("answer an unknown version, or a file no release has, with a 404 problem", async () => {
    for (const [path, code] of [
      ["/v/000000000000/widgets.js", "unknown-widget-version"],
      ["/v/latest/widgets.js", "unknown-widget-version"],
      [`/v/${older.version}/chunks/none.js`, "not-found"],
      [`/v/${current.version}/chunks/none.js`, "not-found"],
      [`/v/${current.version}/demo.js`, "not-found"],
    ] as const) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("application/problem+json");
      expect(((await res.json()) as { code: string }).code, path).toBe(code);
    }
  });
});
