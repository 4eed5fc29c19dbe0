import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { POINTER_KEY, PREVIOUS_POINTER_KEY, snapshotKeys } from "../../core/index";
import { publish } from "../../data/publish";
import { readBulk } from "./helpers";

describe("data:publish", () => {
  it("writes the snapshot keys first, records the live snapshot, and flips the pointer last", async () => {
    const out = inject("snapshotDir");
    const { id } = readBulk(join(out, "kv-bulk.json"));
    const calls: string[][] = [];
    publish({
      file: join(out, "kv-bulk.json"),
      local: true,
      run: (args) => {
        calls.push(args);
        return args[3] === POINTER_KEY ? "aaaaaaaaaaaa\n" : args[2] === "get" ? "Value not found\n" : "";
      },
    });
    expect(calls.map((c) => c.slice(0, 4).join(" "))).toEqual([
      `kv key get ${snapshotKeys(id).digest}`,
      `kv key get ${POINTER_KEY}`,
      "kv bulk put " + calls[2]![3],
      `kv key put ${snapshotKeys(id).digest}`,
      `kv key put ${PREVIOUS_POINTER_KEY}`,
      `kv key put ${POINTER_KEY}`,
    ]);
    expect(calls[4]!.slice(3, 5)).toEqual([PREVIOUS_POINTER_KEY, "aaaaaaaaaaaa"]);
    expect(calls[5]!.slice(3, 5)).toEqual([POINTER_KEY, id]);
    expect(calls.every((c) => c.includes("--local"))).toBe(true);
  });

  it("refuses to write keys of a snapshot id that KV already holds with other bytes, and writes none", async () => {
    const out = inject("snapshotDir");
    const calls: string[][] = [];
    expect(() =>
      publish({ file: join(out, "kv-bulk.json"), local: true, run: (args) => (calls.push(args), args[2] === "get" ? "0".repeat(64) : "") }),
    ).toThrow(/already in KV with other bytes/);
    expect(calls.filter((c) => c[2] === "put")).toEqual([]);
  });

  it("re-publishing the same bytes writes no snapshot key, only the pointer", async () => {
    const out = inject("snapshotDir");
    const { id, map } = readBulk(join(out, "kv-bulk.json"));
    const digest = map.get(snapshotKeys(id).digest)!;
    const calls: string[][] = [];
    publish({ file: join(out, "kv-bulk.json"), local: true, run: (args) => (calls.push(args), args[3] === POINTER_KEY ? id : args[2] === "get" ? digest : "") });
    expect(calls.filter((c) => c[2] === "put").map((c) => c[3])).toEqual([POINTER_KEY]);
  });
  it("rolls back by flipping the pointer to the recorded previous snapshot", () => {
    const calls: string[][] = [];
    publish({ rollback: true, run: (args) => (calls.push(args), args[3] === PREVIOUS_POINTER_KEY ? "bbbbbbbbbbbb" : "cccccccccccc") });
    expect(calls[2]!.slice(0, 5)).toEqual(["kv", "key", "put", POINTER_KEY, "bbbbbbbbbbbb"]);
    expect(calls.every((c) => c.includes("--remote"))).toBe(true);
  });
});
