// <ml-employer-ranking ranking="{id}" limit="N">: an accessible ranked table with values, units and sources.
import { html } from "lit";
import type { RankingPayload } from "../core/embed";
import { derivedNotes } from "../core/notes";
import { embedPath } from "../core/fragments";
import { AtlasElement, type Drawn } from "./atlas-element";
import { loadRanking } from "./chunks";

/**
 * A ranking as a table: rank, name and value with its unit, the generated summary, sources and trust labels.
 *
 * @attr ranking - ranking id (see /api/v1/rankings)
 * @attr limit - show only the first N rows (default 10; `all` for every row)
 * @attr highlight - id of an entity to emphasise
 * @attr theme - `light`, `dark` or `auto`
 * @attr lang - locale for numbers, e.g. `de-DE`
 * @attr api - API origin
 * @csspart frame
 * @csspart header
 * @csspart table
 * @csspart notes - what the marks mean (≥ top code, † use with caution), what the atlas computed, who is left out and why
 * @csspart footer
 */
export class MlEmployerRanking extends AtlasElement<RankingPayload> {
  static override properties = {
    ...AtlasElement.properties,
    ranking: { type: String, reflect: true },
    limit: { type: String },
    highlight: { type: String },
  };

  ranking = "";
  limit: string | null = null;
  highlight: string | null = null;

  protected readonly noun = "ranking";

  protected requested() {
    return [this.ranking];
  }

  protected load(base: string, signal: AbortSignal, snapshot: string | undefined) {
    return loadRanking(base, this.requireId("ranking", this.ranking), signal, snapshot);
  }

  #rows(data: RankingPayload) {
    if (this.limit === "all") return data.ranking.items;
    const n = Number(this.limit ?? 10);
    return data.ranking.items.slice(0, Number.isInteger(n) && n > 0 ? n : 10);
  }

  protected override view(): string {
    return embedPath("ranking", this.ranking ?? "");
  }

  protected draw(data: RankingPayload): Drawn {
    const r = data.ranking;
    const rows = this.#rows(data);
    const shown = rows.length < r.items.length ? ` (top ${rows.length} of ${r.items.length})` : "";
    const body = html`
      <header part="header">
        <h2>${r.title}${shown}</h2>
        <p class="summary">${r.summary}</p>
      </header>
      <table part="table">
        <caption class="visually-hidden">${r.title}${shown}</caption>
        <thead><tr><th scope="col" class="num">Rank</th><th scope="col">Name</th><th scope="col" class="num">Value</th></tr></thead>
        <tbody>
          ${rows.map(
            (it) => html`<tr class=${it.id === this.highlight ? "highlight" : ""}>
              <td class="num">${it.rank}</td>
              <th scope="row">${it.name}</th>
              <td class="num">${this.value(it.figure)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
    return {
      body,
      notes: { figures: r.items.map((it) => it.figure), derived: derivedNotes(r.items), gaps: r.gaps },
      footer: { sources: r.sources, snapshot: data.snapshot.id, links: { csv: r.links.csv, json: r.links.self, cite: data.citation } },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ml-employer-ranking": MlEmployerRanking;
  }
}
