import "server-only";
import type { ApiKeyScope } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { isAnswer, keyContext, toResponse } from "./api-answers";

export { qpsLimiter } from "./api-answers";

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * The API key's context, or a 401 answer: a missing, malformed, wrong or revoked key all look the
 * same, and nothing is recorded. The account comes from the key, never from the request body.
 * Every caller is a read route (API.md: packs, transactions, bills, usage summary and daily): the
 * `read` scope; the metering routes go through api-answers.ts with `usage:write`.
 */
export async function apiKeyContext(request: Request, scope: ApiKeyScope): Promise<ServiceContext | Response> {
  const ctx = await keyContext(request.headers.get("authorization"), scope);
  return isAnswer(ctx) ? toResponse(ctx) : ctx;
}
