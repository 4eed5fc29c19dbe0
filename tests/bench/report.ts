// Formats the bench's tables and collects every budget as a PASS/FAIL row for the console and latest.json.

export interface Budget {
  section: "api" | "cpu" | "browser" | "data" | "publish" | "sustained";
  name: string;
  value: string;
  budget: string;
  pass: boolean;
}

export function table(head: string[], rows: (string | number)[][], right = new Set<number>()): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [fmt(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(fmt)].join("\n");
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
export const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : "–");
export const mib = (n: number) => (Number.isFinite(n) ? `${(n / 2 ** 20).toFixed(2)} MiB` : "–");
export const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");

export function budgetTable(budgets: Budget[]): string {
  return table(
    ["section", "budget", "measured", "limit", "result"],
    budgets.map((b) => [b.section, b.name, b.value, b.budget, verdict(b.pass)]),
  );
}
