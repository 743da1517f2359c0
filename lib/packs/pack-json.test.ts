import { describe, expect, it } from "vitest";
import type { PackView } from "./list";
import { packJson } from "./pack-json";

const at = new Date("2025-05-10T00:00:00+08:00");
const base: PackView = {
  id: "p1",
  api: "scan.code-recognition",
  product: "scan",
  packSpec: "scan.code-recognition:1k",
  size: 1000,
  remaining: 1000,
  source: "purchase",
  oneTimeGrant: null,
  freeMonth: null,
  deliveredAt: new Date("2025-05-08T10:00:00+08:00"),
  expiresAt: new Date("2026-05-08T10:00:00+08:00"),
  status: "active",
  purchaseId: "o1",
  refund: { refundable: true, until: new Date("2025-05-15T10:00:00+08:00") },
};

describe("packJson (API.md §1 GET /api/v1/packs)", () => {
  it("gives the contract's fields, instants as ISO strings", () => {
    expect(packJson(base, at)).toEqual({
      id: "p1",
      api: "scan.code-recognition",
      size: 1000,
      remaining: 1000,
      status: "active",
      source: "purchase",
      expiresAt: "2026-05-08T02:00:00.000Z",
      refundableUntil: "2025-05-15T02:00:00.000Z",
    });
  });

  it("gives refundableUntil only while the pack can be refunded", () => {
    expect(packJson({ ...base, remaining: 10, refund: { refundable: false, reason: "used", until: new Date() } }, at).refundableUntil).toBeNull();
  });

  it("reports a pack held for refund review by its columns: the contract has no pending status", () => {
    const held: PackView = { ...base, status: "refund-pending", refund: { refundable: false, reason: "refund-pending", until: null } };
    expect(packJson(held, at)).toMatchObject({ status: "active", refundableUntil: null });
    expect(packJson({ ...held, remaining: 0 }, at).status).toBe("exhausted");
    expect(packJson(held, new Date("2026-06-01T00:00:00Z")).status).toBe("expired");
  });
});
