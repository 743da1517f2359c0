/**
 * What is inside a Turbopack browser chunk, for `npm run size`'s "what pulled it over" lines. A chunk
 * is `(globalThis.TURBOPACK ||= []).push([script, id, factory, id, id, factory, …])`; loading it with
 * a stand-in array runs none of its modules, only collects their factories, whose source length and
 * gzip size rank them. Production chunks carry no file names, so a module is named by what it
 * recognisably contains (a known library's own strings), else by its first telling string.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export interface ChunkModule {
  /** gzip size of the module's source on its own (a little more than its share of the chunk). */
  gzip: number;
  label: string;
}

/** Strings that only the named library (or catalog) contains, checked in this order. */
const FINGERPRINTS: [label: string, test: (source: string) => boolean][] = [
  ["decimal.js", (s) => s.includes("[DecimalError]")],
  ["zod", (s) => s.includes("ZodError") || s.includes("$ZodType")],
  ["message catalog", (s) => s.includes('"app.name":') || s.includes('"nav.overview":')],
  ["@tanstack/react-query", (s) => s.includes("QueryClient") || s.includes("observerAdded")],
  ["pricing catalog (lib/pricing)", (s) => s.includes("code-recognition") && s.includes("body.detection")],
  ["react-dom", (s) => s.includes("react-dom") || s.includes("__reactFiber")],
  ["react (client runtime)", (s) => s.includes("react.lazy") || s.includes("react.transitional.element")],
  ["next (runtime)", (s) => s.includes("next-router") || s.includes("__NEXT") || s.includes("NEXT_REDIRECT")],
];

function describe(source: string): string {
  for (const [label, test] of FINGERPRINTS) if (test(source)) return label;
  // Our own client code: name it by a test id or message key it uses, which grep finds in the source.
  const hint = /"data-testid":"([^"]+)"/.exec(source)?.[1] ?? /\bt\)?\("([a-z][\w-]*\.[\w.-]+)"/.exec(source)?.[1] ?? /"([a-z][\w-]*\.[\w.-]{4,40})"/.exec(source)?.[1];
  return hint ? `app code using "${hint}"` : "app code";
}

export function chunkModules(file: string): ChunkModule[] {
  const pushed: unknown[][] = [];
  const code = readFileSync(file, "utf8");
  try {
    // The chunk only pushes its factories here; nothing of it runs.
    new Function("globalThis", "document", code)({ TURBOPACK: { push: (entry: unknown[]) => pushed.push(entry) } }, undefined);
  } catch {
    return [];
  }
  const modules: ChunkModule[] = [];
  for (const entry of pushed) {
    for (const item of entry) {
      if (typeof item !== "function") continue;
      const source = String(item);
      modules.push({ gzip: gzipSync(source, { level: 9 }).length, label: describe(source) });
    }
  }
  return modules;
}
