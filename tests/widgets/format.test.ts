// The widgets format en-US numbers without Intl; here the page's own Intl (Chromium's ICU) is the reference.
import { describe, expect, it } from "vitest";
import { enUsMismatches } from "../helpers/en-us-cases";

describe("en-US numbers in Chromium", () => {
  it("match Intl.NumberFormat for every unit", () => {
    expect(enUsMismatches()).toEqual([]);
  });
});
