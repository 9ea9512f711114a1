import { describe, expect, it } from "vitest";
import type { InquiryStore } from "@/lib/inquiries/store/contract";
import { StoreUnavailableError, unavailableStore, withAvailability } from "@/lib/inquiries/store/availability";

/** A store whose counts() fails with the given codes in turn, then answers. */
function flakyStore(codes: string[]): InquiryStore & { calls: number } {
  const store = {
    engine: "sqlite",
    calls: 0,
    async counts() {
      const code = codes[store.calls++];
      if (code) throw Object.assign(new Error(code), { code });
      return { pending: 1, dead: 0, unreadable: 0, oldestPendingAgeMs: 0 };
    },
    async close() {},
  };
  return store as unknown as InquiryStore & { calls: number };
}

const noSleep = async () => {};

describe("withAvailability", () => {
  it("asks again while another connection holds the lock, and answers once it is free", async () => {
    const inner = flakyStore(["SQLITE_BUSY", "SQLITE_BUSY", "SQLITE_LOCKED"]);
    await expect(withAvailability(inner, 5_000, noSleep).counts(0)).resolves.toMatchObject({ pending: 1 });
    expect(inner.calls).toBe(4);
  });

  it("gives up with StoreUnavailableError(SQLITE_BUSY) once the wait is over", async () => {
    const inner = flakyStore(Array(10_000).fill("SQLITE_BUSY"));
    const err = await withAvailability(inner, 50)
      .counts(0)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err).toMatchObject({ code: "SQLITE_BUSY" });
    expect(inner.calls).toBeGreaterThan(1);
  });

  it.each(["SQLITE_FULL", "SQLITE_READONLY", "SQLITE_CORRUPT", "SQLITE_IOERR_WRITE", "ENOSPC"])(
    "reports %s as unavailable at once, without asking again",
    async (code) => {
      const inner = flakyStore([code, code]);
      await expect(withAvailability(inner, 5_000, noSleep).counts(0)).rejects.toMatchObject({ name: "StoreUnavailableError", code });
      expect(inner.calls).toBe(1);
    },
  );

  it("passes a program error through unchanged", async () => {
    const inner = flakyStore(["ERR_SOMETHING_ELSE"]);
    await expect(withAvailability(inner, 5_000, noSleep).counts(0)).rejects.not.toBeInstanceOf(StoreUnavailableError);
  });

  it("a store that never opened answers every call with its reason, and closes quietly", async () => {
    const store = unavailableStore("SQLITE_NOTADB");
    await expect(store.counts(0)).rejects.toMatchObject({ code: "SQLITE_NOTADB" });
    await expect(store.list()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.close()).resolves.toBeUndefined();
  });
});
