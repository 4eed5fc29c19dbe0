// KV faults inside workerd: reads that throw, hang past the deadline or return corrupt JSON, and a pointer naming a
// snapshot whose keys are missing. Every answer comes from the last good or the bundled snapshot, says so in
// X-Atlas-Fallback, is never a 5xx and never waits past the deadline.
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POINTER_KEY } from "../../core/index";
import { createApp, type AppOptions } from "../../worker/app";
import { bundledSnapshot } from "../../worker/bundle";
import { SnapshotStore } from "../../worker/store";
import { faulty, MARKED, marker, origin, publishCopy, type Fault } from "./kv-fixtures";

const A = "aaaaaaaaaaaa";
const B = "bbbbbbbbbbbb";
/** The deadline where a test waits on hung reads; elsewhere the default (1.5 s), so a slow machine's real reads
 *  are not taken for faults. */
const DEADLINE_MS = 150;
/** Hang detector: far above the deadline, far below the test timeout. */
const HANG_MS = 5_000;
/** One path per kind of answer: JSON, CSV, SVG, a join, lists, fragments, an embed page, oEmbed, OpenAPI. */
const PATHS = [
  MARKED.path,
  "/api/v1",
  "/api/v1/rankings/occupations-by-median-wage?format=csv",
  "/api/v1/charts/occupations-by-median-wage?format=svg",
  "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca",
  "/api/v1/compare/occupations?a=data-scientists&b=statisticians",
  "/api/v1/entities/metros/bloomington-il",
  "/api/v1/sections/geography",
  "/api/v1/facts/data-scientist-growth-2023-33?format=html",
  "/embed/ranking/occupations-by-median-wage",
  `/oembed?url=${encodeURIComponent("http://atlas.test/embed/chart/occupations-by-median-wage")}`,
  "/openapi.json",
];

let bundled: string;
// Each fault is logged (console.error); kept out of the test output, and checked to have been logged.
const logged = vi.spyOn(console, "error").mockImplementation(() => {});
beforeAll(async () => {
  bundled = (await bundledSnapshot()).pointer;
  await publishCopy(A, 111111, { pointer: true });
});
afterAll(() => {
  expect(logged.mock.calls.some((c) => String(c[0]).startsWith("KV unreadable (kv-timeout)"))).toBe(true);
  logged.mockRestore();
});

const appWith = (o: AppOptions = {}) => createApp(bundledSnapshot, { pointerTtlMs: 0, ...o });
type App = ReturnType<typeof appWith>;

