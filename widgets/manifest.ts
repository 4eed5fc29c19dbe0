// Build-time (Node) only: the custom elements manifest and the TypeScript declarations of the widget bundle.
// The manifest comes from @custom-elements-manifest/analyzer with its Lit plugin, reading the element sources
// (static `properties`, JSDoc @attr/@fires/@csspart/@cssprop) and the registrations in loader.ts; the
// declarations are generated from that manifest, so the two cannot disagree.
import * as analyzer from "@custom-elements-manifest/analyzer";
import { create } from "@custom-elements-manifest/analyzer/src/create.js";
import { litPlugin } from "@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js";
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

/** The few TypeScript AST shapes the plugins below read (the analyzer parses with its own TypeScript 5). */
interface Node {
  kind: number;
  text?: string;
  name?: Node;
  expression?: Node;
  arguments?: Node[];
  initializer?: Node;
  properties?: Node[];
  members?: Node[];
  modifiers?: Node[];
  statements?: Node[];
  moduleSpecifier?: Node;
  importClause?: { namedBindings?: { elements?: Node[] } };
  getSourceFile(): Node;
}
interface Ts {
  SyntaxKind: Record<string, number>;
  ScriptTarget: Record<string, number>;
  createSourceFile(fileName: string, text: string, target: number, setParentNodes: boolean): unknown;
}
const ts = (analyzer as unknown as { ts: Ts }).ts;
const K = ts.SyntaxKind as Record<
  | "CallExpression"
  | "Identifier"
  | "StringLiteral"
  | "ClassDeclaration"
  | "PropertyDeclaration"
  | "PropertyAssignment"
  | "ObjectLiteralExpression"
  | "StaticKeyword"
  | "TrueKeyword"
  | "FalseKeyword"
  | "ImportDeclaration",
  number
>;

export interface Attribute {
  name: string;
  fieldName?: string;
  description?: string;
  type?: { text: string };
}
export interface Member {
  kind: string;
  name: string;
  attribute?: string;
  reflects?: boolean;
  privacy?: string;
  static?: boolean;
  type?: { text: string };
}
export interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; description?: string }[];
}
export interface Manifest {
  schemaVersion: string;
  modules: {
    kind: string;
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
}

type ModuleDoc = Manifest["modules"][number] & { declarations: Declaration[] };

/**
 * The loader registers through `define(tag, Class)` (imported from ./define, which tolerates a second
 * include) rather than `customElements.define`: record those calls as custom-element definitions.
 */
function defineCallsPlugin() {
  return {
    name: "atlas: define(tag, Class) registrations",
    analyzePhase({ node, moduleDoc }: { node: Node; moduleDoc: ModuleDoc }) {
      if (node.kind !== K.CallExpression || node.expression?.kind !== K.Identifier || node.expression.text !== "define") return;
      const [tag, cls] = node.arguments ?? [];
      if (tag?.kind !== K.StringLiteral || cls?.kind !== K.Identifier) return;
      const from = node
        .getSourceFile()
        .statements?.find((s) => s.kind === K.ImportDeclaration && s.importClause?.namedBindings?.elements?.some((e) => e.name?.text === cls.text))
        ?.moduleSpecifier?.text;
      const defineFrom = node
        .getSourceFile()
        .statements?.find((s) => s.kind === K.ImportDeclaration && s.importClause?.namedBindings?.elements?.some((e) => e.name?.text === "define"))
        ?.moduleSpecifier?.text;
      if (defineFrom !== "./define") return;
      const module = from ? `${posix.join(posix.dirname(moduleDoc.path), from)}.ts` : moduleDoc.path;
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: "custom-element-definition", name: tag.text!, declaration: { name: cls.text!, module } }];
    },
  };
}

/**
 * Lit's attribute rule for `static properties`, which the analyzer's Lit plugin (0.11) only half applies:
 * `state: true` or `attribute: false` means no attribute; otherwise the attribute is the `attribute` string or
 * the property name lowercased.
 */
function litAttributesPlugin() {
  return {
    name: "atlas: Lit attribute names",
    analyzePhase({ node, moduleDoc }: { node: Node; moduleDoc: ModuleDoc }) {
      if (node.kind !== K.ClassDeclaration) return;
      const decl = moduleDoc.declarations.find((d) => d.name === node.name?.text);
      const props = node.members?.find(
        (m) => m.kind === K.PropertyDeclaration && m.name?.text === "properties" && m.modifiers?.some((x) => x.kind === K.StaticKeyword),
      )?.initializer;
      if (!decl || props?.kind !== K.ObjectLiteralExpression) return;
      for (const p of props.properties ?? []) {
        if (p.kind !== K.PropertyAssignment || p.initializer?.kind !== K.ObjectLiteralExpression) continue;
        const name = p.name?.text ?? "";
        const option = (key: string) => p.initializer!.properties?.find((o) => o.name?.text === key)?.initializer;
        const attr = option("attribute");
        const attribute =
          option("state")?.kind === K.TrueKeyword || attr?.kind === K.FalseKeyword
            ? undefined
            : attr?.kind === K.StringLiteral
              ? attr.text!
              : name.toLowerCase();
        const existing = decl.attributes?.find((a) => a.fieldName === name);
        decl.attributes = (decl.attributes ?? []).filter((a) => a.fieldName !== name);
        if (attribute) decl.attributes.push({ ...existing, name: attribute, fieldName: name });
        const member = decl.members?.find((m) => m.name === name && !m.static);
        if (member) {
          if (attribute) member.attribute = attribute;
          else {
            delete member.attribute;
            delete member.reflects;
          }
        }
      }
    },
  };
}

