import "server-only";
import { cache } from "react";
import { auth } from "./index";

/**
 * The request's session, decoded once per request: the console layout, the page, its sections and
 * the support-view banner each ask, and each decoding is a JWE decryption (with its key derivation)
 * and a session-version read from the database. React's cache is per request on the server.
 */
export const currentSession = cache(() => auth());
