import { afterEach, describe, expect, it } from "vitest";
import { requestNow, setFixedNow } from "./index";

/** A browser test's own instant (the app-test-now cookie) exists only on a test-mode server. */
describe("requestNow", () => {
  const saved = process.env.APP_TEST_MODE;
  const serverNow = new Date("2026-12-03T04:00:00Z");
  afterEach(() => {
    setFixedNow(null);
    if (saved === undefined) delete process.env.APP_TEST_MODE;
    else process.env.APP_TEST_MODE = saved;
  });

  it("ignores the cookie outside test mode", () => {
    delete process.env.APP_TEST_MODE;
    setFixedNow(serverNow);
    expect(requestNow("2027-03-01T00:30:00+08:00")).toEqual(serverNow);
  });

  it("uses the cookie's instant in test mode, and the server's now for a missing or malformed one", () => {
    process.env.APP_TEST_MODE = "1";
    setFixedNow(serverNow);
    expect(requestNow("2027-03-01T00:30:00+08:00")).toEqual(new Date("2027-02-28T16:30:00Z"));
    expect(requestNow(undefined)).toEqual(serverNow);
    expect(requestNow("next tuesday")).toEqual(serverNow);
    expect(requestNow("2027-03-01")).toEqual(serverNow);
  });
});
