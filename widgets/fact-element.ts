// <ml-employer-fact fact="{id}">: one key figure with its label, the figures beside it, the article's claim, and sources.
import { html } from "lit";
import type { FactPayload } from "../core/embed";
import { derivedNotes } from "../core/notes";
import { embedPath } from "../core/fragments";
import { AtlasElement, type Drawn } from "./atlas-element";
import { loadFact } from "./chunks";

/**
 * A key figure card, e.g. projected growth or the internship effect, with each figure's trust label.
 * Where the article makes a claim no published figure backs, the claim is shown and labelled `article`.
 *
 * @attr fact - fact id (see /api/v1/facts)
 * @attr theme - `light`, `dark` or `auto`
 * @attr lang - locale for numbers
 * @attr api - API origin
 * @csspart frame
 * @csspart header
 * @csspart value - the big number
 * @csspart notes - what the marks mean (≥ top code, † use with caution), what the atlas computed, who is left out and why
 * @csspart footer
 */
export class MlEmployerFact extends AtlasElement<FactPayload> {
  static override properties = {
    ...AtlasElement.properties,
    fact: { type: String, reflect: true },
  };

  fact = "";

  protected readonly noun = "fact";

  protected requested() {
    return [this.fact];
  }

  protected load(base: string, signal: AbortSignal, snapshot: string | undefined) {
    return loadFact(base, this.requireId("fact", this.fact), signal, snapshot);
  }

  protected override view(): string {
    return embedPath("fact", this.fact ?? "");
  }

  protected draw(data: FactPayload): Drawn {
    const f = data.fact;
    const fmt = (fig: FactPayload["fact"]["figure"]) => this.value(fig);
    const shown = [f.figure, ...f.beside];
    const body = html`
      <header part="header"><h2>${f.title}</h2></header>
      <p class="fact-value" part="value">${fmt(f.figure)}</p>
      <p class="fact-label">${f.figure.label} <span class="trust">${f.figure.trust}</span> · ${f.figure.period}</p>
      ${
        f.beside.length
          ? html`<ul class="beside">
            ${f.beside.map((b) => html`<li><strong>${fmt(b)}</strong> ${b.label} <span class="trust">${b.trust}</span></li>`)}
          </ul>`
          : ""
      }
      ${f.claims.map((c) => html`<blockquote class="claim">“${c.text}” <span class="trust">${c.trust}</span></blockquote>`)}
      <p class="summary">${f.text}</p>
    `;
    return {
      body,
      notes: { figures: shown, derived: derivedNotes(shown.map((x) => ({ name: x.label, figure: x }))) },
      footer: { sources: f.sources, snapshot: data.snapshot.id, links: { json: f.links.self, cite: data.citation } },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ml-employer-fact": MlEmployerFact;
  }
}
