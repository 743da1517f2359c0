import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleMeteringRequest } from "./metering-handler";

/**
 * The metering API as a server of its own (issue 18 item 2), with a graceful stop: `shutdown()`
 * stops accepting connections, lets every request already received finish — a usage batch is one
 * database transaction, so it is recorded whole or not at all, and the gateway gets its answer —
 * closes idle keep-alive connections (and each busy one after its answer, `Connection: close`),
 * then resolves. A request still running after `drainMs` has its connection closed: its transaction
 * rolls back, and the gateway's retry with the same event ids is counted once.
 */
export interface MeteringService {
  server: Server;
  /** Resolves once listening, with the bound port. */
  listening: Promise<number>;
  /** Requests received and not yet answered. */
  inFlight(): number;
  shutdown(): Promise<void>;
}

export function createMeteringService({ port, hostname, drainMs = 25_000 }: { port: number; hostname: string; drainMs?: number }): MeteringService {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const server = createServer((request, response) => {
    inFlight.add(response);
    response.once("close", () => {
      inFlight.delete(response);
      if (draining) server.closeIdleConnections();
    });
    if (draining) response.setHeader("connection", "close");
    handleMeteringRequest(request, response);
  });
  // Gateways and nginx keep their connections open; outlive a typical 60 s idle timeout in front.
  server.keepAliveTimeout = 65_000;
  const listening = new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve((server.address() as AddressInfo).port));
  });
  let stopped: Promise<void> | undefined;
  const shutdown = () => {
    stopped ??= new Promise<void>((resolve) => {
      draining = true;
      // Answers still to come end their connection: the client opens its next one elsewhere.
      for (const response of inFlight) if (!response.headersSent) response.setHeader("connection", "close");
      const force = setTimeout(() => server.closeAllConnections(), drainMs);
      force.unref();
      // close(): no new connections; its callback runs once every open one has ended.
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    return stopped;
  };
  return { server, listening, inFlight: () => inFlight.size, shutdown };
}
