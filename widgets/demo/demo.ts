// The demo page's embed-code builder: a live preview of the chosen widget and the snippets to copy
// (script + element with a no-script fallback, a plain iframe, the URL for oEmbed, the CSP line). By default the
// code is pinned: the versioned script with its integrity, the element and the iframe at the current snapshot, so
// an embed never changes under the author's sentence; "always latest" writes the moving /widgets.js and no snapshot.
import { embedHeights, embedPath, esc, type FragmentKind } from "../../core/fragments";
import * as urls from "../../core/urls";

const form = document.querySelector<HTMLFormElement>("#builder")!;
const preview = document.querySelector<HTMLElement>("#preview")!;
const snippet = document.querySelector<HTMLTextAreaElement>("#snippet")!;
const iframeSnippet = document.querySelector<HTMLTextAreaElement>("#iframe-snippet")!;
const pageUrl = document.querySelector<HTMLInputElement>("#page-url")!;
const cspLine = document.querySelector<HTMLInputElement>("#csp-line")!;
const pinNote = document.querySelector<HTMLElement>("#pin-note")!;

/** What pinned code needs: the current release (release.json, written by the widget build) and snapshot. */
interface Pin {
  entry: string;
  integrity: string;
  version: string;
  snapshot: string;
}
let pin: Pin | null | undefined; // undefined while loading, null when either could not be read

async function loadPin(): Promise<Pin | null> {
  try {
    const [release, snapshots] = await Promise.all(
      ["/release.json", urls.snapshots()].map(async (path) => {
        const res = await fetch(path);
        if (!res.ok) throw new Error(`${path}: ${res.status}`);
        return (await res.json()) as Record<string, unknown>;
      }),
    );
    const { entry, integrity, version } = release as { entry?: unknown; integrity?: unknown; version?: unknown };
    const snapshot = (snapshots as { current?: unknown }).current;
    if (typeof entry !== "string" || typeof integrity !== "string" || typeof version !== "string" || typeof snapshot !== "string") return null;
    return { entry, integrity, version, snapshot };
  } catch {
    return null;
  }
}
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
      ? [
          ["kind", get("kind")],
          ["a", get("a")],
          ["b", get("b")],
        ]
      : tag === "ml-employer-profile"
        ? [
            ["kind", get("kind")],
            ["entity", get("id")],
          ]
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
  const pinned = String(data.get("pin")) === "pinned" && pin ? pin : null;
  if (pinned) attrs.push(["snapshot", pinned.snapshot]);
  for (const [k, v] of attrs) el.setAttribute(k, v);
  preview.replaceChildren(el);
  const quoted = attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join("");
  const kind = tag.replace("ml-employer-", "") as FragmentKind;
  const get = (k: string) => String(data.get(k) ?? "").trim();
  const theme = get("theme") === "auto" ? undefined : get("theme");
  const path =
    kind === "compare"
      ? embedPath(kind, get("kind"), { a: get("a"), b: get("b"), theme })
      : kind === "profile"
        ? embedPath(kind, get("kind"), { entity: get("id"), theme })
        : embedPath(kind, get("id"), { theme });
  const page = location.origin + path + (pinned ? `${path.includes("?") ? "&" : "?"}snapshot=${encodeURIComponent(pinned.snapshot)}` : "");
  const iframe = `<iframe src="${esc(page)}" title="ML Employer Atlas" width="640" height="${embedHeights[kind]}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  const script = pinned
    ? `<script type="module" src="${esc(location.origin + pinned.entry)}" integrity="${esc(pinned.integrity)}" crossorigin="anonymous"></script>`
    : `<script type="module" src="${location.origin}/widgets.js"></script>`;
  snippet.value = `${script}\n<${tag}${quoted}>\n  <noscript>${iframe}</noscript>\n</${tag}>`;
  pinNote.textContent =
    String(data.get("pin")) !== "pinned"
      ? "Always latest: the script and the figures follow every release and data refresh."
      : pin === undefined
        ? "Looking up the current release and snapshot…"
        : pin === null
          ? "The current release or snapshot could not be read, so this is the always-latest code."
          : `Pinned to widget release ${pin.version} (checked by its integrity hash) and snapshot ${pin.snapshot}; a pinned element says when newer figures exist.`;
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
void loadPin().then((p) => {
  pin = p;
  update();
});
