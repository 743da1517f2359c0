import { createScratchDatabase } from "@/lib/testing/scratch-database";

/** A throwaway database beside the one configured, so a bench never touches test or real data. */
export async function withScratchDatabase<T>(baseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const scratch = await createScratchDatabase(baseUrl, "bench");
  try {
    return await work(scratch.url);
  } finally {
    await scratch.drop();
  }
}