/** The answer to `path`, failing the test if it does not come within HANG_MS. */
async function ask(app: App, path: string, rule: (key: string) => Fault = () => undefined) {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${path}: no answer within ${HANG_MS} ms`)), HANG_MS)));
  try {
    const res = await Promise.race([app.request(`http://atlas.test${path}`, {}, { ATLAS_KV: faulty(rule) }), hang]);
    return { ...(await origin(res)), ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

describe("a KV read that throws", () => {
  it(`answers all ${PATHS.length} kinds of request from the bundled snapshot when nothing good was read before`, async () => {
    const app = appWith();
    for (const path of PATHS) {
      const r = await ask(app, path, () => "throw");
      expect(r.status, path).toBe(200);
      expect(r.header, path).toBe(bundled);
      expect(r.fallback, path).toBe("bundle; reason=kv-error");
    }
  });

  it("answers from the last good snapshot what the isolate holds of it, the rest from the bundle", async () => {
    const app = appWith();
    expect(await ask(app, MARKED.path)).toMatchObject({ status: 200, header: A, fallback: null, body: A });
    const held = await ask(app, MARKED.path, () => "throw");
    expect(held).toMatchObject({ status: 200, header: A, body: A, fallback: "last-good; reason=kv-error" });
    expect(held.text).toContain(marker(111111));
    const other = await ask(app, "/api/v1/sections/geography", () => "throw");
    expect(other).toMatchObject({ status: 200, header: bundled, body: bundled, fallback: "bundle; reason=kv-error" });
  });

  it("when only a body read fails after the pointer and index were read", async () => {
    const app = appWith();
    const r = await ask(app, MARKED.path, (key) => (key.endsWith(`ranking:${MARKED.key}`) ? "throw" : undefined));
    expect(r).toMatchObject({ status: 200, header: bundled, body: bundled, fallback: "bundle; reason=kv-error" });
    expect(r.text).toContain(MARKED.bundled);
  });

  it("goes back to KV once the retry period has passed", async () => {
    const app = appWith({ kvRetryMs: 50 });
    expect((await ask(app, MARKED.path, () => "throw")).fallback).toBe("bundle; reason=kv-error");
    await new Promise((r) => setTimeout(r, 80));
    expect(await ask(app, MARKED.path)).toMatchObject({ status: 200, header: A, fallback: null });
  });
});

describe("a KV read that hangs", () => {
  it(`answers all ${PATHS.length} kinds of request within the ${DEADLINE_MS} ms deadline, from the bundle`, async () => {
    for (const path of PATHS) {
      // A fresh app each time: after a timeout the store leaves KV alone for a while, which would hide the wait.
      const r = await ask(appWith({ kvDeadlineMs: DEADLINE_MS }), path, () => "hang");
      expect(r.status, path).toBe(200);
      expect(r.fallback, path).toBe("bundle; reason=kv-timeout");
      expect(r.header, path).toBe(bundled);
    }
  });

  it("shares the deadline between all reads of a request: a body read that hangs after the pointer and index", async () => {
    const r = await ask(appWith({ kvDeadlineMs: DEADLINE_MS }), PATHS[4]!, (key) => (key.includes(":compare-record:") ? "hang" : undefined));
    expect(r).toMatchObject({ status: 200, header: bundled, fallback: "bundle; reason=kv-timeout" });
  });

  it("leaves no later request waiting on another's unfinished work: the store shares settled values only", async () => {
    // workerd never settles a promise whose I/O belonged to a request that has ended (canceled, or answered
    // after a timeout), so a pending promise shared through the isolate would hang every later request.
    const store = new SnapshotStore(bundledSnapshot);
    const never = store.memo("fragment:x", () => new Promise<string>(() => {}));
    const later = await Promise.race([
      store.memo("fragment:x", async () => "computed again"),
      new Promise<string>((resolve) => setTimeout(() => resolve("waited on the first call"), 500)),
    ]);
    expect(later).toBe("computed again");
    void never;
  });
});

describe("corrupt JSON in KV", () => {
  it("a corrupt body is never served: the answer comes from the bundle", async () => {
    const r = await ask(appWith(), MARKED.path, (key) => (key.endsWith(`ranking:${MARKED.key}`) ? "corrupt" : undefined));
    expect(r).toMatchObject({ status: 200, header: bundled, body: bundled, fallback: "bundle; reason=kv-corrupt" });
    expect(() => JSON.parse(r.text)).not.toThrow();
  });

  it("a new snapshot with a corrupt manifest: the last good snapshot answers", async () => {
    const app = appWith();
    await ask(app, MARKED.path);
    await env.ATLAS_KV.put(POINTER_KEY, B);
    try {
      const r = await ask(app, MARKED.path, (key) => (key.startsWith(`atlas:v1:${B}:`) ? "corrupt" : undefined));
      expect(r).toMatchObject({ status: 200, header: A, body: A, fallback: "last-good; reason=kv-corrupt" });
    } finally {
      await env.ATLAS_KV.put(POINTER_KEY, A);
    }
  });
});

describe("a pointer naming a snapshot whose keys are missing", () => {
  it("answers from the last good snapshot, or the bundle when the isolate has none", async () => {
    const app = appWith();
    await ask(app, MARKED.path);
    await env.ATLAS_KV.put(POINTER_KEY, "cccccccccccc");
    try {
      for (const path of PATHS) {
        const r = await ask(app, path);
        expect(r.status, path).toBe(200);
        expect(r.fallback, path).toBe("last-good; reason=snapshot-incomplete");
        expect(r.header, path).toBe(A);
      }
      expect(await ask(appWith(), MARKED.path)).toMatchObject({ status: 200, header: bundled, fallback: "bundle; reason=snapshot-incomplete" });
    } finally {
      await env.ATLAS_KV.put(POINTER_KEY, A);
    }
  });

  it("while a new snapshot's keys propagate, a body not there yet comes from the last good one; the rest from the new", async () => {
    await publishCopy(B, 222222, { skip: (key) => key.endsWith(`:ranking:${MARKED.key}`) });
    const app = appWith();
    await ask(app, "/api/v1");
    await env.ATLAS_KV.put(POINTER_KEY, B);
    try {
      const marked = await ask(app, MARKED.path);
      expect(marked).toMatchObject({ status: 200, header: A, body: A, fallback: "last-good; reason=snapshot-incomplete" });
      expect(await ask(app, "/api/v1/rankings/occupations-by-median-wage")).toMatchObject({ status: 200, header: B, body: B, fallback: null });
      // Once the key arrives, the new snapshot serves it.
      await publishCopy(B, 222222);
      const later = await ask(app, MARKED.path);
      expect(later).toMatchObject({ status: 200, header: B, body: B, fallback: null });
      expect(later.text).toContain(marker(222222));
    } finally {
      await env.ATLAS_KV.put(POINTER_KEY, A);
    }
  });
});

describe("never a 5xx", () => {
  it.each(["throw", "hang", "corrupt", "missing"] as const)("with every read answering %s: all paths, HEAD too, 2xx or a 4xx problem", async (fault) => {
    const paths = [...PATHS, "/api/v1/rankings/no-such", "/api/v1/entities/metros/atlantis", "/embed/chart/no-such"];
    for (const path of paths)
      for (const method of ["GET", "HEAD"]) {
        const app = appWith(fault === "hang" ? { kvDeadlineMs: 30 } : {});
        const res = await Promise.race([
          app.request(`http://atlas.test${path}`, { method }, { ATLAS_KV: faulty(() => fault) }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${method} ${path}: hang`)), HANG_MS)),
        ]);
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        await res.arrayBuffer();
      }
  });
});
