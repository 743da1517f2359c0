import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, ROUTE_HANDLERS } from "./route-methods.mjs";

/** Every app/**\/route.ts, as the address pattern it serves (route groups left out) and the methods it exports. */
function routeFiles(dir: string): [string, string[]][] {
  const found: [string, string[]][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const methods = new Set<string>();
      for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS)\b/g)) methods.add(match[1] ?? "");
      for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const name of (match[1] ?? "").split(",")) methods.add(name.trim());
      const address = path
        .relative("app", dir)
        .split(path.sep)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .join("/");
      found.push([`/${address}`, [...methods].filter(Boolean).sort()]);
    }
  }
  return found;
}

describe("route methods (issue 17 item 4)", () => {
  it("lists exactly the route handlers under app/ and the methods each exports", () => {
    const inApp = routeFiles("app").sort(([a], [b]) => a.localeCompare(b));
    const listed = ROUTE_HANDLERS.map(([pattern, methods]) => [pattern, [...methods].sort()] as [string, string[]]).sort(([a], [b]) => a.localeCompare(b));
    expect(listed).toEqual(inApp);
  });

  it.each([
    ["/api/v1/bills", "route", ["GET", "HEAD", "OPTIONS"]],
    ["/api/v1/usage", "route", ["OPTIONS", "POST"]],
    ["/api/auth/callback/customer", "route", ["GET", "HEAD", "OPTIONS", "POST"]],
    ["/bills/2026-10/csv", "route", ["GET", "HEAD", "OPTIONS"]],
    ["/usage/daily-csv", "route", ["GET", "HEAD", "OPTIONS"]],
    ["/calculator", "page", ["GET", "HEAD", "OPTIONS", "POST"]],
    ["/bills/2026-10", "page", ["GET", "HEAD", "OPTIONS", "POST"]],
    ["/", "page", ["GET", "HEAD", "OPTIONS", "POST"]],
    ["/api/nope", "none", []],
  ])("%s is a %s serving %j", (pathname, kind, methods) => {
    expect(allowedMethods(pathname)).toEqual({ kind, methods });
  });
});
