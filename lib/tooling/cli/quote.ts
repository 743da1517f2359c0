/**
 * `npm run --silent quote -- FILE` (or `-` for stdin): prices one month of one account
 * (QUOTE.md). All logic is in lib/pricing; this file only reads input and writes output.
 */
import { readFileSync } from "node:fs";
import { errorBody, PricingError, quoteJsonText } from "@/lib/pricing";

function fail(code: "missing-argument" | "unreadable-file", message: string): never {
  process.stdout.write(`${JSON.stringify(errorBody(new PricingError(code, message)), null, 2)}\n`);
  process.exit(2);
}

function readInput(arg: string | undefined): string {
  if (arg === undefined) fail("missing-argument", "usage: npm run --silent quote -- FILE (or - for standard input)");
  try {
    return readFileSync(arg === "-" ? 0 : arg, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    fail("unreadable-file", `cannot read input file ${JSON.stringify(arg)}: ${reason}`);
  }
}

const result = quoteJsonText(readInput(process.argv[2]));
process.stdout.write(`${JSON.stringify(result.body, null, 2)}\n`);
process.exit(result.exitCode);
