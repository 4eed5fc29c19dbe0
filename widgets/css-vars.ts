// Sets CSS custom properties on an element through the CSSOM, on first render too. Lit's styleMap writes a style
// attribute on first render, which a host page's style-src (without 'unsafe-inline') blocks; the CSSOM is not governed by CSP.
import { noChange } from "lit";
import { Directive, directive, type ElementPart } from "lit/directive.js";

class CssVars extends Directive {
  render(_vars: Readonly<Record<string, string>>) {
    return noChange;
  }

  override update(part: ElementPart, [vars]: [Readonly<Record<string, string>>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(vars)) style.setProperty(name, value);
    return noChange;
  }
}

/** `<span ${cssVars({ "--size": "0.5" })}>`: an element directive. */
export const cssVars = directive(CssVars);
