// The lazily loaded chunks, each fetched once per page however many elements there are.
type Payloads = typeof import("./lazy/payloads");
type Runtime = typeof import("./lazy/vega-runtime");
let payloads: Promise<Payloads> | undefined;
let runtime: Promise<Runtime> | undefined;

export const loadPayloads = () => (payloads ??= import("./lazy/payloads"));
export const loadRuntime = () => (runtime ??= import("./lazy/vega-runtime"));
