// Build-time chart compilation: Vega-Lite → Vega (so browsers need no compiler) → SVG (first paint, no-JS).
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { expressionInterpreter } from "vega-interpreter";

type Logger = NonNullable<Parameters<typeof compile>[1]>["logger"] & object;
const quiet: Logger = {
  level: () => quiet,
  warn: () => quiet,
  info: () => quiet,
  debug: () => quiet,
  error: (...args: readonly unknown[]) => {
    throw new Error(`Vega-Lite: ${args.join(" ")}`);
  },
} as unknown as Logger;

export function compileToVega(spec: object): vega.Spec {
  const { usermeta: _meta, ...vl } = spec as Record<string, unknown>;
  // Quiet: Vega-Lite warns that "fit" does not apply to the step-sized height, which is intended.
  return compile(vl as unknown as TopLevelSpec, { logger: quiet }).spec;
}

export async function renderSvg(vgSpec: vega.Spec): Promise<string> {
  const view = new vega.View(vega.parse(vgSpec, undefined, { ast: true }), {
    renderer: "none",
    expr: expressionInterpreter,
  } as vega.ViewOptions);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
