// `npm run data:diff -- [--published FILE] [--new FILE | build options] [--json FILE]`: builds a new snapshot into a
// temp directory (or reads one) and prints what moved against the published snapshot (default data/out/kv-bulk.json);
// --json also writes the changes as data, to publish with the new snapshot.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build, buildArgOptions, buildOptionsFrom } from "./build";
import { diffSnapshots, formatDiff } from "./lib/snapshot-diff";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export async function runDiff(argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { published: { type: "string" }, new: { type: "string" }, json: { type: "string" }, ...buildArgOptions },
    strict: true,
  });
  const published = resolve(values.published ?? join(root, "data/out/kv-bulk.json"));
  let next = values.new;
  let tmp: string | undefined;
  if (!next) {
    tmp = mkdtempSync(join(tmpdir(), "atlas-diff-"));
    const r = await build({ builtAt: "1970-01-01T00:00:00Z", ...buildOptionsFrom(values), outDir: tmp, kvFile: undefined, fallbackFile: undefined });
    next = r.kvFile;
  }
  try {
    const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as { key: string; value: string }[];
    const diff = diffSnapshots(read(published), read(resolve(next)));
    if (values.json) writeFileSync(resolve(values.json), `${JSON.stringify(diff, null, 1)}\n`);
    return formatDiff(diff);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDiff(process.argv.slice(2)).then(
    (text) => console.log(text),
    (err: unknown) => {
      console.error(err instanceof Error ? `data:diff failed: ${err.message}` : err);
      process.exit(1);
    },
  );
}
