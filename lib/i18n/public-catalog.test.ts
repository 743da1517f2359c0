import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessages } from "./client-catalog";
import { importClosure, projectSources } from "./client-keys-scan";
import { publicCatalog } from "./public-catalog";
import { catalogs } from "./translate";

// The browser code of the prerendered public pages (app/[lang]) and what it imports.
// Their client components, and (below) every module those import, transitively: a helper in lib/i18n
// (price book names) called `t` in the calculator with a key left out, shown raw (`priceBook.name`).
const CLIENT_SOURCES = ["components/calculator", "components/auth", "components/i18n", "components/ui", "lib/calculator"];

function sources(dir: string): string[] {
  if (/\.tsx?$/.test(dir)) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [file] : [];
  });
}

describe("the public pages' catalog", () => {
  // Which keys browser code needs at all is client-catalog's scan (client-keys.test.ts); this checks
  // that narrowing it to the public namespaces drops none of those the public pages' code names.
  it("holds every key their client code names, in both languages", () => {
    const named = new Set<string>();
    const root = process.cwd();
    const reached = importClosure(root, projectSources(root), CLIENT_SOURCES.flatMap((dir) => sources(path.resolve(dir))));
    expect([...reached].map((file) => path.relative(root, file))).toContain("lib/i18n/price-book-name.ts");
    for (const file of reached) {
      for (const match of readFileSync(file, "utf8").matchAll(/["'`]([a-zA-Z]+\.[a-zA-Z0-9.-]+)["'`]/g)) if (match[1] && match[1] in catalogs.en) named.add(match[1]);
      // Keys built from a prefix (`calculator.${x}`): the whole prefix must be there.
      for (const match of readFileSync(file, "utf8").matchAll(/`([a-zA-Z]+)\.[^`]*\$\{/g)) if (match[1]) named.add(`${match[1]}.*`);
    }
    expect(named.size).toBeGreaterThan(20);
    for (const locale of ["en", "zh-CN"] as const) {
      const kept = publicCatalog(locale);
      const keys = Object.keys(kept);
      const sent = Object.keys(clientMessages(locale));
      for (const key of named) {
        if (!sent.some((k) => (key.endsWith(".*") ? k.startsWith(key.slice(0, -1)) : k === key))) continue;
        if (key.endsWith(".*")) expect(keys.some((k) => k.startsWith(key.slice(0, -1))), `${locale} ${key}`).toBe(true);
        else expect(kept[key as keyof typeof kept], `${locale} ${key}`).toBeDefined();
      }
    }
  });

  it("is a good deal smaller than the whole catalog", () => {
    expect(JSON.stringify(publicCatalog("en")).length).toBeLessThan(JSON.stringify(catalogs.en).length / 2);
  });
});
