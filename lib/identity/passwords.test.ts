import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from "./passwords";

describe("passwords", () => {
  it("compares an unknown email's password against a hash of the same cost as a real one (same time), and refuses it", async () => {
    const real = await hashPassword("correct horse");
    expect(bcrypt.getRounds(UNKNOWN_USER_HASH)).toBe(bcrypt.getRounds(real));
    expect(await verifyPassword("correct horse", null)).toBe(false);
    expect(await verifyPassword("correct horse", real)).toBe(true);
    expect(await verifyPassword("wrong", real)).toBe(false);
  });
});
