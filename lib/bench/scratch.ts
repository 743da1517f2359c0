import postgres from "postgres";

/** A throwaway database beside the one configured, so a bench never touches test or real data. */
export async function withScratchDatabase<T>(baseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const admin = new URL(baseUrl);
  admin.pathname = "/postgres";
  // Named after the configured database (e.g. p1_bench_…), so whose scratch database it is shows.
  const base = new URL(baseUrl).pathname.slice(1).replace(/\W/g, "_");
  const name = `${base ? `${base}_` : ""}bench_${Date.now()}`;
  const server = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await server.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await server.unsafe(`drop database if exists ${name} with (force)`);
    await server.end();
  }
}
