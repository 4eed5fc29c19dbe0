// @custom-elements-manifest/analyzer 0.11 types only its plugin API; these are the two entry points
// widgets/manifest.ts calls at build time (Node only, never bundled).
declare module "@custom-elements-manifest/analyzer/src/create.js" {
  export function create(options: { modules: unknown[]; plugins?: unknown[]; context?: Record<string, unknown> }): unknown;
}

declare module "@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js" {
  export function litPlugin(): unknown[];
}
