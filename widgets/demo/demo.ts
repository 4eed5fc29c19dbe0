// The demo page's embed-code builder: a live preview of the chosen widget and the snippets to copy
// (script + element with a no-script fallback, a plain iframe, the URL for oEmbed, the CSP line).
import { embedHeights, embedPath, esc, type FragmentKind } from "../../core/fragments";

const form = document.querySelector<HTMLFormElement>("#builder")!;
const preview = document.querySelector<HTMLElement>("#preview")!;
const snippet = document.querySelector<HTMLTextAreaElement>("#snippet")!;
const iframeSnippet = document.querySelector<HTMLTextAreaElement>("#iframe-snippet")!;
const pageUrl = document.querySelector<HTMLInputElement>("#page-url")!;
const cspLine = document.querySelector<HTMLInputElement>("#csp-line")!;
const idAttr: Record<string, string> = {
  "ml-employer-chart": "chart",
  "ml-employer-ranking": "ranking",
  "ml-employer-fact": "fact",
};

function attributes(data: FormData): [string, string][] {
  const tag = String(data.get("tag"));
  const get = (k: string) => String(data.get(k) ?? "").trim();
  const attrs: [string, string][] =
    tag === "ml-employer-compare"
      ? [["kind", get("kind")], ["a", get("a")], ["b", get("b")]]
      : tag === "ml-employer-profile"
        ? [["kind", get("kind")], ["entity", get("id")]]
        : [[idAttr[tag]!, get("id")]];
  for (const k of ["limit", "highlight", "lang"]) if (get(k)) attrs.push([k, get(k)]);
  if (get("theme") !== "auto") attrs.push(["theme", get("theme")]);
  return attrs;
}

function update() {
  const data = new FormData(form);
  const tag = String(data.get("tag"));
  const attrs = attributes(data);
  const el = document.createElement(tag);
  for (const [k, v] of attrs) el.setAttribute(k, v);
  preview.replaceChildren(el);
  const quoted = attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join("");
  const kind = tag.replace("ml-employer-", "") as FragmentKind;
  const get = (k: string) => String(data.get(k) ?? "").trim();
  const theme = get("theme") === "auto" ? undefined : get("theme");
  const page =
    location.origin +
    (kind === "compare"
      ? embedPath(kind, get("kind"), { a: get("a"), b: get("b"), theme })
      : kind === "profile"
        ? embedPath(kind, get("kind"), { entity: get("id"), theme })
        : embedPath(kind, get("id"), { theme }));
  const iframe = `<iframe src="${esc(page)}" title="ML Employer Atlas" width="640" height="${embedHeights[kind]}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  snippet.value = `<script type="module" src="${location.origin}/widgets.js"></script>\n<${tag}${quoted}>\n  <noscript>${iframe}</noscript>\n</${tag}>`;
  iframeSnippet.value = iframe;
  pageUrl.value = page;
  cspLine.value = `script-src 'self' ${location.origin}; connect-src ${location.origin}; frame-src ${location.origin}`;
}

// "Embed this" links elsewhere open the builder pre-filled, e.g. /gallery/?tag=ml-employer-chart&id=…#builder.
for (const [name, value] of new URLSearchParams(location.search)) {
  const field = form.elements.namedItem(name);
  if (field instanceof HTMLInputElement) field.value = value;
  else if (field instanceof HTMLSelectElement && [...field.options].some((o) => o.value === value)) field.value = value;
}
form.addEventListener("input", update);
update();
