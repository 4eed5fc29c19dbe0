// safeSvg: pre-rendered SVG text to a node owned by this document, without scripts, handlers or links.
import { describe, expect, it } from "vitest";
import { safeSvg } from "../../widgets/sanitize-svg";

describe("safeSvg", () => {
  it("drops scripts, foreign content, handlers, styles and links, and hands back a node of this document", () => {
    const svg = safeSvg(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)" viewBox="0 0 10 10">` +
        `<script>alert(2)</script><foreignObject><div>x</div></foreignObject><a href="javascript:alert(3)"><rect/></a>` +
        `<g class="role-mark"><path d="M0,0h5v5h-5Z" onclick="alert(4)" style="fill:red" xlink:href="#x"/></g></svg>`,
    );
    expect(svg).not.toBeNull();
    expect(svg!.ownerDocument).toBe(document);
    expect(svg!.querySelector("script, foreignObject, a")).toBeNull();
    const path = svg!.querySelector("path")!;
    expect(path.getAttribute("d")).toBe("M0,0h5v5h-5Z");
    expect([...path.attributes].map((a) => a.name)).toEqual(["d"]);
    expect(svg!.hasAttribute("onload")).toBe(false);
    expect(svg!.getAttribute("aria-hidden")).toBe("true");
    document.body.append(svg!);
    expect(svg!.getBoundingClientRect().width).toBeGreaterThan(0);
    svg!.remove();
  });

  it("returns null for text that is not well-formed SVG", () => {
    expect(safeSvg("<svg xmlns='http://www.w3.org/2000/svg'><g></svg>")).toBeNull();
    expect(safeSvg("<html></html>")).toBeNull();
  });
});
