// `npm run widgets:publish -- [--local [--persist-to DIR]] [--dry-run] [--dir dist/public]`: writes the widget
// release `npm run build` made (dist/public/release.json and the files under v/{version}/) into KV under
// widgets/v/{version}/…, then adds the version to the list of published releases. Run by `npm run deploy` before
// `wrangler deploy`; nothing is ever pruned, so every release stays served at /v/{version}/ after later deploys
// replace the assets. A version names its bytes: one already in KV with other bytes is refused.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { RELEASE_FILE, WIDGET_RELEASES_KEY, WIDGET_VERSION, widgetReleaseKey } from "../core/index";
import { wranglerKv, type KvClient } from "./publish";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Release {
  version: string;
  integrity: string;
  files: { path: string; bytes: number; sha256: string }[];
}
interface Releases {
  releases: { version: string; publishedAt: string }[];
}

export function publishWidgets(opts: { kv: KvClient; dir?: string; now?: string }): { version: string; wrote: boolean; versions: string[] } {
  const { kv } = opts;
  const dir = resolve(opts.dir ?? join(root, "dist/public"));
  const manifestText = readFileSync(join(dir, "release.json"), "utf8");
  const release = JSON.parse(manifestText) as Release;
  if (!WIDGET_VERSION.test(release.version)) throw new Error(`${dir}/release.json: version "${release.version}" is not 12 hex digits`);
  const entries = release.files.map((f) => {
    if (!RELEASE_FILE.test(f.path)) throw new Error(`${dir}/release.json: "${f.path}" is not a release file`);
    const value = readFileSync(join(dir, "v", release.version, f.path), "utf8");
    const sha = createHash("sha256").update(value).digest("hex");
    if (sha !== f.sha256) throw new Error(`v/${release.version}/${f.path}: sha256 ${sha.slice(0, 12)}… is not the manifest's ${f.sha256.slice(0, 12)}…`);
    return { key: widgetReleaseKey(release.version, f.path), value };
  });
  // release.json last: a version whose manifest is in KV is complete.
  const manifestKey = widgetReleaseKey(release.version, "release.json");
  const published = kv.get(manifestKey);
  if (published !== undefined && published.trim() !== manifestText.trim())
    throw new Error(`widget release ${release.version} is already in KV with another manifest; a version names its bytes`);
  if (published === undefined) {
    kv.bulkPut(entries);
    kv.put(manifestKey, manifestText);
  }
  const raw = kv.get(WIDGET_RELEASES_KEY);
  const index: Releases = raw ? (JSON.parse(raw) as Releases) : { releases: [] };
  if (!index.releases.some((r) => r.version === release.version)) {
    index.releases.push({ version: release.version, publishedAt: opts.now ?? new Date().toISOString().replace(/\.\d+Z$/, "Z") });
    kv.put(WIDGET_RELEASES_KEY, JSON.stringify(index));
  }
  return { version: release.version, wrote: published === undefined, versions: index.releases.map((r) => r.version) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({
      options: { dir: { type: "string" }, local: { type: "boolean" }, "persist-to": { type: "string" }, "dry-run": { type: "boolean" } },
      strict: true,
    });
    const kv = wranglerKv({
      local: values.local,
      persistTo: values["persist-to"],
      dryRun: values["dry-run"],
      log: (l) => console.log(`widgets:publish: ${l}`),
    });
    const r = publishWidgets({ kv, dir: values.dir });
    console.log(`widgets:publish: release ${r.version} served at /v/${r.version}/${r.wrote ? "" : " (already in KV)"}; ${r.versions.length} release(s) in KV`);
  } catch (err) {
    console.error(`widgets:publish failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
