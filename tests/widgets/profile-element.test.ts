// <ml-employer-profile> in Chromium against the real local API: one entity of each kind at 320 and 1200 px, each
// headline figure with its trust label and rank as the API words it, no horizontal overflow, and axe-core.
import axe from "axe-core";
import { page } from "vitest/browser";
import { afterEach, describe, expect, inject, it } from "vitest";
import { formatFigure } from "../../core/format";
import { headlineRows } from "../../core/fragments";
import type { ProfilePayload } from "../../core/embed";
import { expectNoPageErrors, mount, until } from "./helpers";

const api = inject("apiUrl");
afterEach(() => {
  document.body.replaceChildren();
  expectNoPageErrors();
});

async function firstOfEachKind(): Promise<{ kind: string; id: string }[]> {
  const { kinds } = (await (await fetch(`${api}/api/v1/entities`)).json()) as { kinds: { kind: string }[] };
  return Promise.all(
    kinds.map(async ({ kind }) => {
      const { entities } = (await (await fetch(`${api}/api/v1/entities/${kind}`)).json()) as { entities: { id: string; figures: number }[] };
      return { kind, id: (entities.find((e) => e.figures > 0) ?? entities[0]!).id };
    }),
  );
}

describe("<ml-employer-profile>", () => {
  for (const width of [320, 1200])
    it(`renders one entity of each kind at ${width} px: headline figures, trust labels, ranks, no overflow`, { timeout: 60_000 }, async () => {
      await page.viewport(width, 900);
      for (const { kind, id } of await firstOfEachKind()) {
        const payload = (await (await fetch(`${api}/api/v1/profiles/${kind}/${id}`)).json()) as ProfilePayload;
        const el = mount("ml-employer-profile", { kind, entity: id, api });
        const root = await until(() => el.shadowRoot?.querySelector("footer") && el.shadowRoot);
        expect(root.querySelector("h2")!.textContent, `${kind}/${id}`).toBe(payload.profile.name);
        const rows = [...root.querySelectorAll("tbody tr")].map((tr) => tr.textContent!.replace(/\s+/g, " ").trim());
        const want = headlineRows(payload.profile);
        expect(rows.length, `${kind}/${id}`).toBe(want.length);
        want.forEach((r, i) => {
          expect(rows[i], `${kind}/${id} ${r.metric}`).toContain(formatFigure(r.figure));
          expect(rows[i]).toContain(r.figure.trust);
          if (r.rank) expect(rows[i]).toContain(r.rank.phrase);
        });
        expect(el.getBoundingClientRect().width, `${kind}/${id}`).toBeLessThanOrEqual(width);
        expect(document.documentElement.scrollWidth, `${kind}/${id} overflows`).toBeLessThanOrEqual(width);
        el.remove();
      }
    });

  it("explains an unknown entity inside the element", async () => {
    const el = mount("ml-employer-profile", { kind: "metros", entity: "atlantis", api });
    const alert = await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain("atlantis");
  });

  it("has no serious or critical axe-core findings", async () => {
    const el = mount("ml-employer-profile", { kind: "metros", entity: "pittsburgh-pa", api });
    await until(() => el.shadowRoot?.querySelector("footer"));
    document.documentElement.lang = "en";
    document.title = "axe";
    const result = await axe.run(document, { resultTypes: ["violations"] });
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
