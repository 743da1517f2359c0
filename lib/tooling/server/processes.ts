import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "@/lib/tooling/bench/server";

/** Server processes started by the tests of the production topology (metering service, console instances). */
export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it printed on stdout so far. */
  output(): string;
  exited: Promise<number | null>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited at start (code ${child.exitCode})`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}

function track(child: ChildProcess): { output: () => string; exited: Promise<number | null> } {
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { output: () => text, exited };
}

/** `npm run metering` on a free loopback port. */
export async function startMeteringProcess(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("lib/tooling/server/metering-server.ts")], {
    env: { ...process.env, ...env, METERING_PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const tracked = track(child);
  await waitUntilAnswering(`${url}/`, child, "the metering service", 60_000);
  return { url, port, child, ...tracked };
}

/** A console instance as `npm start` serves it (`next start` on the build in .next), on a free loopback port. */
export async function startConsoleProcess(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1", "--keepAliveTimeout", "65000"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const tracked = track(child);
  await waitUntilAnswering(`${url}/sign-up`, child, "a console instance", 120_000);
  return { url, port, child, ...tracked };
}
