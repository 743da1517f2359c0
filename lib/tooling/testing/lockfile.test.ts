/**
 * `npm ci` on a fresh machine refuses a lock file that lacks any package some locked package names
 * as an (optional) dependency — e.g. another platform's native binary. A lock made on one machine
 * can silently drop those when the registry does not serve them, and CI then breaks on the next
 * fresh checkout. This checks, without a network, what `npm ci` checks: every dependency named by a
 * locked package resolves to a locked entry, the way Node resolves it (nearest node_modules up).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  link?: boolean;
}

const lock = JSON.parse(readFileSync(path.resolve("package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockedPackage> };
const manifest = JSON.parse(readFileSync(path.resolve("package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;

/** Where Node would find `name` from the package at `from`: its own node_modules, then each parent's. */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    const candidate = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[candidate]) return true;
    if (base === "") return false;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}

describe("package-lock.json (what npm ci needs on a fresh machine)", () => {
  it("is a v3 lock whose root lists exactly package.json's dependencies", () => {
    expect(lock.lockfileVersion).toBe(3);
    const root = lock.packages[""] ?? {};
    expect(root.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(manifest.devDependencies ?? {});
  });

  it("locks every dependency and optional dependency that a locked package names", () => {
    const missing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (entry.link) continue;
      const names = [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {})];
      if (where === "") names.push(...Object.keys(entry.devDependencies ?? {}));
      for (const name of names) if (!resolves(where, name)) missing.push(`${name} (needed by ${where || "the project"})`);
    }
    expect(missing).toEqual([]);
  });
});
