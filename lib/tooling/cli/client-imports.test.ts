import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

/**
 * Browser bundle rules (docs/console-ux.md, "Bundle weight"): a client component that imports the
 * server translator (`translate.ts`, with both catalogs) or the `@/lib/pricing` barrel (zod,
 * decimal.js and every catalog) adds 20–50 kB gzip to each page that uses it. Type imports are free.
 * The calculator prices in the browser and may import pricing submodules that use decimal.js.
 */
const FORBIDDEN: [RegExp, string][] = [
  [/^@\/lib\/i18n\/translate$/, "import from @/lib/i18n/translator (no catalogs)"],
  [/^@\/lib\/pricing$/, "import the pricing submodule, not the barrel"],
];
const DECIMAL: [RegExp, string] = [/^@\/lib\/pricing\/(decimal|format|payment)$/, "client code that only shows money uses @/lib/pricing/money-text"];

function clientFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...clientFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") && /^["']use client["']/.test(readFileSync(full, "utf8"))) found.push(full);
  }
  return found;
}

it("client components import neither the catalog translator nor the pricing barrel, and only the calculator uses decimal.js", () => {
  const problems: string[] = [];
  for (const file of ["app", "components", "lib"].flatMap(clientFiles)) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^import (?!type )[^;]*? from "([^"]+)";/gms)) {
      const from = match[1] ?? "";
      const rules = file.includes(`${path.sep}calculator${path.sep}`) ? FORBIDDEN : [...FORBIDDEN, DECIMAL];
      for (const [pattern, fix] of rules) if (pattern.test(from)) problems.push(`${file}: ${from} — ${fix}`);
    }
  }
  expect(problems).toEqual([]);
});
