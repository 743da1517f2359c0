import type { IncomingMessage, ServerResponse } from "node:http";
import { NON_PAGE_HEADERS } from "@/lib/security/headers.mjs";
import { authorizeAnswer, errorAnswer, MAX_AUTHORIZE_BODY_BYTES, MAX_USAGE_BODY_BYTES, usageAnswer, type ApiAnswer, type ApiRequest } from "@/lib/metering/api-answers";

/**
 * The metering hot path without Next: POST /api/v1/usage and POST /api/v1/authorize answered by a
 * plain Node handler, through the same code as their route handlers (lib/metering/api-answers.ts).
 * A gateway calls these on every request; Next's routing, request wrapping and response streaming
 * cost more than the work itself for a cached authorize (see docs/scaling.md for the figures).
 * Anything else (other methods, other paths) is left to the next handler.
 */
const ROUTES: Record<string, { answer: (request: ApiRequest) => Promise<ApiAnswer>; maxBytes: number }> = {
  "/api/v1/usage": { answer: usageAnswer, maxBytes: MAX_USAGE_BODY_BYTES },
  "/api/v1/authorize": { answer: authorizeAnswer, maxBytes: MAX_AUTHORIZE_BODY_BYTES },
};

/** Handles the request and returns true, or returns false and leaves it untouched. */
export function serveFastPath(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST" || !request.url) return false;
  const query = request.url.indexOf("?");
  const route = ROUTES[query < 0 ? request.url : request.url.slice(0, query)];
  if (!route) return false;
  const apiRequest: ApiRequest = {
    authorization: request.headers.authorization ?? null,
    contentLength: request.headers["content-length"] ?? null,
    text: () => readText(request, route.maxBytes),
  };
  route
    .answer(apiRequest)
    .catch((error: unknown) => {
      if (error instanceof BodyTooLarge) return errorAnswer(413, "too-large", `the body is larger than ${route.maxBytes} bytes`);
      console.error(error);
      return errorAnswer(500, "internal", "internal error");
    })
    .then((answer) => send(response, answer));
  return true;
}

class BodyTooLarge extends Error {}

/** The body as UTF-8 text, refused as soon as it passes `maxBytes` (a chunked body has no declared length). */
function readText(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners("data");
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, answer: ApiAnswer): void {
  const json = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    // The security headers every answer carries (lib/security/headers.mjs), as Next's route handlers get them.
    ...NON_PAGE_HEADERS,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    "cache-control": "no-store",
    ...answer.headers,
  });
  response.end(json);
}
