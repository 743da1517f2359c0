import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import type { ApiKeyScope } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { actorOf } from "@/lib/context/actor";
import { authenticateApiKey } from "./api-keys";
import { bearerSecret } from "./api-key-secret";
import { authorizeCall } from "./authorize";
import { reportUsageGrouped } from "./group-commit";
import { createQpsLimiter, type QpsLimiter } from "./qps-limiter";
import { parseUsageRequest, UsageRequestError } from "./usage-request";

/**
 * The metering API's hot endpoints, independent of any HTTP framework: Next's route handlers
 * (app/api/v1/usage, app/api/v1/authorize) and the metering service (lib/tooling/server/metering-handler.ts)
 * both answer through these, so the contract is one piece of code whichever serves it.
 */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiRequest {
  authorization: string | null;
  contentLength: string | null;
  text(): Promise<string>;
}

/** 1,000 events of at most ~300 bytes each, with room to spare. */
export const MAX_USAGE_BODY_BYTES = 1_000_000;
export const MAX_AUTHORIZE_BODY_BYTES = 10_000;

export function errorAnswer(status: number, code: string, message: string): ApiAnswer {
  return { status, body: { error: { code, message } } };
}

const unauthorized = () => errorAnswer(401, "unauthorized", "a valid API key is required: Authorization: Bearer KEY");

/** A key without the scope a call needs (issue 21 item 4): 403, the scope named. */
export function scopeAnswer(scope: ApiKeyScope): ApiAnswer {
  return errorAnswer(403, "scope", `this key lacks the scope ${scope}`);
}

/**
 * The API key's context, or a 401 answer: a missing, malformed, wrong or revoked key all look the
 * same, and nothing is recorded. The account comes from the key, never from the request body. A
 * live key without `scope` gets a 403 `scope` answer naming it, before any service runs.
 */
export async function keyContext(authorization: string | null, scope: ApiKeyScope): Promise<ServiceContext | ApiAnswer> {
  const secret = bearerSecret(authorization);
  if (!secret) return unauthorized();
  const db = await getDb();
  const at = now();
  const key = await authenticateApiKey({ db, actor: { type: "anonymous" }, now: at }, secret);
  if (!key) return unauthorized();
  if (!key.scopes.includes(scope)) return scopeAnswer(scope);
  return { db, actor: actorOf({ kind: "api-key", keyId: key.keyId, accountId: key.accountId }), now: at };
}

export function isAnswer(value: ServiceContext | ApiAnswer): value is ApiAnswer {
  return "status" in value;
}

/** Reads a JSON body no larger than `maxBytes`; a 400 or 413 answer otherwise. */
export async function readJsonBody(request: ApiRequest, maxBytes: number): Promise<{ body: unknown } | ApiAnswer> {
  const declared = Number.parseInt(request.contentLength ?? "0", 10);
  const tooLarge = () => errorAnswer(413, "too-large", `the body is larger than ${maxBytes} bytes`);
  if (declared > maxBytes) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) return tooLarge();
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return errorAnswer(400, "malformed", "the body is not valid JSON");
  }
}

/** POST /api/v1/usage (API.md §1). */
export async function usageAnswer(request: ApiRequest): Promise<ApiAnswer> {
  const ctx = await keyContext(request.authorization, "usage:write");
  if (isAnswer(ctx)) return ctx;
  const read = await readJsonBody(request, MAX_USAGE_BODY_BYTES);
  if ("status" in read) return read;
  try {
    const events = parseUsageRequest(read.body);
    return { status: 200, body: { results: await reportUsageGrouped(ctx, events) } };
  } catch (error) {
    if (error instanceof UsageRequestError) return errorAnswer(error.status, error.code, error.message);
    throw error;
  }
}

const authorizeBody = z.object({ api: z.string({ error: "api must be a string" }).min(1, { error: "api must not be empty" }).max(100) });

const holder = globalThis as unknown as { __qpsLimiter?: QpsLimiter };

/** One limiter per server process: Redis-backed (shared by every instance) when REDIS_URL is set. */
export function qpsLimiter(): QpsLimiter {
  holder.__qpsLimiter ??= createQpsLimiter();
  return holder.__qpsLimiter;
}

/** POST /api/v1/authorize (API.md §1). */
export async function authorizeAnswer(request: ApiRequest): Promise<ApiAnswer> {
  const ctx = await keyContext(request.authorization, "usage:write");
  if (isAnswer(ctx)) return ctx;
  const read = await readJsonBody(request, MAX_AUTHORIZE_BODY_BYTES);
  if ("status" in read) return read;
  const parsed = authorizeBody.safeParse(read.body);
  if (!parsed.success) return errorAnswer(400, "malformed", `${String(parsed.error.issues[0]?.path[0] ?? "body")}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const answer = await authorizeCall({ ctx, input: parsed.data, limiter: qpsLimiter() });
  const headers = answer.status === 429 ? { "retry-after": String(Math.ceil(answer.body.retryAfterMs / 1000)) } : undefined;
  return { status: answer.status, body: answer.body, headers };
}

/** For Next's route handlers. */
export function toResponse(answer: ApiAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

export function fromRequest(request: Request): ApiRequest {
  return { authorization: request.headers.get("authorization"), contentLength: request.headers.get("content-length"), text: () => request.text() };
}
