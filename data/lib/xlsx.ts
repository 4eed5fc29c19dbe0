// Minimal reader for the first worksheet of an .xlsx file (zip of XML): shared strings, inline strings and numbers.
import { strFromU8, unzipSync } from "fflate";

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_, n: string, d?: string, h?: string) =>
    d
      ? String.fromCodePoint(Number(d))
      : h
        ? String.fromCodePoint(parseInt(h, 16))
        : ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[n]!,
  );
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1]!)).join("");

/** Column letters → 0-based index ("A" → 0, "AF" → 31). */
function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, "")) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The first worksheet, or the one named `name`. */
export function readFirstSheet(data: Uint8Array, name?: string): { name: string; rows: string[][] } {
  const zip = unzipSync(data);
  const file = (p: string) => {
    const f = zip[p];
    if (!f) throw new Error(`not an xlsx workbook: ${p} is missing`);
    return strFromU8(f);
  };
  const workbook = file("xl/workbook.xml");
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g)];
  const sheet = name === undefined ? sheets[0] : sheets.find((m) => decode(m[1]!) === name);
  if (!sheet) throw new Error(name === undefined ? "workbook lists no sheets" : `workbook has no sheet "${name}"`);
  const rels = file("xl/_rels/workbook.xml.rels");
  const target =
    new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[2]}"[^>]*\\bTarget="([^"]*)"`).exec(rels) ??
    new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]*)"[^>]*\\bId="${sheet[2]}"`).exec(rels);
  const path = target ? `xl/${target[1]!.replace(/^\/?xl\//, "")}` : "xl/worksheets/sheet1.xml";
  const shared = zip["xl/sharedStrings.xml"] ? [...strFromU8(zip["xl/sharedStrings.xml"]!).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!)) : [];
  const rows: string[][] = [];
  for (const r of file(path).matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const row: string[] = [];
    for (const c of (r[1] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? "";
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const value = type === "s" ? (shared[Number(v)] ?? "") : type === "inlineStr" ? texts(body) : v === undefined ? "" : decode(v);
      const i = ref ? colIndex(ref) : row.length;
      while (row.length < i) row.push("");
      row[i] = value;
    }
    rows.push(row);
  }
  return { name: decode(sheet[1]!), rows };
}
