import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Console code links with AppLink (no prefetch; see app-link.tsx). A new console component that
 * imports `next/link` brings 25–39 prefetch requests per page view back, so this scan fails on it.
 * The public, sign-in and calculator pages are prerendered: prefetching them is cheap and useful.
 */
const PUBLIC = [
  "app/[lang]/",
  "app/(app)/(auth)/",
  "app/(app)/sandbox/",
  "components/auth/",
  "components/calculator/",
  "components/prices/",
  "components/public/",
  "components/ui/app-link.tsx",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("console links", () => {
  it("no console page or component imports next/link", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("components")];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) => !PUBLIC.some((prefix) => file.split(path.sep).join("/").startsWith(prefix)) && /from\s+["']next\/link["']/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("would catch one", () => {
    expect(/from\s+["']next\/link["']/.test('import Link from "next/link";')).toBe(true);
  });
});
