// The Nu HTML Checker (vnu-jar, Java) on every reader page in one run: the front door, the report, each section,
// the profile index, finder results, each kind's list and one profile of each kind, and an embed page of each kind.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, inject, it } from "vitest";

const api = inject("apiUrl");
const vnu = join(dirname(createRequire(import.meta.url).resolve("vnu-jar/package.json")), "build/dist/vnu.jar");

async function json<T>(path: string): Promise<T> {
  return (await (await fetch(api + path)).json()) as T;
}

/** Every report page and, for each kind, its list and the profile of its first entity. */
async function readerPages(): Promise<string[]> {
  const { sections } = await json<{ sections: { id: string }[] }>("/api/v1/sections");
  const { kinds } = await json<{ kinds: { kind: string }[] }>("/api/v1/entities");
  const profiles = await Promise.all(
    kinds.map(async ({ kind }) => {
      const { entities } = await json<{ entities: { id: string }[] }>(`/api/v1/entities/${kind}`);
      return [`/profile/${kind}`, `/profile/${kind}/${entities[0]!.id}`];
    }),
  );
  // The embed pages of the four kinds that offer "Cite this", its disclosure included.
  const embeds = [
    "/embed/chart/occupations-by-median-wage",
    "/embed/ranking/metros-by-data-scientist-employment",
    "/embed/fact/internship-effect",
    "/embed/compare/occupations?a=data-scientists&b=statisticians",
  ];
  return ["/", "/report", ...sections.map((s) => `/report/${s.id}`), "/profile", "/profile?q=ohio", ...profiles.flat(), ...embeds];
}

describe("the Nu HTML Checker", () => {
  it("reports no errors on any reader page", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-vnu-"));
    try {
      const pages = await readerPages();
      const files = await Promise.all(
        pages.map(async (path, i) => {
          const res = await fetch(api + path);
          expect(res.status, path).toBe(200);
          const file = join(dir, `${i}.html`);
          writeFileSync(file, await res.text());
          return file;
        }),
      );
      const run = spawnSync("java", ["-jar", vnu, "--errors-only", "--format", "json", ...files], { encoding: "utf8", maxBuffer: 64 << 20 });
      expect(run.error).toBeUndefined();
      const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url: string; message: string; lastLine?: number }[] };
      const byPage = messages.map((m) => `${pages[Number(/(\d+)\.html$/.exec(m.url)?.[1])]}:${m.lastLine ?? "?"}: ${m.type}: ${m.message}`);
      expect(byPage).toEqual([]);
      expect(files.length).toBeGreaterThanOrEqual(34);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
