import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POINTER_KEY, PREVIOUS_POINTER_KEY } from "../../core/index";
import { publish } from "../../data/publish";
import { buildTo, readBulk, tempDir } from "./helpers";

describe("data:publish", () => {
  it("writes the snapshot keys first, records the live snapshot, and flips the pointer last", async () => {
    const out = tempDir();
    await buildTo(out);
    const { id } = readBulk(join(out, "kv-bulk.json"));
    const calls: string[][] = [];
    publish({
      file: join(out, "kv-bulk.json"),
      local: true,
      run: (args) => {
        calls.push(args);
        return args[2] === "get" ? "aaaaaaaaaaaa\n" : "";
      },
    });
    expect(calls.map((c) => c.slice(0, 3).join(" "))).toEqual(["kv key get", "kv bulk put", "kv key put", "kv key put"]);
    expect(calls[2]!.slice(3, 5)).toEqual([PREVIOUS_POINTER_KEY, "aaaaaaaaaaaa"]);
    expect(calls[3]!.slice(3, 5)).toEqual([POINTER_KEY, id]);
    expect(calls.every((c) => c.includes("--local"))).toBe(true);
  });
  it("rolls back by flipping the pointer to the recorded previous snapshot", () => {
    const calls: string[][] = [];
    publish({ rollback: true, run: (args) => (calls.push(args), args[3] === PREVIOUS_POINTER_KEY ? "bbbbbbbbbbbb" : "cccccccccccc") });
    expect(calls[2]!.slice(0, 5)).toEqual(["kv", "key", "put", POINTER_KEY, "bbbbbbbbbbbb"]);
    expect(calls.every((c) => c.includes("--remote"))).toBe(true);
  });
});
