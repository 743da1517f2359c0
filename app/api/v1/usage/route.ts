import { apiKeyContext, jsonError, readJson } from "@/lib/metering/http";
import { reportUsageGrouped } from "@/lib/metering/group-commit";
import { parseUsageRequest, UsageRequestError } from "@/lib/metering/usage-request";

/** 1,000 events of at most ~300 bytes each, with room to spare. */
const MAX_BODY_BYTES = 1_000_000;

export async function POST(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request);
  if (ctx instanceof Response) return ctx;
  const read = await readJson(request, MAX_BODY_BYTES);
  if (read instanceof Response) return read;
  try {
    const events = parseUsageRequest(read.body);
    const results = await reportUsageGrouped(ctx, events);
    return Response.json({ results });
  } catch (error) {
    if (error instanceof UsageRequestError) return jsonError(error.status, error.code, error.message);
    throw error;
  }
}
