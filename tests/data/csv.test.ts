import { describe, expect, it } from "vitest";
import { parseCsv, readTable } from "../../data/lib/csv";
import { parseOewsValue } from "../../data/lib/oews-value";

describe("parseCsv", () => {
  it("reads quoted commas, doubled quotes and CRLF, remembering each record's first line", () => {
    const recs = parseCsv('a,b\r\n"1,234","say ""hi"""\r\n"multi\nline",x\r\nlast,row', "f.csv");
    expect(recs).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1,234", 'say "hi"'] },
      { line: 3, fields: ["multi\nline", "x"] },
      { line: 5, fields: ["last", "row"] },
    ]);
  });

  it("fails on an unterminated quote, naming the file and line", () => {
    expect(() => parseCsv('a\n"open', "f.csv")).toThrow("f.csv:2: (record): unterminated quoted field");
  });
});

describe("readTable", () => {
  it("fails on a header that does not match, naming the column", () => {
    expect(() => readTable("x,b\n1,2", "f.csv", ["a", "b"])).toThrow('f.csv:1: a: header does not match: expected column 1 to be "a", found "x"');
  });

  it("fails on a truncated row, naming the first missing field", () => {
    expect(() => readTable("a,b,c\n1,2", "f.csv", ["a", "b", "c"])).toThrow("f.csv:2: c: truncated row: 2 of 3 fields");
  });
});

describe("parseOewsValue", () => {
  it("reads thousands separators and decimals", () => {
    expect(parseOewsValue("233,440")).toEqual({ kind: "number", value: 233440 });
    expect(parseOewsValue("59.90")).toEqual({ kind: "number", value: 59.9 });
  });

  it("keeps the BLS special values as specials, never as numbers", () => {
    for (const code of ["*", "**", "#", "~"]) expect(parseOewsValue(code)).toEqual({ kind: "special", code });
    expect(parseOewsValue("")).toEqual({ kind: "empty" });
  });

  it("rejects text and malformed separators", () => {
    expect(parseOewsValue("n/a")).toBeNull();
    expect(parseOewsValue("23,44")).toBeNull();
  });
});