/** `@cssprop --a --b --c` (a list of names on one line) is three custom properties, not one described by the rest. */
function cssPropertyListsPlugin() {
  return {
    name: "atlas: @cssprop name lists",
    moduleLinkPhase({ moduleDoc }: { moduleDoc: ModuleDoc }) {
      for (const d of moduleDoc.declarations) {
        if (!d.cssProperties) continue;
        const out: { name: string; description?: string }[] = [];
        for (const p of d.cssProperties) {
          const names = /^--[\w-]+(\s+--[\w-]+)*$/.test(p.description?.trim() ?? "") ? [p.name, ...p.description!.trim().split(/\s+/)] : null;
          for (const item of names ? names.map((name) => ({ name })) : [p]) if (!out.some((o) => o.name === item.name)) out.push(item);
        }
        d.cssProperties = out;
      }
    },
  };
}

/**
 * Analyses the loader and widgets/*-element.ts (the elements and their base) into a custom elements manifest.
 * The helpers they import are internal and stay out (define.ts's own `customElements.define(tag, ctor)` would
 * read as an element named "tag").
 */
export function analyzeWidgets(root: string): Manifest {
  const files = readdirSync(join(root, "widgets"))
    .filter((f) => f === "loader.ts" || f.endsWith("-element.ts"))
    .sort();
  const modules = files.map((f) => ts.createSourceFile(`widgets/${f}`, readFileSync(join(root, "widgets", f), "utf8"), ts.ScriptTarget.ES2022!, true));
  return create({
    modules,
    plugins: [...litPlugin(), litAttributesPlugin(), defineCallsPlugin(), cssPropertyListsPlugin()],
    context: { dev: false },
  }) as Manifest;
}

/** The registered elements of a manifest: tag name and class declaration. */
export function customElements(manifest: Manifest): { tag: string; decl: Declaration }[] {
  const all = manifest.modules.flatMap((m) => m.declarations ?? []);
  return manifest.modules
    .flatMap((m) => m.exports ?? [])
    .filter((e) => e.kind === "custom-element-definition")
    .map((e) => {
      const decl = all.find((d) => d.kind === "class" && d.name === e.declaration.name);
      if (!decl) throw new Error(`custom-elements.json: ${e.name} is defined with ${e.declaration.name}, which is not in the manifest`);
      return { tag: e.name, decl };
    });
}

/** Types an embedder's TypeScript can read without our sources or lit: primitives, null and literals. */
const PLAIN_TYPE = /^(?:string|number|boolean|null|undefined|"[^"\\]*"|\d+)(?:\s*\|\s*(?:string|number|boolean|null|undefined|"[^"\\]*"|\d+))*$/;

/** A JSDoc comment: one line when the text is, else a block. */
function doc(text: string | undefined, indent = ""): string {
  if (!text) return "";
  const lines = text.replaceAll("*/", "*\\/").split(/\s*\n\s*/);
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((l) => `${indent} * ${l}\n`).join("")}${indent} */\n`;
}

/**
 * widgets.d.ts for the bundle: each element class with its attribute-backed properties (the public API an
 * embedder sets), and the tag-name map so `document.querySelector("ml-employer-chart")` is typed.
 */
export function elementTypes(manifest: Manifest): string {
  const elements = customElements(manifest).sort((a, b) => a.tag.localeCompare(b.tag));
  const classes = elements.map(({ tag, decl }) => {
    const props = (decl.attributes ?? []).map((a) => {
      const field = a.fieldName ?? a.name;
      const type = decl.members?.find((m) => m.name === field && !m.static)?.type?.text ?? a.type?.text ?? "string";
      if (!PLAIN_TYPE.test(type)) throw new Error(`widgets.d.ts: <${tag}> property ${field} has type ${type}, which embedders cannot resolve`);
      return `${doc(a.description ? `${a.description} (attribute \`${a.name}\`)` : `attribute \`${a.name}\``, "  ")}  ${field}: ${type};\n`;
    });
    const events = (decl.events ?? []).map((e) => `@fires ${e.name}${e.description ? ` - ${e.description}` : ""}`);
    const text = [`\`<${tag}>\`${decl.description ? `: ${decl.description}` : ""}`, ...events].join("\n");
    return `${doc(text)}export declare class ${decl.name} extends HTMLElement {\n${props.join("")}}\n`;
  });
  const map = elements.map(({ tag, decl }) => `    ${JSON.stringify(tag)}: ${decl.name};\n`).join("");
  return (
    "// Types for widgets.js, generated by `npm run build` from custom-elements.json. Do not edit.\n" +
    classes.join("\n") +
    `\ndeclare global {\n  interface HTMLElementTagNameMap {\n${map}  }\n}\n`
  );
}
