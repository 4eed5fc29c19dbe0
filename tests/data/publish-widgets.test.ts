// widgets:publish: a release's files under widgets/v/{version}/, its manifest after them, the version added to the
// list once; publishing it again writes nothing; a file that is not what the manifest says, or a version already in
// KV with another manifest, is refused with nothing written.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WIDGET_RELEASES_KEY, widgetReleaseKey } from "../../core/index";
import type { KvClient } from "../../data/publish";
import { publishWidgets } from "../../data/publish-widgets";

const built = resolve(import.meta.dirname, "../../dist/public");
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the release `npm run build` wrote (release.json and v/), to damage at will. */
function release(): { dir: string; manifest: { version: string; files: { path: string }[] } } {
  const dir = mkdtempSync(join(tmpdir(), "atlas-release-"));
  dirs.push(dir);
  cpSync(join(built, "release.json"), join(dir, "release.json"));
  cpSync(join(built, "v"), join(dir, "v"), { recursive: true });
  return { dir, manifest: JSON.parse(readFileSync(join(dir, "release.json"), "utf8")) };
}

function memoryKv(initial: Record<string, string> = {}) {
  const store = new Map(Object.entries(initial));
  const writes: string[] = [];
  const kv: KvClient = {
    get: (k) => store.get(k),
    put: (k, v) => {
      writes.push(`put ${k}`);
      store.set(k, v);
    },
    bulkPut: (entries) => {
      writes.push(`bulk put ${entries.map((e) => e.key).join(", ")}`);
      for (const e of entries) store.set(e.key, e.value);
    },
    list: () => [],
    bulkDelete: () => {},
  };
  return { kv, store, writes };
}

describe("widgets:publish", () => {
  it("writes the files, then the manifest, then the list of versions; a second publish writes nothing", () => {
    const { dir, manifest } = release();
    const { kv, store, writes } = memoryKv({
      [WIDGET_RELEASES_KEY]: JSON.stringify({ releases: [{ version: "0123456789ab", publishedAt: "2026-11-01T00:00:00Z" }] }),
    });
    const r = publishWidgets({ kv, dir, now: "2026-12-02T00:00:00Z" });
    expect(r).toEqual({ version: manifest.version, wrote: true, versions: ["0123456789ab", manifest.version] });
    const fileKeys = manifest.files.map((f) => widgetReleaseKey(manifest.version, f.path));
    expect(writes).toEqual([`bulk put ${fileKeys.join(", ")}`, `put ${widgetReleaseKey(manifest.version, "release.json")}`, `put ${WIDGET_RELEASES_KEY}`]);
    for (const f of manifest.files)
      expect(store.get(widgetReleaseKey(manifest.version, f.path))).toBe(readFileSync(join(dir, "v", manifest.version, f.path), "utf8"));
    writes.length = 0;
    expect(publishWidgets({ kv, dir }).wrote).toBe(false);
    expect(writes).toEqual([]);
  });

  it("refuses a file whose bytes are not the manifest's, and a version in KV with another manifest", () => {
    const { dir, manifest } = release();
    const { kv, writes } = memoryKv();
    writeFileSync(join(dir, "v", manifest.version, "widgets.js"), "/* changed */");
    expect(() => publishWidgets({ kv, dir })).toThrow(/widgets\.js: sha256 .* is not the manifest's/);
    const other = release();
    const taken = memoryKv({ [widgetReleaseKey(other.manifest.version, "release.json")]: "{}" });
    expect(() => publishWidgets({ kv: taken.kv, dir: other.dir })).toThrow(/already in KV with another manifest/);
    expect([...writes, ...taken.writes]).toEqual([]);
  });
});
