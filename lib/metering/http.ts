import "server-only";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import type { ServiceContext } from "@/lib/context";
import { authenticateApiKey } from "./api-keys";
import { bearerSecret } from "./api-key-secret";
import { createQpsLimiter, type QpsLimiter } from "./qps-limiter";

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * The API key's context, or a 401 answer: a missing, malformed, wrong or revoked key all look the
 * same, and nothing is recorded. The account comes from the key, never from the request body.
 */
export async function apiKeyContext(request: Request): Promise<ServiceContext | Response> {
  const secret = bearerSecret(request.headers.get("authorization"));
  if (!secret) return jsonError(401, "unauthorized", "a valid API key is required: Authorization: Bearer KEY");
  const db = await getDb();
  const at = now();
  const key = await authenticateApiKey({ db, actor: { type: "anonymous" }, now: at }, secret);
  if (!key) return jsonError(401, "unauthorized", "a valid API key is required: Authorization: Bearer KEY");
  return { db, actor: { type: "api-key", keyId: key.keyId, accountId: key.accountId }, now: at };
}

/** Reads a JSON body no larger than `maxBytes`; a 400 or 413 answer otherwise. */
export async function readJson(request: Request, maxBytes: number): Promise<{ body: unknown } | Response> {
  const declared = Number.parseInt(request.headers.get("content-length") ?? "0", 10);
  if (declared > maxBytes) return jsonError(413, "too-large", `the body is larger than ${maxBytes} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) return jsonError(413, "too-large", `the body is larger than ${maxBytes} bytes`);
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return jsonError(400, "malformed", "the body is not valid JSON");
  }
}

const holder = globalThis as unknown as { __qpsLimiter?: QpsLimiter };

/** One limiter per server process: Redis-backed (shared by every instance) when REDIS_URL is set. */
export function qpsLimiter(): QpsLimiter {
  holder.__qpsLimiter ??= createQpsLimiter();
  return holder.__qpsLimiter;
}
