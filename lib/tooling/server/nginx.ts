import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * deploy/nginx.conf filled in and run for the tests and the bench: nginx started by us, with its
 * configuration, pid, logs and cache in a temporary folder (never Debian's service on port 80).
 */
export interface NginxLayout {
  /** What `listen` takes, e.g. `127.0.0.1:18080`. */
  listen: string;
  runtimeDir: string;
  /** HOST:PORT of each console instance and each metering service instance. */
  consoles: string[];
  metering: string[];
  user?: string;
  serverExtra?: string;
}

export const NGINX_TEMPLATE = path.resolve("deploy/nginx.conf");

export function renderNginxConf(layout: NginxLayout, template = readFileSync(NGINX_TEMPLATE, "utf8")): string {
  const servers = (addresses: string[]) => addresses.map((address) => `server ${address} max_fails=1 fail_timeout=10s;`).join("\n    ");
  const values: Record<string, string> = {
    LISTEN: layout.listen,
    RUNTIME_DIR: layout.runtimeDir,
    CONSOLE_SERVERS: servers(layout.consoles),
    METERING_SERVERS: servers(layout.metering),
    USER: layout.user ?? "www-data",
    SERVER_EXTRA: layout.serverExtra ?? "",
  };
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`deploy/nginx.conf: unknown placeholder ${whole}`);
    return value;
  });
  return filled;
}

/** The nginx binary (Debian puts it in /usr/sbin, which a non-root PATH may lack), or null. */
export function nginxBinary(): string | null {
  for (const dir of [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"]) {
    const candidate = path.join(dir, "nginx");
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export interface RunningNginx {
  url: string;
  runtimeDir: string;
  confFile: string;
  /** The access log so far (one line per request, with the upstream that answered and the cache status). */
  accessLog(): string;
  stop(): Promise<void>;
}

/** Writes the configuration into a fresh temporary folder, checks it (`nginx -t`) and runs nginx in the foreground. */
export async function startNginx(layout: Omit<NginxLayout, "runtimeDir" | "user">, binary = nginxBinary()): Promise<RunningNginx> {
  if (!binary) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const runtimeDir = mkdtempSync(path.join(tmpdir(), "console-nginx-"));
  mkdirSync(path.join(runtimeDir, "cache"));
  // As root the workers would otherwise run as www-data, which may not enter this 0700 folder.
  const user = process.getuid?.() === 0 ? "root" : undefined;
  const confFile = path.join(runtimeDir, "nginx.conf");
  writeFileSync(confFile, renderNginxConf({ ...layout, runtimeDir, user }));
  const base = ["-c", confFile, "-p", `${runtimeDir}/`, "-e", path.join(runtimeDir, "error.log")];
  const check = spawnSync(binary, [...base, "-t", "-q"], { encoding: "utf8" });
  if (check.status !== 0) {
    rmSync(runtimeDir, { recursive: true, force: true });
    throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  }
  const child = spawn(binary, [...base, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  const url = `http://${layout.listen.includes(":") ? layout.listen : `127.0.0.1:${layout.listen}`}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = readLog(path.join(runtimeDir, "error.log"));
      rmSync(runtimeDir, { recursive: true, force: true });
      throw new Error(`nginx exited at start: ${stderr}${log}`);
    }
    try {
      await fetch(`${url}/__nginx-up`, { signal: AbortSignal.timeout(1_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGTERM");
        throw new Error(`nginx did not answer on ${url}: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    runtimeDir,
    confFile,
    accessLog: () => readLog(path.join(runtimeDir, "access.log")),
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(runtimeDir, { recursive: true, force: true });
    },
  };
}

function readLog(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
