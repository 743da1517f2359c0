/**
 * `npm run size` (after `next build`): each route's first-load JavaScript, gzip-compressed as a
 * browser receives it, against a 150 kB budget per route. Reads the route bundle stats Next writes
 * (.next/diagnostics/route-bundle-stats.json); the chunks shared by every route are listed once, so
 * what a route adds on top (what pulled it over, when it is over) is its own column.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

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
      return { route: route.route, total: sharedBytes + ownBytes, own: ownBytes, largest };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
  console.log(`First-load JS per route (gzip), budget ${kB(BUDGET_BYTES)}; shared by every route: ${kB(sharedBytes)} in ${shared.size} chunks`);
  console.log(`${"route".padEnd(36)} ${"total".padStart(10)} ${"own".padStart(10)}  largest own chunk`);
  let over = 0;
  for (const row of rows) {
    const flag = row.total > BUDGET_BYTES ? "  OVER" : "";
    if (flag) over += 1;
    console.log(`${row.route.padEnd(36)} ${kB(row.total).padStart(10)} ${kB(row.own).padStart(10)}  ${row.largest ? `${row.largest.chunk} ${kB(row.largest.bytes)}` : "-"}${flag}`);
  }
  console.log(over === 0 ? `All ${rows.length} routes within budget.` : `${over} of ${rows.length} routes over budget.`);
}

main();
