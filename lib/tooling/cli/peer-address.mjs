/**
 * Who is on the other end of the socket, for sign-in throttling (issue 9 item 6). Next.js fills
 * `X-Forwarded-For` from the socket only when the client did not send one, so a client could name
 * any address it liked. This runs before Next sees a request:
 * - without TRUST_PROXY, the forwarded headers a client sent are dropped (no proxy of ours set them);
 * - always, `x-console-peer` is set to the socket's own address (a client-sent one is overwritten).
 * Plain JavaScript: `node --import` loads it into the server process (see peer-address-preload.mjs).
 */
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** TRUST_PROXY as a number of proxy hops in front of the server: unset, "", "0", "false" → 0; "true" → 1. */
export function trustedProxyHops(value) {
  const text = String(value ?? "").trim().toLowerCase();
  if (text === "" || text === "0" || text === "false") return 0;
  if (text === "true") return 1;
  const hops = Number.parseInt(text, 10);
  if (!Number.isInteger(hops) || hops < 0 || String(hops) !== text) throw new Error(`TRUST_PROXY must be a number of proxy hops (1 for one reverse proxy), true or unset; got "${value}"`);
  return hops;
}

/** Wraps `target.emit` (an http.Server, or http.Server.prototype for every server in the process). */
export function installPeerAddress(target, env = process.env) {
  const trusted = trustedProxyHops(env.TRUST_PROXY) > 0;
  const emit = target.emit;
  target.emit = function emitWithPeer(event, request, ...rest) {
    if (event === "request" && request && request.headers) {
      if (!trusted) for (const name of FORWARDED) delete request.headers[name];
      request.headers["x-console-peer"] = request.socket?.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, request, ...rest);
  };
}
