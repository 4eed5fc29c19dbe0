// The demo page's embed-code builder: a live preview of the chosen widget and the snippet to copy.
const form = document.querySelector<HTMLFormElement>("#builder")!;
const preview = document.querySelector<HTMLElement>("#preview")!;
const snippet = document.querySelector<HTMLTextAreaElement>("#snippet")!;
const idAttr: Record<string, string> = {
  "ml-employer-chart": "chart",
  "ml-employer-ranking": "ranking",
  "ml-employer-fact": "fact",
};

function attributes(data: FormData): [string, string][] {
  const tag = String(data.get("tag"));
  const get = (k: string) => String(data.get(k) ?? "").trim();
  const attrs: [string, string][] =
    tag === "ml-employer-compare" ? [["kind", get("kind")], ["a", get("a")], ["b", get("b")]] : [[idAttr[tag]!, get("id")]];
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
  const quoted = attrs.map(([k, v]) => ` ${k}="${v.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"`).join("");
  snippet.value = `<script type="module" src="${location.origin}/widgets.js"></script>\n<${tag}${quoted}></${tag}>`;
}

form.addEventListener("input", update);
update();
