// A source URL becomes a link in fragments and elements: the build refuses anything but http(s), with file:row: field.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BuildError } from "../../data/lib/build-error";
import { buildTo, sourcesCopy, tempDir } from "./helpers";

describe("data:build and source URLs", () => {
  it.each(["javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "ftp://example.org/x"])(
    "refuses %s with file:row: url and writes nothing",
    async (url) => {
      const src = sourcesCopy();
      const registry = JSON.parse(readFileSync(join(src.dir, "sources.json"), "utf8")) as { url: string | null }[];
      registry[1]!.url = url;
      writeFileSync(join(src.dir, "sources.json"), JSON.stringify(registry, null, 1));
      const out = tempDir();
      const err = await buildTo(out, src.dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BuildError);
      expect((err as BuildError).message).toBe("data/sources/sources.json:2: url: must be an http or https URL");
      expect(existsSync(join(out, "kv-bulk.json"))).toBe(false);
    },
  );
});
