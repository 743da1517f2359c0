import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { generatedFile, scanClientKeys } from "./client-keys-scan";
import { CLIENT_MESSAGE_KEYS, CLIENT_MESSAGE_PREFIXES } from "./client-keys.generated";

const root = process.cwd();
const sent = (key: string) => CLIENT_MESSAGE_KEYS.includes(key) || CLIENT_MESSAGE_PREFIXES.some((prefix) => key.startsWith(prefix));

describe("the keys sent to the browser (lib/i18n/client-keys.generated.ts)", () => {
  it("are what the source asks for today (run `npx tsx lib/i18n/client-keys-scan.ts` after adding a key to client code)", () => {
    const scan = scanClientKeys(root, Object.keys(en));
    expect(readFileSync(path.join(root, "lib/i18n/client-keys.generated.ts"), "utf8")).toBe(generatedFile(scan));
  });

  it("include every key a client component writes, and every error", () => {
    // Two client components read directly: a literal t("…") and a template prefix.
    expect(readFileSync(path.join(root, "components/shell/message-bell.tsx"), "utf8")).toMatch(/"use client"/);
    expect(sent("errors.unexpected")).toBe(true);
    expect(sent("lang.en")).toBe(true);
    const literal = /\bt\("([\w.-]+)"/.exec(readFileSync(path.join(root, "components/auth/auth-form.tsx"), "utf8"))?.[1];
    expect(literal && sent(literal)).toBe(true);
    // A helper a client component imports calls t in the browser too (components/calculator/labels.ts).
    expect(sent("api.scan.code-recognition")).toBe(true);
  });

  it("are found whatever the key: every catalog key has the shape the scan reads (a key with ':' was shown raw)", () => {
    const unreadable = Object.keys(en).filter((key) => !/^[A-Za-z][\w-]*(?:\.[\w-]+)+$/.test(key));
    expect(unreadable).toEqual([]);
    expect(sent("apiKeys.scope.usageWrite")).toBe(true);
  });

  it("leave out text only server components render", () => {
    // The overview's headings are rendered on the server; the browser never needs them.
    expect(sent("overview.welcome")).toBe(false);
    expect(sent("bills.statusLegend")).toBe(false);
    expect(CLIENT_MESSAGE_KEYS.length).toBeLessThan(Object.keys(en).length / 2);
  });
});
