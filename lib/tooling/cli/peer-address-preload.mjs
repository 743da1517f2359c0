/** `node --import ./lib/tooling/cli/peer-address-preload.mjs …/next start`: every HTTP server of the process records its peer. */
import http from "node:http";
import { installPeerAddress } from "./peer-address.mjs";

installPeerAddress(http.Server.prototype);
