import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** The impacts that fail the suite (issue 11: zero serious or critical violations on every page). */
const FAILING = new Set(["serious", "critical"]);

export interface AxeFinding {
  url: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now; the serious and critical violations, one per rule. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => FAILING.has(v.impact ?? ""))
    .map((v) => ({ url: new URL(page.url()).pathname, id: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

export function describeFindings(findings: AxeFinding[]): string {
  return findings.map((f) => `${f.url} ${f.impact} ${f.id}: ${f.help}\n    ${f.targets.join("\n    ")}`).join("\n");
}
