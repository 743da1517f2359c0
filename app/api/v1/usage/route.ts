import { fromRequest, toResponse, usageAnswer } from "@/lib/metering/api-answers";

/** Also served, ahead of Next, by the plain Node fast path (lib/tooling/server/api-fast-path.ts): one answer either way. */
export async function POST(request: Request): Promise<Response> {
  return toResponse(await usageAnswer(fromRequest(request)));
}
