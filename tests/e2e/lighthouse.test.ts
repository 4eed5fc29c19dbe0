// Lighthouse 12 on the report and one section of the real local server: accessibility, best practices and SEO at 100.
// Performance is printed by `npm run bench`, not held here.
import { describe, expect, inject, it } from "vitest";
import { HELD, LIGHTHOUSE_PAGES, lighthouse } from "../lighthouse/lighthouse";

const api = inject("apiUrl");

describe("Lighthouse", () => {
  it.each(LIGHTHOUSE_PAGES)("scores 100 for accessibility, best practices and SEO on %s", { timeout: 150_000 }, (path) => {
    const r = lighthouse(api + path, HELD);
    expect(r.failing).toEqual([]);
    for (const c of HELD) expect(r.scores[c], c).toBe(1);
  });
});
