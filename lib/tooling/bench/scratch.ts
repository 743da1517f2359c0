import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createScratchDatabase } from "@/lib/tooling/testing/scratch-database";

/** A throwaway database beside the one configured, so a bench never touches test or real data. */
export async function withScratchDatabase<T>(baseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  // Named after the configured database (e.g. p1_bench_…), so whose scratch database it is shows.
  const base = new URL(baseUrl).pathname.slice(1).replace(/\W/g, "_");
  const scratch = await createScratchDatabase(baseUrl, `${base ? `${base}_` : ""}bench`);
  try {
    return await work(scratch.url);
  } finally {
    await scratch.drop();
  }
}

/** The PostgreSQL server a bench may make scratch databases on, or null (the bench says it skipped). */
export function benchDatabaseBase(): string | null {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) console.log("  skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server this bench may create a scratch database on");
  return base ?? null;
}

/** Benches that start the server need the production build: made once if `.next` has none. */
export function ensureProductionBuild(): void {
  if (existsSync(path.resolve(".next/BUILD_ID"))) return;
  console.log("  building the console first (next build, once)…");
  const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error("next build failed");
}
