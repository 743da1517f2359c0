import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mayOpen, mayRead, mayRun, memberRoles, pageSegment, roleMatrix } from "./roles";

/** The three tables of docs/roles.md, as { section: { key: roles } }, read from the Markdown. */
function documentedMatrix(): Record<string, Record<string, string[]>> {
  const text = readFileSync(path.resolve(__dirname, "../../docs/roles.md"), "utf8");
  const sections: Record<string, string> = { "## Pages": "pages", "## Console route handlers": "routes", "## Actions": "actions" };
  const result: Record<string, Record<string, string[]>> = {};
  let current: string | null = null;
  let columns: string[] = [];
  for (const line of text.split("\n")) {
    const heading = Object.keys(sections).find((h) => line.startsWith(h));
    if (heading) {
      current = sections[heading] ?? null;
      columns = [];
      continue;
    }
    if (line.startsWith("## ")) current = null;
    if (!current || !line.startsWith("|")) continue;
    const cells = line.split("|").slice(1, -1).map((cell) => cell.trim());
    if (columns.length === 0) {
      columns = cells.slice(1);
      continue;
    }
    if (cells[0]?.startsWith("---")) continue;
    const key = cells[0]?.replace(/`/g, "") ?? "";
    (result[current] ??= {})[key] = columns.filter((_, i) => cells[i + 1] === "✓");
  }
  return result;
}

describe("docs/roles.md and roleMatrix (lib/identity/roles.ts)", () => {
  it("the document's tables are exactly the declaration, with the roles as columns in order", () => {
    const documented = documentedMatrix();
    const declared = Object.fromEntries(Object.entries(roleMatrix).map(([section, list]) => [section, Object.fromEntries(Object.entries(list).map(([k, roles]) => [k, [...roles]]))]));
    expect(documented).toEqual(declared);
    const header = readFileSync(path.resolve(__dirname, "../../docs/roles.md"), "utf8").split("\n").find((line) => line.startsWith("| action |"));
    expect(header).toBe(`| action | ${memberRoles.join(" | ")} |`);
  });

  it("the owner may do everything declared; read-only runs only the personal actions", () => {
    for (const action of Object.keys(roleMatrix.actions)) expect(mayRun("owner", action), action).toBe(true);
    const readOnly = Object.keys(roleMatrix.actions).filter((action) => mayRun("read-only", action));
    expect(readOnly.sort()).toEqual(["change-password#changePasswordAction", "messages#markReadAction", "messages#updateSubscriptionAction"]);
  });

  it("anything undeclared is refused to every role (fail closed)", () => {
    for (const role of memberRoles) {
      expect(mayRun(role, "nowhere#newAction")).toBe(false);
      expect(mayRun(role, "toString")).toBe(false);
      expect(mayOpen(role, "/not-declared")).toBe(false);
      expect(mayRead(role, "/api/console/not-declared")).toBe(false);
      expect(mayRead(role, "/api/console/balancex")).toBe(false);
    }
  });

  it("pages are matched by their first segment, routes by prefix", () => {
    expect(pageSegment("/")).toBe("/");
    expect(pageSegment("/bills/2026-11?x=1")).toBe("/bills");
    expect(mayOpen("finance", "/api-keys")).toBe(false);
    expect(mayOpen("developer", "/checkout/done/abc")).toBe(false);
    expect(mayRead("developer", "/bills/2026-11/csv")).toBe(true);
  });
});
