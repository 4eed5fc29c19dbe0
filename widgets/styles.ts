// Shadow-DOM styles shared by every element: themable through documented custom properties and parts.
import { css } from "lit";

export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: 100%;
    color: var(--atlas-text, #1d232b);
    background: var(--atlas-background, #ffffff);
    font-family: var(--atlas-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    font-size: var(--atlas-font-size, 15px);
    line-height: 1.4;
    border: 1px solid var(--atlas-border, #d7dce2);
    border-radius: var(--atlas-radius, 6px);
    padding: var(--atlas-padding, 12px 14px);
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.05em;
    margin: 0 0 4px;
    font-weight: 650;
  }
  .summary {
    margin: 0 0 8px;
    color: var(--atlas-muted, #4f5a66);
    font-size: 0.9em;
  }
  .figure {
    display: block;
    inline-size: 100%;
    min-block-size: 40px;
    overflow: hidden;
  }
  /* Pre-rendered charts shrink to narrow containers but never scale up; the live view fits the width. */
  .figure svg {
    display: block !important;
    visibility: visible !important;
    max-inline-size: 100%;
    block-size: auto;
  }
  footer {
    margin-top: 8px;
    font-size: 0.8em;
    color: var(--atlas-muted, #4f5a66);
  }
  footer a {
    color: var(--atlas-link, #1f5fa8);
  }
  .state {
    margin: 0;
    padding: 10px 0;
    color: var(--atlas-muted, #4f5a66);
  }
  .state.error {
    color: var(--atlas-error, #a4262c);
  }
  .trust {
    display: inline-block;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.9em;
  }
`;
