// Turns pre-rendered SVG text into a node safe to insert: no scripts, no event handlers, no foreign content.

const DROP = new Set(["script", "foreignObject", "iframe", "object", "embed", "style", "use", "image", "a"]);

export function safeSvg(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (!(svg instanceof SVGSVGElement) || doc.querySelector("parsererror")) return null;
  for (const el of [svg, ...svg.querySelectorAll("*")]) {
    if (DROP.has(el.localName)) {
      el.remove();
      continue;
    }
    // Names as strings: reading `el.attributes` makes an Attr object per attribute, which cost as much as the parse.
    for (const qualified of el.getAttributeNames()) {
      const name = qualified.toLowerCase();
      if (name.startsWith("on") || name === "style" || name.endsWith("href")) el.removeAttribute(qualified);
    }
  }
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  // Moved, not copied: the parsed document is thrown away.
  return document.adoptNode(svg);
}
