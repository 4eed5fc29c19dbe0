// The chart runtime, loaded once per page when a chart goes live: Vega's parser and view with only the
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

/** Keeps the first `limit` rows of the spec's inline data (rows come ranked). */
function limited(spec: Spec, limit: number | undefined): Spec {
  if (!limit) return spec;
  const data = (spec.data ?? []).map((d) =>
    "values" in d && Array.isArray(d.values) ? { ...d, values: d.values.slice(0, limit) } : d,
  );
  return { ...spec, data } as Spec;
}

export async function mountLive(container: HTMLElement, spec: unknown, opts: { width: number; limit?: number }): Promise<LiveView> {
  const runtime = parse(limited(spec as Spec, opts.limit), undefined, { ast: true });
  const view: ViewType = new View(runtime, { renderer: "svg", container, hover: true, expr: expressionInterpreter });
  if (opts.width > 0) view.width(opts.width);
  await view.runAsync();
  return view;
}
