/**
 * `node --import ./lib/tooling/cli/peer-address-preload.mjs …/next start`: every HTTP server of the
 * process records its peer, and answers TRACE (which Next cannot represent) with a 405.
 */
import http from "node:http";
import { installMethodGate } from "./method-gate.mjs";
import { installPeerAddress } from "./peer-address.mjs";

installPeerAddress(http.Server.prototype);
installMethodGate(http.Server.prototype);
