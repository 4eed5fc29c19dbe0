// Worker entry: the API app, falling back to the snapshot bundled at build time when KV is empty or unreadable.
import { createApp } from "./app";
import { bundledSnapshot } from "./bundle";

export default createApp(bundledSnapshot);
