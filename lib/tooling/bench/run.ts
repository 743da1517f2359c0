/**
 * `npm run bench [-- NAME…]`: runs the registered benches (all, or those named) on one core
 * and prints their figures. Register a bench by adding it to BENCHES.
 */
import { wireDomainHooks } from "@/lib/hooks";
import type { Bench } from "./bench";
import { closeBench } from "./close";
import { forecastBench } from "./forecast";
import { meteringBench } from "./metering";
import { pagesBench } from "./pages";
import { pricingBench } from "./pricing";
import { topologyBench } from "./topology";

const BENCHES: readonly Bench[] = [pricingBench, meteringBench, closeBench, forecastBench, pagesBench, topologyBench];

function formatFigure(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(2);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BENCHES.some((bench) => bench.name === name));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(", ")}; known: ${BENCHES.map((bench) => bench.name).join(", ")}`);
  process.exit(2);
}

wireDomainHooks();
for (const bench of BENCHES) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  console.log(`${bench.name}: ${bench.description}`);
  for (const figure of await bench.run()) {
    console.log(`  ${figure.label}: ${formatFigure(figure.value)} ${figure.unit}`);
  }
}
