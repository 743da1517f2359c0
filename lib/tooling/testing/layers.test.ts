import { readdirSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { DOMAIN_LEVELS } from "@/eslint.layers.mjs";

/**
 * Issue 18 item 4: the layers are enforced by `npm run lint`. Each fixture is a file's text at a
 * path of the tree, linted with the project's own config; the layer rules must report it (or not).
 */
const root = path.resolve(__dirname, "../../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.mjs") });
});

async function layerErrors(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

const importing = (source: string) => `import { thing } from "${source}";\nexport const used = thing;\n`;

describe("the layer rules report", () => {
  it.each([
    ["lib/ importing app/", "lib/wallet/fixture.ts", importing("@/app/action-manifest"), /never import app/],
    ["lib/ importing components/", "lib/billing/fixture.ts", importing("@/components/ui/button"), /never imports components/],
    ["lib/pricing importing anything of ours", "lib/pricing/fixture.ts", importing("@/lib/clock"), /lib\/pricing imports nothing of ours/],
    ["lib/pricing reaching for I/O", "lib/pricing/fixture.ts", importing("node:fs"), /no I\/O/],
    ["components/ importing app/", "components/spend/fixture.tsx", importing("@/app/(app)/(console)/budgets/actions"), /never import app/],
    ["components/ importing app/ by a relative path", "components/spend/fixture.tsx", importing("../../app/actions/locale"), /never import app/],
    ["a domain folder importing tooling", "lib/ops/fixture.ts", importing("@/lib/tooling/demo/seed"), /never imports lib\/tooling/],
    ["a test importing tooling other than testing", "lib/wallet/fixture.test.ts", importing("@/lib/tooling/cli/ops"), /may import lib\/tooling\/testing, no other/],
    ["a domain folder importing upward", "lib/wallet/fixture.ts", importing("@/lib/budgets/balance-alert"), /lib\/wallet may import only folders on a lower level/],
    ["an upward import by a relative path", "lib/wallet/fixture.ts", importing("../budgets/balance-alert"), /through `@\/…`/],
    ["an upward import from a nested file", "lib/wallet/providers/fixture.ts", importing("../../budgets/balance-alert"), /through `@\/…`/],
    ["an upward re-export", "lib/metering/fixture.ts", `export { priceUsage } from "@/lib/billing/close";\n`, /lib\/metering may import only folders on a lower level/],
    ["an upward dynamic import", "lib/wallet/fixture.ts", `export const later = () => import("@/lib/budgets/balance-alert");\n`, /lib\/wallet may import only folders on a lower level/],
    ["an import between peers of one level", "lib/packs/fixture.ts", importing("@/lib/quota/schemas"), /lib\/packs may import only folders on a lower level/],
  ])("%s", async (_name, filePath, text, message) => {
    const errors = await layerErrors(filePath, text);
    expect(errors.some((error) => message.test(error)), errors.join("\n") || "nothing reported").toBe(true);
  });
});

describe("the layer rules allow", () => {
  it.each([
    ["a downward import", "lib/budgets/fixture.ts", importing("@/lib/wallet/ledger")],
    ["an import within the folder", "lib/wallet/providers/fixture.ts", importing("../ledger")],
    ["lib/pricing its own files and data", "lib/pricing/quote/fixture.ts", importing("@/lib/pricing/catalog/products") + importing("../decimal").replace(/thing|used/g, "other")],
    ["a test its fixtures and any service", "lib/wallet/fixture.test.ts", importing("@/lib/tooling/testing/wallet-fixtures") + importing("@/lib/purchases/purchase").replace(/thing|used/g, "other")],
    ["a page importing actions, components and services", "app/(app)/(console)/fixture.tsx", importing("./budgets/actions") + importing("@/components/ui/button").replace(/thing|used/g, "b") + importing("@/lib/wallet/balance").replace(/thing|used/g, "c")],
    ["a component importing lib/", "components/spend/fixture.tsx", importing("@/lib/pricing")],
    ["tooling importing the domain", "lib/tooling/cli/fixture.ts", importing("@/lib/ops/commands")],
  ])("%s", async (_name, filePath, text) => {
    expect(await layerErrors(filePath, text)).toEqual([]);
  });
});

describe("the layer list", () => {
  it("places every folder of lib/ but tooling exactly once", () => {
    const folders = readdirSync(path.join(root, "lib"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "tooling")
      .map((entry) => entry.name)
      .sort();
    const listed = DOMAIN_LEVELS.flat();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(folders);
  });
});
