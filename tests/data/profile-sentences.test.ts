// Every generated sentence of the profiles held true for every entity of the snapshot `npm test` builds (data/out):
// rank phrases (ties shared, "the only one", gaps counted) recomputed independently from each ranking's items,
// summaries, national figures only beside the same measure and period, nearest peers truly nearest.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  figureProse,
  kindNouns,
  nationalFor,
  nationalKey,
  nearestPeers,
  NO_FIGURE,
  ordinal,
  profileSummary,
  rankIn,
  rankPhrase,
  rankSentence,
  type Entity,
  type Ranking,
} from "../../core/index";
import { readBulk, ROOT } from "./helpers";

const kv = readBulk(join(ROOT, "data/out/kv-bulk.json"));
const bodies = (part: string) => [...kv.map].filter(([k]) => k.includes(`:${kv.id}:${part}:`)).map(([, v]) => v);
const entities = bodies("entity").map((v) => (JSON.parse(v) as { page: { entity: Entity } }).page.entity);
const rankings = bodies("ranking").map((v) => (JSON.parse(v) as { ranking: Ranking }).ranking);

describe("profile sentences, for every entity", () => {
  it("say each entity's rank in each ranking of its kind as the ranking's items have it, ties shared", () => {
    let checked = 0;
    for (const e of entities)
      for (const r of rankings.filter((x) => x.kind === e.kind)) {
        const facts = rankIn(r, e.id);
        const figure = e.figures[r.metric];
        if (!figure) {
          expect(facts, `${e.id} in ${r.id}`).toBeUndefined();
          expect(r.gaps.find((g) => g.id === e.id)?.reason, `${e.id} left out of ${r.id}`).toBe(e.gaps[r.metric] ?? NO_FIGURE);
          continue;
        }
        const better = r.items.filter((it) => (r.order === "desc" ? it.figure.value > figure.value : it.figure.value < figure.value)).length;
        const equal = r.items.filter((it) => it.figure.value === figure.value).length;
        const sentence = rankSentence(e.name, r.title, facts!, figure);
        const dir = r.order === "desc" ? "highest" : "lowest";
        if (r.items.length === 1) expect(sentence).toContain("the only one ranked of 1 ");
        else if (equal > 1)
          expect(sentence, `${e.id} in ${r.id}`).toContain(
            `tied ${ordinal(better + 1)} ${dir} (with ${equal - 1} ${equal === 2 ? "other" : "others"}) of ${r.items.length} ${kindNouns[e.kind].plural}`,
          );
        else {
          expect(sentence, `${e.id} in ${r.id}`).toContain(`: ${ordinal(better + 1)} ${dir} of ${r.items.length} ${kindNouns[e.kind].plural} in ${r.title}`);
          expect(sentence).not.toContain("tied");
        }
        expect(sentence).toContain(`(${figureProse(figure)}, ${figure.period}, ${figure.trust})`);
        if (r.gaps.length) expect(sentence).toMatch(new RegExp(`; ${r.gaps.length} more (has|have) no published figure\\.$`));
        else expect(sentence).not.toContain("no published figure");
        expect(rankPhrase(facts!)).toBe(rankPhrase(facts!, { gaps: true }));
        checked++;
      }
    expect(checked).toBeGreaterThan(entities.length);
  });

  it("sum up each entity truly: its figure count, or that none is published", () => {
    for (const e of entities) {
      const n = Object.keys(e.figures).length;
      const s = profileSummary({ name: e.name, kind: e.kind, figures: n });
      if (n === 0) expect(s, e.id).toContain("no figure is published");
      else expect(s, e.id).toContain(`${n} ${n === 1 ? "figure" : "figures"}`);
    }
  });

  it("set a national figure only beside the same occupation, measure, unit and period", () => {
    const occupations = entities.filter((e) => e.kind === "occupations");
    let shown = 0;
    const kindsWithNational = new Set<string>();
    for (const e of entities)
      for (const [metric, f] of Object.entries(e.figures)) {
        const key = nationalKey(e.kind, metric, f);
        if (!key) continue;
        expect(f.note, `${e.id} ${metric}`).toContain(`(SOC ${key.soc})`);
        const occ = occupations.find((o) => o.code === key.soc);
        const national = occ ? nationalFor(occ, key.metric, f) : undefined;
        if (!national) continue;
        expect(national!.unit).toBe(f.unit);
        expect(national!.period).toBe(f.period);
        expect(key.metric === metric || `cirs-${key.metric}` === metric, `${e.id} ${metric}`).toBe(true);
        shown++;
        kindsWithNational.add(e.kind);
      }
    expect(shown).toBeGreaterThan(100);
    for (const k of ["states", "metros", "naics-sectors"]) expect(kindsWithNational, k).toContain(k);
  });

  it("name as nearest peers the items truly nearest in value, never the entity itself", () => {
    for (const r of rankings)
      for (const it of r.items) {
        const peers = nearestPeers(r.items, it.id, 5);
        expect(peers.length).toBe(Math.min(5, r.items.length - 1));
        expect(peers.map((p) => p.id)).not.toContain(it.id);
        const far = Math.max(...peers.map((p) => Math.abs(p.figure.value - it.figure.value)), 0);
        const rest = r.items.filter((x) => x.id !== it.id && !peers.includes(x));
        for (const x of rest) expect(Math.abs(x.figure.value - it.figure.value)).toBeGreaterThanOrEqual(far);
      }
  });
});
