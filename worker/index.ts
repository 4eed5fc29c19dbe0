// Worker entry: the API app over the snapshot bundled at build time (used when KV is empty or unreadable).
import { createApp } from "./app";
import bundle from "./generated/snapshot.json";
import type { Bundle } from "./store";

export default createApp(bundle as Bundle);
