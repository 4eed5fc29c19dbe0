// The published custom-elements.json and widgets.d.ts (built by `npm run build` into dist/public) against the
// code: the tags the loader really registers, the attributes Lit really observes, the parts and custom
// properties the templates and styles really use, and a TypeScript compile against the emitted declarations.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import { beforeAll, describe, expect, it, vi } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const out = join(root, "dist/public");

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string; fieldName?: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string; declaration: { name: string } }[] }[];
}

function built(file: string): string {
  const path = join(out, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does)`);
  return readFileSync(path, "utf8");
}

let manifest: Manifest;
/** tag → constructor, as widgets/loader.ts registers them. */
const registered = new Map<string, CustomElementConstructor>();

beforeAll(async () => {
  manifest = JSON.parse(built("custom-elements.json")) as Manifest;
  await import("lit"); // Lit's Node build installs its customElements shim
  const define = vi.spyOn(globalThis.customElements, "define");
  await import("../../widgets/loader");
  for (const [tag, ctor] of define.mock.calls) registered.set(tag, ctor);
  define.mockRestore();
});

const declarations = () => manifest.modules.flatMap((m) => m.declarations ?? []);
const definitions = () => manifest.modules.flatMap((m) => m.exports ?? []).filter((e) => e.kind === "custom-element-definition");
function declarationFor(tag: string): Declaration {
  const def = definitions().find((d) => d.name === tag);
  expect(def, `custom-elements.json defines <${tag}>`).toBeDefined();
  const decl = declarations().find((d) => d.kind === "class" && d.name === def!.declaration.name);
  expect(decl, `custom-elements.json declares ${def!.declaration.name}`).toBeDefined();
  return decl!;
}
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const source = (file: string) => readFileSync(join(root, "widgets", file), "utf8");
const parts = (text: string) => [...text.matchAll(/\bpart="([a-z-]+)"/g)].map((m) => m[1]!);

describe("custom-elements.json", () => {
  it("is valid against the Custom Elements Manifest schema of its schemaVersion", () => {
    const pkg = JSON.parse(readFileSync(join(root, "node_modules/custom-elements-manifest/package.json"), "utf8")) as { version: string };
    expect(manifest.schemaVersion).toBe(pkg.version);
    const schema = JSON.parse(readFileSync(join(root, "node_modules/custom-elements-manifest/schema.json"), "utf8")) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("defines exactly the tags widgets/loader.ts registers, each with its class", () => {
    expect(registered.size).toBe(5);
    expect(sorted(definitions().map((d) => d.name))).toEqual(sorted(registered.keys()));
    for (const [tag, ctor] of registered) {
      const decl = declarationFor(tag);
      expect(decl.name).toBe(ctor.name);
      expect(decl.tagName).toBe(tag);
      expect(decl.customElement).toBe(true);
    }
  });

  it("lists exactly the attributes Lit observes for each element, each backed by a reactive property", () => {
    for (const [tag, ctor] of registered) {
      const lit = ctor as unknown as { observedAttributes: string[]; elementProperties: Map<PropertyKey, { state?: boolean; attribute?: unknown }> };
      const attrs = declarationFor(tag).attributes ?? [];
      expect(sorted(attrs.map((a) => a.name)), `<${tag}> attributes`).toEqual(sorted(lit.observedAttributes));
      for (const a of attrs) {
        const options = lit.elementProperties.get(a.fieldName ?? "");
        expect(options, `<${tag}> ${a.name} → property ${a.fieldName}`).toBeDefined();
        expect(options!.state).not.toBe(true);
      }
    }
  });

  it("lists exactly the parts each element's templates expose", () => {
    const base = parts(source("atlas-element.ts"));
    for (const tag of registered.keys()) {
      const own = parts(source(`${tag.replace("ml-employer-", "")}-element.ts`));
      expect(sorted((declarationFor(tag).cssParts ?? []).map((p) => p.name)), `<${tag}> parts`).toEqual(sorted([...base, ...own]));
    }
  });

  it("lists exactly the --atlas-* custom properties the styles read (shared and the chart's bars), for every element", () => {
    const used = sorted([...(source("styles.ts") + source("bar-chart.ts")).matchAll(/var\((--atlas-[a-z-]+)/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(10);
    for (const tag of registered.keys())
      expect(sorted((declarationFor(tag).cssProperties ?? []).map((p) => p.name)), `<${tag}> custom properties`).toEqual(used);
  });
});

describe("widgets.d.ts", () => {
  const dir = join(root, "dist/type-tests");
  const tsc = join(root, "node_modules/.bin/tsc");
  /** Compiles fixture files with the given widgets.d.ts; returns tsc's output, or null when it compiles. */
  function compile(name: string, dts: string, files: Record<string, string>, include: string[] = []): string | null {
    const at = join(dir, name);
    rmSync(at, { recursive: true, force: true });
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, "widgets.d.ts"), dts);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(at, file), text);
    const config = { extends: "../../../tsconfig.json", compilerOptions: { noEmit: true, types: [] }, include: ["*.ts", ...include], exclude: [] };
    writeFileSync(join(at, "tsconfig.json"), JSON.stringify(config));
    try {
      execFileSync(tsc, ["-p", join(at, "tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
      return null;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      return `${e.stdout ?? ""}${e.stderr ?? ""}` || e.message;
    }
  }
  /** What an embedder writes: elements found by tag are typed without a cast. */
  const usage = `import type { MlEmployerChart } from "./widgets";
const chart: string = document.createElement("ml-employer-chart").chart;
const limit: string | null | undefined = document.querySelector("ml-employer-ranking")?.limit;
const kind: string | undefined = document.querySelector("ml-employer-compare")?.kind;
const fact: string | undefined = document.querySelector("ml-employer-fact")?.fact;
const entity: string | undefined = document.querySelector("ml-employer-profile")?.entity;
const el: MlEmployerChart = document.createElement("ml-employer-chart");
el.highlight = "data-scientists";
export { chart, limit, kind, fact, entity };
`;
  const withoutTagMap = (dts: string) => dts.replace(/\ndeclare global \{[\s\S]*$/, "\n");

  it("types document.createElement and querySelector by tag", () => {
    const dts = built("widgets.d.ts");
    for (const tag of registered.keys()) expect(dts).toContain(`${JSON.stringify(tag)}: `);
    expect(compile("usage", dts, { "usage.ts": usage })).toBeNull();
  });

  it("would fail without the tag-name map (the check above is not vacuous)", () => {
    const dts = withoutTagMap(built("widgets.d.ts"));
    expect(dts).not.toContain("HTMLElementTagNameMap");
    expect(compile("usage-without-map", dts, { "usage.ts": usage })).toMatch(/Property 'chart' does not exist on type 'HTMLElement'/);
  });

  it("declares what the real element classes provide", () => {
    const classes = [...registered.values()].map((c) => c.name);
    const check = `import type * as Declared from "./widgets";
${classes.map((c) => `import type { ${c} as Real${c} } from "../../../widgets/${c.replace("MlEmployer", "").toLowerCase()}-element";`).join("\n")}
${classes.map((c) => `export const ${c.toLowerCase()}: Declared.${c} = null! as Real${c};`).join("\n")}
`;
    // The real modules declare their own tag-name map entries, so this compile uses the classes only.
    expect(compile("real-classes", withoutTagMap(built("widgets.d.ts")), { "real.ts": check }, ["../../../widgets/*.d.ts"])).toBeNull();
  });
});
