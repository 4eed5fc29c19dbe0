// Shadow-DOM styles shared by every element. Theming: the documented --atlas-* custom properties (set them on
// the element) and ::part()s; each has a light and a dark default, picked by the frame's color-scheme.
import { css } from "lit";

export const baseStyles = css`
  :host {
    display: block;
    inline-size: 100%;
    max-inline-size: 100%;
    box-sizing: border-box;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .frame {
    color-scheme: light;
    color: var(--atlas-text, light-dark(#1d232b, #e6e9ee));
    background: var(--atlas-background, light-dark(#ffffff, #161a1f));
    font-family: var(--atlas-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    font-size: var(--atlas-font-size, 15px);
    line-height: 1.4;
    border: 1px solid var(--atlas-border, light-dark(#d7dce2, #3a434d));
    border-radius: var(--atlas-radius, 6px);
    padding: var(--atlas-padding, 12px 14px);
    overflow-wrap: anywhere;
  }
  .frame.dark {
    color-scheme: dark;
  }
  h2 {
    font-size: 1.05em;
    margin: 0 0 4px;
    font-weight: 650;
  }
  .summary {
    margin: 0 0 8px;
    color: var(--atlas-muted, light-dark(#4f5a66, #aab4be));
    font-size: 0.9em;
  }
  a {
    color: var(--atlas-link, light-dark(#1f5fa8, #8cc4ff));
  }
  a:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--atlas-link, light-dark(#1f5fa8, #8cc4ff));
    outline-offset: 2px;
  }
  footer {
    margin-top: 8px;
    font-size: 0.8em;
    color: var(--atlas-muted, light-dark(#4f5a66, #aab4be));
  }
  .state {
    margin: 0;
    padding: 10px 0;
    color: var(--atlas-muted, light-dark(#4f5a66, #aab4be));
  }
  .state.error {
    color: var(--atlas-error, light-dark(#a4262c, #ff9c9c));
  }
  .notes p {
    margin: 4px 0;
  }
  .notes ul {
    margin: 4px 0;
    padding-inline-start: 18px;
  }
  .caution {
    cursor: help;
  }
  .trust {
    display: inline-block;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.9em;
  }
  footer .trust {
    font-size: 1em;
  }
  .mark {
    cursor: help;
  }
  .notes {
    margin: 6px 0 0;
    padding: 0;
    list-style: none;
    font-size: max(11px, 0.8em);
    color: var(--atlas-muted, light-dark(#4f5a66, #aab4be));
  }
  /* Tables break lines between words only: columns are at least as wide as their longest word. */
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
    overflow-wrap: break-word;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 4px 0;
  }
  th,
  td {
    text-align: start;
    padding: 4px 6px;
    border-bottom: 1px solid var(--atlas-border, light-dark(#e3e6ea, #2c333b));
    font-weight: normal;
  }
  td.num,
  th.num {
    text-align: end;
  }
  td.num {
    white-space: nowrap;
  }
  thead th {
    font-weight: 600;
  }
  tr.highlight {
    background: var(--atlas-highlight-background, light-dark(#fff3cd, #3d3418));
  }
  details summary {
    cursor: pointer;
    font-size: 0.85em;
    margin-top: 6px;
  }
  .notes summary,
  .cite summary {
    font-size: 1em;
  }
  .cite p {
    margin: 4px 0 0;
    overflow-wrap: anywhere;
  }
  .cite pre {
    margin: 4px 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1em;
  }
  /* The national figure under a local one wraps inside its cell, so a narrow card does not overflow. */
  .national {
    white-space: normal;
  }
  .cards {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 10px;
  }
  @container (max-width: 420px) {
    .cards {
      grid-template-columns: 1fr;
    }
  }
  .fact-value {
    font-size: 2.2em;
    font-weight: 700;
    margin: 2px 0;
    font-variant-numeric: tabular-nums;
  }
  .fact-label {
    margin: 0 0 8px;
  }
  .beside {
    margin: 0 0 8px;
    padding-inline-start: 1.1em;
    font-size: 0.9em;
  }
  .claim {
    margin: 8px 0;
    padding: 6px 10px;
    border-inline-start: 3px solid var(--atlas-border, light-dark(#d7dce2, #3a434d));
    font-style: italic;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
