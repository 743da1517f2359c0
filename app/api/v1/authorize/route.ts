import { z } from "zod";
import { authorizeCall } from "@/lib/metering/authorize";
import { apiKeyContext, jsonError, qpsLimiter, readJson } from "@/lib/metering/http";

const body = z.object({ api: z.string({ error: "api must be a string" }).min(1, { error: "api must not be empty" }).max(100) });

export async function POST(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request);
  if (ctx instanceof Response) return ctx;
  const read = await readJson(request, 10_000);
  if (read instanceof Response) return read;
  const parsed = body.safeParse(read.body);
  if (!parsed.success) return jsonError(400, "malformed", `${String(parsed.error.issues[0]?.path[0] ?? "body")}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const answer = await authorizeCall({ ctx, input: parsed.data, limiter: qpsLimiter() });
  const headers = answer.status === 429 ? { "retry-after": String(Math.ceil(answer.body.retryAfterMs / 1000)) } : undefined;
  return Response.json(answer.body, { status: answer.status, headers });
}
