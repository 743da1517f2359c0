/**
 * TRACE on any address was a 500 without security headers (issue 17 item 4): Next builds a fetch
 * `Request` for every request, and fetch refuses TRACE (and CONNECT, which Node hands to a separate
 * `connect` event that nobody listens to, so the socket just closes). proxy.ts cannot help, since it
 * is never reached. So this runs before Next, beside the peer-address preload: TRACE gets the 405
 * that proxy.ts gives any other method an address does not serve, with the same `Allow` and the
 * headers every answer carries. Plain JavaScript: `node --import` loads it (peer-address-preload.mjs).
 */
import { allowedMethods } from "../../routing/route-methods.mjs";
import { NON_PAGE_HEADERS } from "../../security/headers.mjs";

/** What Node's parser accepts but fetch's `Request` refuses. */
const UNREPRESENTABLE = new Set(["TRACE"]);

/** Wraps `target.emit` (an http.Server, or http.Server.prototype for every server in the process). */
export function installMethodGate(target) {
  const emit = target.emit;
  target.emit = function emitWithMethodGate(event, request, response, ...rest) {
    if (event === "request" && request && UNREPRESENTABLE.has(request.method)) {
      const url = request.url ?? "/";
      const query = url.indexOf("?");
      const { methods } = allowedMethods(query < 0 ? url : url.slice(0, query));
      response.writeHead(405, { ...NON_PAGE_HEADERS, Allow: methods.join(", "), "Content-Length": "0" }).end();
      return true;
    }
    return emit.call(this, event, request, response, ...rest);
  };
}
