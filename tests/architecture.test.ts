// The dependency direction of house-style.md, enforced: core imports nothing of ours; data, worker and
// widgets import core (and never each other); widgets import only core's zod-free or zod/mini modules.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const IMPORT = /(?:import|export)\s[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.ts$/.test(d.name) && !d.name.endsWith(".d.ts"))
    .map((d) => relative(root, join(d.parentPath, d.name)))
    .filter((f) => !f.includes("node_modules"));
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/** Where a relative import lands, as a repository path; bare package names stay as they are. */
function target(file: string, spec: string): string {
  return spec.startsWith(".") ? relative(root, resolve(root, dirname(file), spec)) : spec;
}

const folder = (p: string) => p.split("/")[0];

describe("dependency direction", () => {
  it("core imports only core and zod", () => {
    for (const f of sources("core"))
      for (const spec of imports(f)) {
        const t = target(f, spec);
        expect(folder(t) === "core" || t === "zod" || t === "zod/mini", `${f} imports ${spec}`).toBe(true);
      }
  });

  it("data and worker reach core only through its entry, and never each other or widgets", () => {
    for (const dir of ["data", "worker"])
      for (const f of sources(dir))
        for (const spec of imports(f)) {
          const t = target(f, spec);
          if (!spec.startsWith(".")) continue;
          const where = folder(t);
          if (where === "core") expect(t, `${f} imports ${spec}`).toBe("core/index");
          else expect(where, `${f} imports ${spec}`).toBe(dir);
        }
  });

  it("widgets import only core's light modules, never data or worker", () => {
    const light = [
      "core/cite",
      "core/embed",
      "core/format",
      "core/fragments",
      "core/messages",
      "core/metrics",
      "core/notes",
      "core/release",
      "core/urls",
      "core/vocab",
    ];
    for (const f of sources("widgets"))
      for (const spec of imports(f)) {
        if (!spec.startsWith(".")) continue;
        const t = target(f, spec);
        if (folder(t) === "core") expect(light, `${f} imports ${spec}`).toContain(t);
        else expect(folder(t), `${f} imports ${spec}`).toBe("widgets");
      }
  });

  it("finds the imports it checks (the rule cannot pass vacuously)", () => {
    expect(imports("worker/app.ts")).toContain("../core/index");
    expect(imports("widgets/figures.ts")).toContain("../core/format");
  });
});

/** A file's code without its comments (line comments at the start of a line, block and doc comments). */
const code = (file: string) =>
  readFileSync(join(root, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");

describe("the URL space has one owner (core/urls.ts)", () => {
  const OWNER = "core/urls.ts";
  const PREFIX = "/api/" + "v1";

  it("no source file but the owner types out the API prefix", () => {
    const offenders = ["core", "worker", "widgets", "data"].flatMap(sources).filter((f) => f !== OWNER && code(f).includes(PREFIX));
    expect(offenders).toEqual([]);
  });

  it("no source file but the owner writes a reader page's path (the report, profiles, cards) in a string", () => {
    const page = /["`'](\/report|\/profile|\/cards)(["`'/#?$]|\$\{)/;
    const offenders = ["core", "worker", "widgets", "data"].flatMap(sources).filter((f) => f !== OWNER && page.test(code(f)));
    expect(offenders).toEqual([]);
    expect(page.test(code(OWNER))).toBe(true);
  });

  it("finds the prefix where it is (the rule cannot pass vacuously)", () => {
    expect(code(OWNER)).toContain(PREFIX);
    expect(sources("worker")).toContain("worker/app.ts");
  });
});
