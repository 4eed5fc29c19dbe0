// "Cite this" in an element's footer: one closed line that opens to the citation as plain text and as BibTeX,
// written by core/cite.ts and made absolute against the API origin the element reads from.
import { html } from "lit";
import { citationAt } from "../core/cite";
import type { EmbedCitation } from "../core/embed";

export function citeTemplate(citation: EmbedCitation | undefined, base: string) {
  if (!citation) return "";
  const c = citationAt(citation, base);
  return html`<details class="cite">
    <summary>Cite this</summary>
    <p>${c.text}</p>
    <p>BibTeX:</p>
    <pre>${c.bibtex}</pre>
  </details>`;
}
