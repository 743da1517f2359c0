/**
 * Vitest setup file: every test process wires the domain's hooks as the server does at start
 * (lib/hooks), so a posting in a test checks the balance alert exactly as in production.
 */
import { wireDomainHooks } from "@/lib/hooks";

wireDomainHooks();
