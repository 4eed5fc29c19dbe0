// Worker entry: the route table (worker/app.ts) run by the request's steps (worker/answer.ts: on a KV fault, the
// same route again from the last good snapshot, then from the one bundled at build time, which needs no KV).
import { createApp } from "./app";
import { bundledSnapshot } from "./bundle";

export default createApp(bundledSnapshot);
