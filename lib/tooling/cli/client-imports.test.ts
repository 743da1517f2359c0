import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

/**
 * Browser bundle rules (docs/console-ux.md, "Bundle weight"): a client component that imports the
 * server translator (`translate.ts`, with both catalogs) or the `@/lib/pricing` barrel (zod,
 * decimal.js and every catalog) adds 20–50 kB gzip to each page that uses it. Type imports are free.
 * The calculator prices in the browser and may import pricing submodules that use decimal.js.
 *
 * The rules hold for every module browser code reaches, not only the "use client" file itself: a
 * server-compatible card a client component renders (components/spend/forecast-card.tsx under
 * components/live/live-outlook.tsx) is in the browser bundle too. Issue 19 item 11: five such
 * cards imported the barrel, and zod and the whole price book (≈ 145 kB of JavaScript) were sent
 * with the overview and usage pages.
 */
const FORBIDDEN: [RegExp, string][] = [
  [/^@\/lib\/i18n\/translate$/, "import from @/lib/i18n/translator (no catalogs)"],
  [/^@\/lib\/pricing$/, "import the pricing submodule, not the barrel"],
];
const DECIMAL: [RegExp, string] = [/^@\/lib\/pricing\/(decimal|format|payment)$/, "client code that only shows money uses @/lib/pricing/money-text"];
/** zod is for the calculator's quote engine only (loaded after its first paint): elsewhere in the browser a hand check does. */
const ZOD: [RegExp, string] = [/^zod(\/.*)?$/, "browser code outside the calculator checks JSON by hand (zod is ~100 kB of JavaScript)"];

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const known = new Set(files);
const texts = new Map(files.map((file) => [file, readFileSync(file, "utf8")] as const));
const isClient = (file: string) => /^["']use client["']/.test(texts.get(file) ?? "");
const inCalculator = (file: string) => file.includes(`${path.sep}calculator${path.sep}`);

/** The value imports of a module (type-only imports and re-exports are erased by the compiler). */
function valueImports(file: string): string[] {
  const text = texts.get(file) ?? "";
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)";|^import\s+"([^"]+)";|\bimport\(\s*"([^"]+)"\s*\)/gms)].map((match) => match[1] ?? match[2] ?? match[3] ?? "");
}

function resolveProjectImport(file: string, spec: string): string | undefined {
  if (!spec.startsWith("@/") && !spec.startsWith(".")) return undefined;
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(file), spec);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")].find((candidate) => known.has(candidate));
}

/** Every project module reachable from `roots` by value imports, with the module that first imported it. */
function reachable(roots: string[]): Map<string, string | null> {
  const from = new Map<string, string | null>(roots.map((root) => [root, null]));
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift() ?? "";
    for (const spec of valueImports(file)) {
      const target = resolveProjectImport(file, spec);
      if (target && !from.has(target)) {
        from.set(target, file);
        queue.push(target);
      }
    }
  }
  return from;
}

const chain = (from: Map<string, string | null>, file: string) => {
  const names: string[] = [];
  for (let at: string | null | undefined = file; at; at = from.get(at)) names.push(path.relative(ROOT, at));
  return names.join(" ← ");
};

it("client components import neither the catalog translator nor the pricing barrel, and only the calculator uses decimal.js", () => {
  const problems: string[] = [];
  for (const file of files.filter(isClient)) {
    for (const from of valueImports(file)) {
      const rules = inCalculator(file) ? FORBIDDEN : [...FORBIDDEN, DECIMAL];
      for (const [pattern, fix] of rules) if (pattern.test(from)) problems.push(`${path.relative(ROOT, file)}: ${from} — ${fix}`);
    }
  }
  expect(problems).toEqual([]);
});

it("no module that browser code reaches imports the translator with catalogs or the pricing barrel, and only the calculator's reach zod", () => {
  const problems: string[] = [];
  const everyBrowserModule = reachable(files.filter(isClient));
  const outsideCalculator = reachable(files.filter((file) => isClient(file) && !inCalculator(file)));
  for (const [file] of everyBrowserModule) {
    for (const spec of valueImports(file)) {
      for (const [pattern, fix] of FORBIDDEN) if (pattern.test(spec)) problems.push(`${chain(everyBrowserModule, file)}: ${spec} — ${fix}`);
      if (outsideCalculator.has(file) && ZOD[0].test(spec)) problems.push(`${chain(outsideCalculator, file)}: ${spec} — ${ZOD[1]}`);
    }
  }
  expect(problems).toEqual([]);
});

it("the reach check follows a server-compatible module a client component renders (it would have caught the forecast card)", () => {
  const reached = reachable([path.join(ROOT, "components/live/live-outlook.tsx")]);
  expect(reached.has(path.join(ROOT, "components/spend/forecast-card.tsx"))).toBe(true);
  expect(reached.has(path.join(ROOT, "components/metering/api-name.ts"))).toBe(true);
});
