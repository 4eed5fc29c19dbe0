// The chart runtime, loaded once per page on first interaction: Vega's parser and view with only the
// transforms our compiled specs use, run without eval (`ast: true` + interpreter) so strict CSPs allow it.
import { extend } from "vega-util";
import { transforms } from "vega-dataflow";
import * as tx from "vega-transforms";
import * as vtx from "vega-view-transforms";
import * as encode from "vega-encode";
import { parse } from "vega-parser";
import { View } from "vega-view";
import { expressionInterpreter } from "vega-interpreter";
import type { Spec, View as ViewType } from "vega";

extend(transforms, tx, vtx, encode);

export type LiveView = Pick<ViewType, "finalize" | "width" | "runAsync">;

export async function mountLive(container: HTMLElement, spec: Spec, width: number): Promise<LiveView> {
  const runtime = parse(spec, undefined, { ast: true });
  const view: ViewType = new View(runtime, { renderer: "svg", container, hover: true, expr: expressionInterpreter });
  if (width > 0) view.width(width);
  await view.runAsync();
  return view;
}
