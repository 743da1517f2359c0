import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "@/lib/tooling/testing/free-port";

export { freePort };

/** Which server: `next start` (what `npm start` runs), the metering service (`npm run metering`), or a bare Node answer. */
export type ServerKind = "next" | "metering" | "bare";

function serverArgs(kind: ServerKind, port: number): string[] {
  if (kind === "next") return [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  if (kind === "metering") return ["--conditions=react-server", "--import", "tsx", "lib/tooling/server/metering-server.ts"];
  // The ceiling of an HTTP round trip on this machine with this client: a fixed JSON answer.
  return ["-e", `require("node:http").createServer((q, s) => { q.resume(); q.on("end", () => s.writeHead(200, { "content-type": "application/json" }).end('{"allowed":true}')); }).listen(${port}, "127.0.0.1")`];
}

export interface StartedServer {
  url: string;
  /** The server process itself (its CPU time is in /proc/<pid>/stat). */
  pid: number;
  stop: () => void;
  /** Resolves when the process has exited (a --cpu-prof profile is written by then). */
  exited: Promise<void>;
}

/**
 * Starts a server on loopback with the given environment; resolves when it answers `readyPath`
 * (by default `/sign-in` for Next: pass a static file to leave every page unasked, cold).
 */
export async function startServer(env: Record<string, string>, kind: ServerKind = "next", readyPath = kind === "next" ? "/sign-in" : "/"): Promise<StartedServer> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server itself.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...(kind === "bare" ? [] : nodeArgs), ...serverArgs(kind, port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOSTNAME: "127.0.0.1", ...env },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}${readyPath}`);
      // The metering service answers 404 to anything but its two routes: answering at all means up.
      if (response.ok || kind === "metering") return { url, pid: child.pid ?? 0, exited, stop: () => child.kill(process.env.BENCH_SERVER_SIGNAL === "SIGINT" ? "SIGINT" : "SIGTERM") };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error("the server did not start within 120 s");
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? 0;
}

/** Runs `task` `count` times with `concurrency` in flight; returns each call's latency in ms, sorted, and the wall time. */
export async function drive(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}
