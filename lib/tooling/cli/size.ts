/**
 * `npm run size` (after `next build`): each route's first-load JavaScript, gzip-compressed as a
 * browser receives it, against a 150 kB budget per route. Reads the route bundle stats Next writes
 * (.next/diagnostics/route-bundle-stats.json); the chunks shared by every route are listed once, so
 * what a route adds on top is its own column. Under each route over budget, a line says what pulled it
 * over: the largest things in its own chunks, grouped by what they are (size-modules.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chunkModules } from "./size-modules";

const BUDGET_BYTES = 150 * 1024;

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.resolve(file)), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const modulesCache = new Map<string, ReturnType<typeof chunkModules>>();

/** The three heaviest things in a route's own chunks, by label (each module's gzip size on its own). */
function pulledOver(chunks: string[]): string {
  const byLabel = new Map<string, number>();
  for (const chunk of chunks) {
    let modules = modulesCache.get(chunk);
    if (!modules) modulesCache.set(chunk, (modules = chunkModules(path.resolve(chunk))));
    for (const found of modules) byLabel.set(found.label, (byLabel.get(found.label) ?? 0) + found.gzip);
  }
  const top = [...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return top.length > 0 ? top.map(([label, bytes]) => `${label} ${kB(bytes)}`).join(", ") : "(chunks not readable)";
}

function main(): void {
  const statsFile = path.resolve(".next/diagnostics/route-bundle-stats.json");
  let routes: RouteStats[];
  try {
    routes = JSON.parse(readFileSync(statsFile, "utf8")) as RouteStats[];
  } catch {
    console.error(`No ${statsFile}: run \`npx next build\` first.`);
    process.exit(2);
  }
  const shared = routes.reduce<Set<string>>((common, route, index) => (index === 0 ? new Set(route.firstLoadChunkPaths) : new Set(route.firstLoadChunkPaths.filter((chunk) => common.has(chunk)))), new Set());
  const sharedBytes = [...shared].reduce((sum, chunk) => sum + gzipBytes(chunk), 0);
  const rows = routes
    .map((route) => {
      const own = route.firstLoadChunkPaths.filter((chunk) => !shared.has(chunk));
      const ownBytes = own.reduce((sum, chunk) => sum + gzipBytes(chunk), 0);
      const largest = own.map((chunk) => ({ chunk: path.basename(chunk), bytes: gzipBytes(chunk) })).sort((a, b) => b.bytes - a.bytes)[0];
      return { route: route.route, total: sharedBytes + ownBytes, own: ownBytes, largest, ownChunks: own };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
  console.log(`First-load JS per route (gzip), budget ${kB(BUDGET_BYTES)}; shared by every route: ${kB(sharedBytes)} in ${shared.size} chunks`);
  console.log(`${"route".padEnd(36)} ${"total".padStart(10)} ${"own".padStart(10)}  largest own chunk`);
  let over = 0;
  for (const row of rows) {
    const flag = row.total > BUDGET_BYTES ? "  OVER" : "";
    if (flag) over += 1;
    console.log(`${row.route.padEnd(36)} ${kB(row.total).padStart(10)} ${kB(row.own).padStart(10)}  ${row.largest ? `${row.largest.chunk} ${kB(row.largest.bytes)}` : "-"}${flag}`);
    if (flag) console.log(`${"".padEnd(4)}over by ${kB(row.total - BUDGET_BYTES)}; largest own: ${pulledOver(row.ownChunks)}`);
  }
  console.log(over === 0 ? `All ${rows.length} routes within budget.` : `${over} of ${rows.length} routes over budget.`);
}

main();
