import "server-only";
import type { ServiceContext } from "@/lib/context";
import { isAnswer, keyContext, toResponse } from "./api-answers";

export { qpsLimiter } from "./api-answers";

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * The API key's context, or a 401 answer: a missing, malformed, wrong or revoked key all look the
 * same, and nothing is recorded. The account comes from the key, never from the request body.
 */
export async function apiKeyContext(request: Request): Promise<ServiceContext | Response> {
  const ctx = await keyContext(request.headers.get("authorization"));
  return isAnswer(ctx) ? toResponse(ctx) : ctx;
}
