// Values on which the hand-written en-US number format must agree with Intl.NumberFormat: ties at every
// fraction length the units use, negatives (and negative zero), grouping boundaries, the largest magnitudes,
// and seeded random values over twenty orders of magnitude. Shared by the Node and the Chromium test.
import { formatValue, NUMBER_FORMATS } from "../../core/format";
import type { Unit } from "../../core/schemas";

const EDGES = [
  0,
  -0,
  0.5,
  1.5,
  2.5,
  -0.5,
  -0.4,
  -0.04,
  0.05,
  0.005,
  0.015,
  0.045,
  0.125,
  1.005,
  1.045,
  2.675,
  8.345,
  99.995,
  999.5,
  999.995,
  1000,
  9999.5,
  123456.785,
  999999.5,
  -1234.567,
  1e15 + 0.5,
  2 ** 53,
  1e20,
  9.99e20,
  5e-7,
  0.1 + 0.2,
  36.04999,
  140910,
  233440,
];

/** A small deterministic generator, so a failure names a value that reproduces. */
function* seeded(n: number): Generator<number> {
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = (x >>> 0) / 2 ** 32;
    const magnitude = 10 ** (Math.floor(u * 20) - 4);
    const value = (((x >>> 3) % 100000) / 1000) * magnitude;
    yield i % 7 === 0 ? -value : i % 5 === 0 ? Math.round(value * 1000) / 1000 : value;
  }
}

/** Every (unit, value) whose en-US text differs from Intl's, with both texts; empty when they agree. */
export function enUsMismatches(randomCount = 20000): { unit: Unit; value: number; ours: string; intl: string }[] {
  const out: { unit: Unit; value: number; ours: string; intl: string }[] = [];
  const values = [...EDGES, ...seeded(randomCount)];
  for (const unit of Object.keys(NUMBER_FORMATS) as Unit[]) {
    const intl = new Intl.NumberFormat("en-US", NUMBER_FORMATS[unit]);
    for (const value of values) {
      const expected = intl.format(value) + (unit === "percent" ? "%" : "");
      const ours = formatValue(value, unit);
      if (ours !== expected) out.push({ unit, value, ours, intl: expected });
    }
  }
  return out;
}
