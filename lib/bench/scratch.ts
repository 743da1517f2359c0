import { createScratchDatabase } from "@/lib/testing/scratch-database";

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
