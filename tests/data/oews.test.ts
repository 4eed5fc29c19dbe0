import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importOews, numberOf } from "../../data/lib/oews";

const file = "data/sources/bls-oews-m2024/national_M2024_dl.csv";
const text = readFileSync(file, "utf8");

describe("importOews on the official May 2024 national file", () => {
  const rows = importOews(text, file);
  const ds = rows.find((r) => r.OCC_CODE === "15-2051")!;

  it("reads every occupation row", () => {
    expect(rows).toHaveLength(1403);
  });

  it("brings data scientists' figures through exactly", () => {
    expect(numberOf(ds.TOT_EMP)).toBe(233440);
    expect(numberOf(ds.A_MEDIAN)).toBe(112590);
    expect(numberOf(ds.A_PCT90)).toBe(194410);
    expect(ds.line).toBe(167);
  });

  it("keeps top-coded wages as '#', not as a number", () => {
    const ceo = rows.find((r) => r.OCC_CODE === "11-1011")!;
    expect(ceo.A_PCT90).toEqual({ kind: "special", code: "#" });
  });

  it("fails on a non-numeric employment with file, row and field", () => {
    const bad = text.replace('Data Scientists,detailed,"233,440"', "Data Scientists,detailed,lots");
    expect(() => importOews(bad, file)).toThrow(`${file}:167: TOT_EMP: not a number or an OEWS special value: "lots"`);
  });
});
