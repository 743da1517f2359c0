/**
 * `npx tsx lib/tooling/bench/profile-summary.ts FILE.cpuprofile [TOP]`: where a `node --cpu-prof` profile's
 * time went — self time by function and by package or source file, the top TOP (30) of each.
 * Profile a bench's server with BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/next/dist/… → "next", app code → its path from the project (or the .next chunk). */
export function sourceOf(url: string): string {
  if (!url) return "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return url;
  const project = url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
  return project;
}

export function summarize(profile: CpuProfile): { total: number; byFunction: Map<string, number>; bySource: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const bySource = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    total += ms;
    const source = sourceOf(frame.url);
    const name = `${frame.functionName || "(anonymous)"}  ${source}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    bySource.set(source, (bySource.get(source) ?? 0) + ms);
  });
  return { total, byFunction, bySource };
}

function printTop(title: string, values: Map<string, number>, total: number, top: number): void {
  console.log(`\n${title}`);
  const sorted = [...values].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, ms] of sorted) console.log(`${((100 * ms) / total).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error("usage: npx tsx lib/tooling/bench/profile-summary.ts FILE.cpuprofile [TOP]");
    process.exit(2);
  }
  const top = Number.parseInt(topArg ?? "30", 10);
  const { total, byFunction, bySource } = summarize(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
  const busy = total - (byFunction.get("(idle)  (native)") ?? 0);
  console.log(`${file}: ${total.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms not idle`);
  printTop(`top ${top} functions by self time (% of all samples)`, byFunction, total, top);
  printTop(`top ${top} packages / files by self time`, bySource, total, top);
}
