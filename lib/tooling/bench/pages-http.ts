import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** Signs in through next-auth's credentials endpoint (as the sign-in form's action does) and returns the Cookie header. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/customer`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${response.status} ${response.headers.get("location") ?? ""})`);
  return cookie();
}

/** Fetches a page as a browser would ask for it; throws unless it is a 200 (a redirect to sign-in is a failure). */
export async function fetchPage(url: string, cookie: string | null): Promise<Uint8Array> {
  const response = await fetch(url, { redirect: "manual", headers: { accept: "text/html", "accept-encoding": "identity", ...(cookie ? { cookie } : {}) } });
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  return body;
}

export function pageBytes(body: Uint8Array): { raw: number; gzip: number } {
  return { raw: body.byteLength, gzip: gzipSync(body).byteLength };
}

/** A process's user + system CPU time in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}
