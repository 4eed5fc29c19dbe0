// Entity pages, section and fact bodies, and their list bodies, keyed by core's KV layout.
import {
  EntityKindList,
  EntityList,
  EntityPage,
  entityKey,
  entityKinds,
  factCitation,
  FactList,
  SectionList,
  type Entity,
  type EntityKind,
  type Fact,
  type Manifest,
  type Mapping,
  type Ranking,
  type Section,
  type SnapshotKeys,
  type SnapshotMeta,
  type Source,
  urls,
} from "../../core/index";

export interface PagesInput {
  snapshot: SnapshotMeta;
  keys: SnapshotKeys;
  put: (key: string, body: unknown) => void;
  entities: Entity[];
  rankings: Ranking[];
  compare: Manifest["compare"];
  sections: Section[];
  facts: Fact[];
  mappings: Map<string, Mapping>;
  sources: Map<string, Source>;
}

export function putPages(p: PagesInput) {
  const { snapshot, keys, put } = p;
  const rankingsOf = new Map<string, { id: string; title: string; href: string; rank: number }[]>();
  for (const r of p.rankings)
    for (const it of r.items) {
      const k = entityKey({ kind: r.kind, id: it.id });
      rankingsOf.set(k, [...(rankingsOf.get(k) ?? []), { id: r.id, title: r.title, href: r.links.self, rank: it.rank }]);
    }
  const sectionsOf = new Map<string, { title: string; href: string }[]>();
  for (const s of p.sections) {
    const refs = new Set([...s.records.flatMap((r) => (r.entity ? [entityKey(r.entity)] : [])), ...s.kinds]);
    for (const e of p.entities)
      if (refs.has(entityKey(e)) || refs.has(e.kind))
        sectionsOf.set(entityKey(e), [...(sectionsOf.get(entityKey(e)) ?? []), { title: s.title, href: s.links.self }]);
  }
  const compareOf = new Map(p.compare.map((c) => [c.kind, c]));
  const byKind = new Map<EntityKind, Entity[]>();
  for (const e of p.entities) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);

  for (const [kind, list] of byKind) {
    const c = compareOf.get(kind);
    for (const e of list) {
      const k = entityKey(e);
      const comparisons = !c?.ids.includes(e.id)
        ? []
        : c.mode === "pair"
          ? c.ids.filter((o) => o !== e.id).map((o) => ({ title: `${e.id} vs ${o}`, href: urls.compare(kind, { a: e.id, b: o }) }))
          : [
              {
                title: `Compare ${e.name} with any other of the ${c.ids.length} ${kind} (replace {other} with an id)`,
                href: `${urls.compare(kind, { a: e.id })}&b={other}`,
              },
            ];
      const ids = new Set([...Object.values(e.figures).map((f) => f.source), ...e.claims.map((cl) => cl.source)]);
      put(keys.entity(kind, e.id), {
        snapshot,
        page: EntityPage.parse({
          entity: e,
          mapping: p.mappings.get(k),
          appearsIn: { rankings: rankingsOf.get(k) ?? [], comparisons, sections: sectionsOf.get(k) ?? [] },
          links: { self: urls.entity(kind, e.id), list: urls.entities(kind) },
          sources: [...ids].sort().map((id) => p.sources.get(id)!),
        }),
      });
    }
    put(
      keys.entityList(kind),
      EntityList.parse({
        snapshot,
        kind,
        entities: list.map((e) => ({ id: e.id, name: e.name, code: e.code, figures: Object.keys(e.figures).length, links: { self: urls.entity(kind, e.id) } })),
        links: { self: urls.entities(kind), compare: c ? urls.compare(kind) : null },
      }),
    );
  }
  put(
    keys.list("entities"),
    EntityKindList.parse({
      snapshot,
      kinds: entityKinds.filter((k) => byKind.has(k)).map((k) => ({ kind: k, count: byKind.get(k)!.length, links: { self: urls.entities(k) } })),
    }),
  );
  for (const s of p.sections) put(keys.section(s.id), { snapshot, section: s });
  put(
    keys.list("sections"),
    SectionList.parse({
      snapshot,
      sections: p.sections.map((s) => ({ id: s.id, title: s.title, question: s.question, records: s.records.length, links: { self: s.links.self } })),
    }),
  );
  for (const f of p.facts) put(keys.fact(f.id), { snapshot, fact: f, citation: factCitation(f, snapshot.id) });
  put(
    keys.list("facts"),
    FactList.parse({
      snapshot,
      facts: p.facts.map((f) => ({ id: f.id, title: f.title, section: f.section, links: { self: f.links.self } })),
    }),
  );
}
