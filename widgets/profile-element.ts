// <ml-employer-profile kind="{kind}" entity="{id}">: one place's, industry's or occupation's card: its headline figures,
// each with rank among its kind and the U.S. figure beside it, for a career office's page.
import { html } from "lit";
import type { ProfilePayload } from "../core/embed";
import { headlineRows, nationalLine, profileLede, profileTitle } from "../core/fragments";
import { derivedNotes } from "../core/notes";
import { apiBase } from "./api-base";
import { AtlasElement, type Drawn } from "./atlas-element";
import { loadProfile } from "./chunks";

/**
 * A compact profile card: the entity's ranked figures and those with a national figure beside them, each with its
 * period, trust label, caution mark, rank ("24th highest of 263 metro areas") and the U.S. figure, and a link to the
 * full profile page.
 *
 * @attr kind - `metros`, `states`, `naics-sectors`, `occupations`, … (see /api/v1/entities)
 * @attr entity - entity id, e.g. `pittsburgh-pa` (see /api/v1/entities/{kind})
 * @attr theme - `light`, `dark` or `auto`
 * @attr lang - locale for numbers
 * @attr api - API origin
 * @csspart frame
 * @csspart header
 * @csspart table
 * @csspart notes - what the marks mean (≥ top code, † use with caution), what the atlas computed, which figures are not published and why
 * @csspart footer
 */
export class MlEmployerProfile extends AtlasElement<ProfilePayload> {
  static override properties = {
    ...AtlasElement.properties,
    kind: { type: String, reflect: true },
    entity: { type: String, reflect: true },
  };

  kind = "";
  entity = "";

  protected readonly noun = "profile";

  protected requested() {
    return [this.kind, this.entity];
  }

  protected load(base: string, signal: AbortSignal, snapshot: string | undefined) {
    return loadProfile(base, this.requireId("kind", this.kind), this.requireId("entity", this.entity), signal, snapshot);
  }

  protected draw(data: ProfilePayload): Drawn {
    const p = data.profile;
    const rows = headlineRows(p);
    const base = apiBase(this.api) ?? "";
    const body = html`
      <header part="header">
        <h2>${p.name}</h2>
        <p class="summary">${profileLede(p, rows.length)} <a href=${base + p.links.page}>Full profile</a></p>
      </header>
      <table part="table">
        <caption class="visually-hidden">${profileTitle(p)}</caption>
        <thead>
          <tr><th scope="col">Figure, period, rank</th><th scope="col" class="num">Value (U.S., all industries)</th></tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <th scope="row">${r.label} <br><span class="trust">${r.figure.trust}</span> ${r.figure.period}${r.rank ? html` <br>${r.rank.phrase}` : ""}</th>
              <td class="num">${this.value(r.figure)}${r.national ? html` <br><span class="national">U.S.: ${this.value(r.national)}${nationalLine(r.national)}</span>` : ""}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
    return {
      body,
      notes: {
        figures: rows.flatMap((r) => [r.figure, ...(r.national ? [r.national] : [])]),
        derived: derivedNotes(rows.map((r) => ({ name: r.label, figure: r.figure }))),
        gaps: p.gaps,
      },
      footer: { sources: p.sources, snapshot: data.snapshot.id, links: { json: p.links.self } },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ml-employer-profile": MlEmployerProfile;
  }
}
