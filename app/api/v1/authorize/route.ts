import { authorizeAnswer, fromRequest, toResponse } from "@/lib/metering/api-answers";

/** In production the metering service answers this path (`npm run metering`, lib/tooling/server/metering-handler.ts): one answer either way. */
export async function POST(request: Request): Promise<Response> {
  return toResponse(await authorizeAnswer(fromRequest(request)));
}
