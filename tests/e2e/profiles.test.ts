// Profiles on the real local server: every entity's page answers 200 and shows each of its figures with its value as
// tables write it, its trust label and its rank (recomputed here from the ranking the API serves); one profile of
// each kind has no serious or critical axe-core finding.
import { chromium } from "playwright";
import { describe, expect, inject, it } from "vitest";
import { esc, rankIn, rankPhrase, valueHtml, type Entity, type Ranking } from "../../core/index";
import { axeFindings } from "../helpers/axe";
import { chromiumArgs, chromiumPath } from "../helpers/chromium";

const api = inject("apiUrl");
async function json<T>(path: string): Promise<T> {
  const res = await fetch(api + path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function everyEntity(): Promise<{ kind: string; ids: string[] }[]> {
  const { kinds } = await json<{ kinds: { kind: string }[] }>("/api/v1/entities");
  return Promise.all(
    kinds.map(async ({ kind }) => ({ kind, ids: (await json<{ entities: { id: string }[] }>(`/api/v1/entities/${kind}`)).entities.map((e) => e.id) })),
  );
}

describe("profiles", () => {
  it("answer for every entity with each figure's value, trust label and rank", { timeout: 240_000 }, async () => {
    const { rankings: list } = await json<{ rankings: { id: string }[] }>("/api/v1/rankings");
    const rankings = await Promise.all(list.map(async (r) => (await json<{ ranking: Ranking }>(`/api/v1/rankings/${r.id}`)).ranking));
    const all = (await everyEntity()).flatMap(({ kind, ids }) => ids.map((id) => ({ kind, id })));
    let rows = 0;
    for (let i = 0; i < all.length; i += 8)
      await Promise.all(
        all.slice(i, i + 8).map(async ({ kind, id }) => {
          const { page } = await json<{ page: { entity: Entity } }>(`/api/v1/entities/${kind}/${id}`);
          const res = await fetch(`${api}/profile/${kind}/${id}`);
          expect(res.status, `${kind}/${id}`).toBe(200);
          const html = await res.text();
          expect(html).toContain(`<h1>${esc(page.entity.name)}</h1>`);
          for (const [metric, f] of Object.entries(page.entity.figures)) {
            const row = new RegExp(`<tr[^>]* data-figure="${metric}">(.*?)</tr>`).exec(html)?.[1];
            expect(row, `${kind}/${id} ${metric}`).toBeDefined();
            expect(row).toContain(`<td class="value">${valueHtml(f)}</td>`);
            expect(row).toContain(`<span class="ml-employer-trust">${f.trust}</span>`);
            expect(row).toContain(`<td>${esc(f.period)}</td>`);
            const ranked = rankings.find((r) => r.kind === kind && r.metric === metric);
            const at = ranked && rankIn(ranked, id);
            expect(row, `${kind}/${id} ${metric}`).toContain(at ? esc(rankPhrase(at)) : "not ranked");
            rows++;
          }
          for (const r of rankings.filter((x) => x.kind === kind && x.gaps.some((g) => g.id === id)))
            expect(html, `${kind}/${id} left out of ${r.id}`).toContain(
              `no figure published, so left out of ${esc(r.title)}. ${esc(r.gaps.find((g) => g.id === id)!.reason)}`,
            );
        }),
      );
    expect(all.length).toBeGreaterThan(300);
    expect(rows).toBeGreaterThan(all.length);
  });

  it("have no serious or critical axe-core finding: one profile of each kind at 1200 px light, one at 320 px dark", { timeout: 180_000 }, async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const findings: string[] = [];
    try {
      const all = await everyEntity();
      // The pages share one template; the narrow dark pass takes the kind with the most figures per profile.
      for (const [width, scheme, list] of [
        [1200, "light", all],
        [320, "dark", all.filter((k) => k.kind === "states")],
      ] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
        for (const { kind, ids } of list) findings.push(...(await axeFindings(context, `${api}/profile/${kind}/${ids[0]}`)));
        await context.close();
      }
    } finally {
      await browser.close();
    }
    expect(findings).toEqual([]);
  });
});
