import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizeAnswer, errorAnswer, MAX_AUTHORIZE_BODY_BYTES, MAX_USAGE_BODY_BYTES, usageAnswer, type ApiAnswer, type ApiRequest } from "@/lib/metering/api-answers";
import { HSTS, NON_PAGE_HEADERS, servedOverHttps } from "@/lib/security/headers.mjs";

/**
 * The metering service's requests (issue 18 item 2): POST /api/v1/usage and POST /api/v1/authorize
 * through the same code as their route handlers (lib/metering/api-answers.ts), on plain node:http —
 * a gateway calls these on every request, and Next's routing and request wrapping cost more than a
 * cached authorize (docs/scaling.md). Every answer, including 404, 405, 413 and 500, carries the
 * headers every non-page answer carries (NON_PAGE_HEADERS, lib/security/headers.mjs).
 */
export const METERING_ROUTES: Record<string, { answer: (request: ApiRequest) => Promise<ApiAnswer>; maxBytes: number }> = {
  "/api/v1/usage": { answer: usageAnswer, maxBytes: MAX_USAGE_BODY_BYTES },
  "/api/v1/authorize": { answer: authorizeAnswer, maxBytes: MAX_AUTHORIZE_BODY_BYTES },
};

/** Answers every request: the two routes, and a JSON 404 or 405 for anything else. */
export function handleMeteringRequest(request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  const route = METERING_ROUTES[query < 0 ? url : url.slice(0, query)];
  if (!route || request.method !== "POST") {
    // The body is not read: drained, so a keep-alive connection stays usable.
    request.resume();
    if (!route) send(request, response, errorAnswer(404, "not-found", "not served here: the metering service answers POST /api/v1/usage and POST /api/v1/authorize"));
    else send(request, response, { ...errorAnswer(405, "method-not-allowed", `${request.method ?? "?"} is not allowed here: use POST`), headers: { allow: "POST" } });
    return;
  }
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
    .then((answer) => send(request, response, answer));
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

function send(request: IncomingMessage, response: ServerResponse, answer: ApiAnswer): void {
  if (response.headersSent || response.destroyed) return;
  const json = JSON.stringify(answer.body);
  const headers: Record<string, string | number> = {
    ...NON_PAGE_HEADERS,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    "cache-control": "no-store",
    ...answer.headers,
  };
  // As next.config.js does for the console's answers: HSTS once the proxy says the browser came over HTTPS.
  const proto = request.headers["x-forwarded-proto"];
  if (servedOverHttps(typeof proto === "string" ? proto : null, process.env.APP_URL)) headers["strict-transport-security"] = HSTS;
  response.writeHead(answer.status, headers);
  response.end(request.method === "HEAD" ? undefined : json);
}
