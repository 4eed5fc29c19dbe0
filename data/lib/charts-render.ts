// Build-time chart compilation: Vega-Lite → Vega (so browsers need no compiler) → SVG (first paint, no-JS).
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { expressionInterpreter } from "vega-interpreter";

export function compileToVega(spec: object): vega.Spec {
  const { usermeta: _meta, ...vl } = spec as Record<string, unknown>;
  return compile(vl as unknown as TopLevelSpec).spec;
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
