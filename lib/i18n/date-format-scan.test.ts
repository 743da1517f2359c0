import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 19 item 6: one date and time format everywhere. Dates become text only in
 * lib/i18n/format-date.ts (over the formatter cache of lib/i18n/formatters.ts); a page, component
 * or service that formats a date by itself is how "12:17 AM" and "Bill 2026-11" came about.
 */
const root = process.cwd();
const ALLOWED = new Set(["lib/i18n/format-date.ts", "lib/i18n/formatters.ts"]);
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: "toLocaleDateString", pattern: /\.toLocaleDateString\(/ },
  { name: "toLocaleTimeString", pattern: /\.toLocaleTimeString\(/ },
  { name: "toDateString / toTimeString / toUTCString", pattern: /\.to(Date|Time|UTC)String\(/ },
  { name: "Intl.DateTimeFormat", pattern: /\bIntl\.DateTimeFormat\(/ },
  { name: "the formatter cache (dateTimeFormat)", pattern: /\bdateTimeFormat\(/ },
  { name: "hour12 / hourCycle", pattern: /\b(hour12|hourCycle)\b/ },
  { name: "a date's toLocaleString", pattern: /\b(\w*At|date|time|now|when|day)\.toLocaleString\(/i },
];

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(path.join(root, relative)).isDirectory()) return sources(relative);
    return /\.(ts|tsx|mts|mjs)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [relative.split(path.sep).join("/")] : [];
  });
}

export function adHocDateFormatting(files: { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of files) {
    if (ALLOWED.has(file)) continue;
    text.split("\n").forEach((line, i) => {
      if (/^\s*(\/\/|\/?\*)/.test(line)) return; // comments may name what they avoid
      for (const { name, pattern } of FORBIDDEN) if (pattern.test(line)) found.push(`${file}:${i + 1} ${name}: ${line.trim()}`);
    });
  }
  return found;
}

describe("dates are formatted in lib/i18n/format-date.ts only", () => {
  it("no page, component or service formats a date by itself", () => {
    const files = ["app", "components", "lib"].flatMap(sources).map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));
    expect(files.length).toBeGreaterThan(100);
    expect(adHocDateFormatting(files)).toEqual([]);
  });

  it("finds each kind of ad-hoc formatting it is meant to", () => {
    const text = [
      "const a = at.toLocaleTimeString();",
      "const b = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });",
      "const c = createdAt.toLocaleString('en');",
      "const d = { hour12: false };",
      "const e = day.toLocaleDateString();",
      "const ok = count.toLocaleString(locale);",
    ].join("\n");
    expect(adHocDateFormatting([{ file: "components/x.tsx", text }]).length).toBe(5);
    expect(adHocDateFormatting([{ file: "lib/i18n/format-date.ts", text }])).toEqual([]);
  });
});
