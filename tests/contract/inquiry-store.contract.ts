import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CreateInput, CreateResult, InquiryStore } from "@/lib/inquiries/store/contract";
import { UnreadableRecordError } from "@/lib/inquiries/store/contract";
import { encrypt, parseKeyring } from "@/lib/inquiries/crypto";
import { deliverNext, type DeliveryConfig } from "@/lib/inquiries/delivery";
import type { Mailer } from "@/lib/inquiries/mail";
import type { Inquiry } from "@/lib/inquiries/schema";
import { validInquiry } from "../helpers/fixtures";

/**
 * The behaviour every InquiryStore engine must have, written against the interface only. An engine's test file
 * calls describeInquiryStoreContract with a factory that makes a fresh, empty store location per test.
 */

/** A stored record's raw payload, as the engine keeps it (the encoding is payload.ts's, shared by every engine). */
export interface RawPayload {
  payloadVersion: number;
  keyId: string;
  blob: Buffer;
}

interface StoreLocation {
  /**
   * Opens another independent connection (store instance) to this test's store. `keys` is an INQUIRY_KEYS spec
   * ("id:base64key,…"); every connection the suite opens is closed by the suite.
   */
  open(keys: string): Promise<InquiryStore>;
  /** Test hooks that reach past the interface, to damage a record as a disk, a bug or newer code could. */
  readPayload(id: string): Promise<RawPayload>;
  writePayload(id: string, payload: RawPayload): Promise<void>;
  /** Removes whatever the location holds (called after its connections are closed). */
  destroy(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreLocation>;

const newKey = () => crypto.randomBytes(32).toString("base64");
const inquiry = (over: Partial<Inquiry> = {}): Inquiry => ({ ...validInquiry, ...over });
const WINDOW = 600_000;
const T0 = 1_700_000_000_000;
const LEASE = 60_000;
const DAY = 86_400_000;

function created(result: CreateResult): string {
  if (result.kind !== "created") throw new Error(`expected a new inquiry, got ${result.kind}`);
  return result.id;
}

/** A Mailer that records what it is asked to send; `fail` makes it throw an SMTP-like error instead. */
class RecordingMailer implements Mailer {
  readonly sent: string[] = [];
  readonly describe = "recording mailer";
  fail: { code: string; responseCode?: number } | undefined;
  async send(message: { inquiryId: string }) {
    // Give other workers a chance to run between the claim and the mark, as a real relay would.
    await new Promise((r) => setTimeout(r, Math.random() * 3));
    if (this.fail) throw Object.assign(new Error("refused"), this.fail);
    this.sent.push(message.inquiryId);
  }
  close() {}
}

const CFG: DeliveryConfig = {
  from: "website@example.org",
  to: "intake@example.org",
  leaseMs: LEASE,
  retryBaseMs: 1_000,
  retryMaxMs: 3_600_000,
  giveUpMs: 5 * DAY,
};

export function describeInquiryStoreContract(engine: string, factory: StoreFactory) {
  describe(`InquiryStore contract: ${engine}`, () => {
    let location: StoreLocation;
    let opened: InquiryStore[] = [];
    const KEYS = `k1:${newKey()}`;

    /** A connection to this test's store (closed after the test). */
    const connect = async (keys = KEYS) => {
      const store = await location.open(keys);
      opened.push(store);
      return store;
    };
    const disconnect = async (store: InquiryStore) => {
      opened = opened.filter((s) => s !== store);
      await store.close();
    };
    const make = (over: Partial<CreateInput> & { name?: string } = {}): CreateInput => {
      const { name, ...rest } = over;
      return { inquiry: inquiry(name ? { name } : {}), now: T0, dedupeWindowMs: WINDOW, ...rest };
    };
    /** Claims at `now`, checks that `id` is the entry handed out, and returns its lease token. */
    const lease = async (store: InquiryStore, id: string, now = T0) => {
      const entry = await store.claimNext(now, LEASE);
      expect(entry?.inquiryId).toBe(id);
      return entry!.leaseToken;
    };

    beforeEach(async () => {
      location = await factory();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await location.destroy();
    });

    it("names its engine", async () => {
      expect((await connect()).engine).toBe(engine);
    });

    describe("create()", () => {
      it("stores an accepted inquiry and a pending outbox entry", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        expect(id).toMatch(/^inq_[A-Za-z0-9_-]+$/);
        expect(await store.getInquiry(id)).toEqual({ id, createdAt: T0, status: "accepted", reason: null, siteLocale: "en", inquiry: inquiry() });
        expect(await store.outbox(id)).toEqual({
          inquiryId: id,
          state: "pending",
          attempts: 0,
          nextAttemptAt: T0,
          firstQueuedAt: T0,
          lastError: null,
          lastResponseCode: null,
          lastDetail: null,
          sentAt: null,
        });
      });

      it("records the edition of the site an inquiry came from (the default locale when none is given)", async () => {
        const store = await connect();
        const es = created(await store.create(make({ siteLocale: "es" })));
        expect((await store.getInquiry(es))?.siteLocale).toBe("es");
        const other = created(await store.create(make({ name: "Other" })));
        expect((await store.getInquiry(other))?.siteLocale).toBe("en");
      });

      it("keeps every optional field through the round trip, and each connection reads what another wrote", async () => {
        const full = inquiry({
          role: "professional",
          name: "José Ñúñez",
          organization: "Clinic",
          email: "jose@example.org",
          contactMethod: "email",
          insurance: "Carrier",
          message: "Two\nlines",
          voicemailOk: true,
        });
        const a = await connect();
        const b = await connect();
        const id = created(await a.create({ ...make(), inquiry: full }));
        expect((await b.getInquiry(id))?.inquiry).toEqual(full);
      });

      it("refuses to store an inquiry that does not match the schema (it could never be read back), and stores nothing", async () => {
        const store = await connect();
        const invalid = { ...inquiry(), role: "bogus" } as unknown as Inquiry;
        await expect(store.create({ ...make(), inquiry: invalid })).rejects.toThrow();
        expect(await store.list()).toEqual([]);
      });

      it("answers undefined for an unknown id", async () => {
        const store = await connect();
        expect(await store.getInquiry("inq_doesnotexist")).toBeUndefined();
        expect(await store.outbox("inq_doesnotexist")).toBeUndefined();
        expect(await store.requeue("inq_doesnotexist", T0)).toBe(false);
      });

      it("stores a quarantined inquiry without an outbox entry", async () => {
        const store = await connect();
        const id = created(await store.create(make({ quarantineReason: "honeypot" })));
        expect(await store.getInquiry(id)).toMatchObject({ status: "quarantined", reason: "honeypot" });
        expect(await store.outbox(id)).toBeUndefined();
        expect(await store.claimNext(T0 + 1, LEASE)).toBeUndefined();
      });

      it("returns the first inquiry for the same idempotency key and the same content, even outside the dedupe window", async () => {
        const store = await connect();
        const id = created(await store.create(make({ idempotencyKey: "key-0123456789abcdef" })));
        expect(await store.create(make({ idempotencyKey: "key-0123456789abcdef", now: T0 + 10 * WINDOW }))).toEqual({ kind: "duplicate", id });
        expect(await store.list()).toHaveLength(1);
      });

      it("refuses the same idempotency key with different content", async () => {
        const store = await connect();
        created(await store.create(make({ idempotencyKey: "key-0123456789abcdef" })));
        expect(await store.create(make({ name: "Bob", idempotencyKey: "key-0123456789abcdef", now: T0 + 1 }))).toEqual({ kind: "key-conflict" });
        expect(await store.list()).toHaveLength(1);
      });

      it("treats the same content without a key as a double submit inside the window, and as new after it", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        expect(await store.create(make({ now: T0 + WINDOW - 1 }))).toEqual({ kind: "duplicate", id });
        const later = created(await store.create(make({ now: T0 + WINDOW + 1 })));
        expect(later).not.toBe(id);
        expect(await store.list()).toHaveLength(2);
      });

      it("does not treat different content as a double submit", async () => {
        const store = await connect();
        const a = created(await store.create(make()));
        const b = created(await store.create({ ...make({ now: T0 + 1 }), inquiry: inquiry({ voicemailOk: true }) }));
        expect(a).not.toBe(b);
      });
    });

    describe("create() with a rate limit", () => {
      it("allows exactly max in a window (nothing stored for the refused one, with the time to the next window), then again in the next", async () => {
        const store = await connect();
        const windowMs = 10_000;
        const start = 1_700_000_000_000; // a window boundary
        const limit = { bucket: "ip:198.51.100.7", windowMs, max: 3 };
        for (const name of ["A", "B", "C"]) expect((await store.create(make({ name, now: start + 2_000, rateLimit: limit }))).kind).toBe("created");
        expect(await store.create(make({ name: "D", now: start + 4_000, rateLimit: limit }))).toEqual({ kind: "rate-limited", retryAfterMs: 6_000 });
        expect(await store.create(make({ name: "E", now: start + 9_999, rateLimit: limit }))).toEqual({ kind: "rate-limited", retryAfterMs: 1 });
        expect(await store.list()).toHaveLength(3);
        expect((await store.create(make({ name: "F", now: start + windowMs, rateLimit: limit }))).kind).toBe("created");
      });

      it("keeps buckets apart, and shares one bucket across connections", async () => {
        const a = await connect();
        const b = await connect();
        const limit = { bucket: "ip:a", windowMs: WINDOW, max: 1 };
        expect((await a.create(make({ name: "A", rateLimit: limit }))).kind).toBe("created");
        expect((await b.create(make({ name: "B", rateLimit: limit }))).kind).toBe("rate-limited");
        expect((await b.create(make({ name: "C", rateLimit: { ...limit, bucket: "ip:b" } }))).kind).toBe("created");
      });

      it("20 creates of different content from one bucket at once, over several connections: at most max accepted, the rest rate-limited", async () => {
        const conns = await Promise.all([connect(), connect(), connect(), connect()]);
        const limit = { bucket: "ip:203.0.113.9", windowMs: WINDOW, max: 5 };
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => conns[i % conns.length].create(make({ name: `Person ${i}`, now: T0 + i, rateLimit: limit }))),
        );
        const kinds = results.map((r) => r.kind);
        const accepted = kinds.filter((k) => k === "created").length;
        expect(accepted).toBeGreaterThanOrEqual(1);
        expect(accepted).toBeLessThanOrEqual(5);
        expect(kinds.filter((k) => k === "rate-limited")).toHaveLength(20 - accepted);
        expect(await conns[0].list()).toHaveLength(accepted);
      });
    });

    describe("concurrent double submits", () => {
      it("20 identical creates at once, over several connections, store exactly one inquiry; the others are duplicates of it", async () => {
        const conns = await Promise.all([connect(), connect(), connect(), connect()]);
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => conns[i % conns.length].create(make({ now: T0 + i }))));
        const ids = results.map((r) => (r.kind === "created" || r.kind === "duplicate" ? r.id : r.kind));
        expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
        expect(results.filter((r) => r.kind === "duplicate")).toHaveLength(19);
        expect(new Set(ids).size).toBe(1);
        expect((await conns[1].list()).map((r) => r.id)).toEqual([ids[0]]);
      });

      it("the same with one idempotency key", async () => {
        const conns = await Promise.all([connect(), connect(), connect()]);
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => conns[i % 3].create(make({ idempotencyKey: "idem-0123456789abcdef", now: T0 + i }))),
        );
        expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
        expect(new Set(results.map((r) => (r.kind === "created" || r.kind === "duplicate" ? r.id : r.kind))).size).toBe(1);
        expect(await conns[0].list()).toHaveLength(1);
      });
    });

    describe("the outbox", () => {
      it("leases one due entry, refuses a second claim until the lease expires, then hands it out again", async () => {
        const store = await connect();
        const other = await connect();
        const id = created(await store.create(make()));
        expect(await store.claimNext(T0 - 1, LEASE)).toBeUndefined(); // not due yet
        expect(await store.claimNext(T0, LEASE)).toMatchObject({ inquiryId: id, state: "sending", attempts: 1 });
        expect(await other.claimNext(T0 + 1, LEASE)).toBeUndefined();
        expect(await other.claimNext(T0 + LEASE, LEASE)).toBeUndefined(); // the lease is not yet in the past
        expect(await other.claimNext(T0 + LEASE + 1, LEASE)).toMatchObject({ inquiryId: id, state: "sending", attempts: 2 });
      });

      it("hands out the entry due first", async () => {
        const store = await connect();
        const a = created(await store.create(make({ name: "A", now: T0 + 5 })));
        const b = created(await store.create(make({ name: "B", now: T0 })));
        expect((await store.claimNext(T0 + 10, LEASE))?.inquiryId).toBe(b);
        expect((await store.claimNext(T0 + 10, LEASE))?.inquiryId).toBe(a);
        expect(await store.claimNext(T0 + 10, LEASE)).toBeUndefined();
      });

      it("markRetry puts the entry back as pending until its next attempt time", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        expect(await store.markRetry(id, await lease(store, id), T0 + 5_000, "EENVELOPE", 451)).toBe(true);
        expect(await store.outbox(id)).toMatchObject({
          state: "pending",
          nextAttemptAt: T0 + 5_000,
          lastError: "EENVELOPE",
          lastResponseCode: 451,
          attempts: 1,
        });
        expect(await store.claimNext(T0 + 4_999, LEASE)).toBeUndefined();
        expect(await store.claimNext(T0 + 5_000, LEASE)).toMatchObject({ inquiryId: id, attempts: 2 });
      });

      it("markDead stops delivery, and requeue (only of a dead or unreadable entry) restarts it from zero attempts", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        expect(await store.markDead(id, await lease(store, id), "EENVELOPE", 550, "550 5.1.1 No such user here")).toBe(true);
        expect(await store.outbox(id)).toMatchObject({
          state: "dead",
          lastError: "EENVELOPE",
          lastResponseCode: 550,
          lastDetail: "550 5.1.1 No such user here",
        });
        expect((await store.list("dead"))[0]).toMatchObject({ id, lastDetail: "550 5.1.1 No such user here" });
        expect(await store.claimNext(T0 + 10 * LEASE, LEASE)).toBeUndefined();

        expect(await store.requeue(id, T0 + 1_000)).toBe(true);
        expect(await store.outbox(id)).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: T0 + 1_000, firstQueuedAt: T0 + 1_000 });
        expect(await store.requeue(id, T0 + 2_000)).toBe(false); // no longer dead
        expect(await store.claimNext(T0 + 1_000, LEASE)).toMatchObject({ inquiryId: id, attempts: 1 });
        expect(await store.requeue(id, T0 + 2_000)).toBe(false); // sending
      });

      it("markUnreadable keeps the entry aside until its next attempt time; requeue brings it back at once", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        expect(await store.markUnreadable(id, await lease(store, id), T0 + 3_600_000, "ENOKEY")).toBe(true);
        expect(await store.outbox(id)).toMatchObject({
          state: "unreadable",
          nextAttemptAt: T0 + 3_600_000,
          lastError: "ENOKEY",
          lastResponseCode: null,
          attempts: 1,
        });
        expect(await store.claimNext(T0 + 3_599_999, LEASE)).toBeUndefined();
        // Offered again when due (the slow automatic retry), as a new attempt.
        const again = await store.claimNext(T0 + 3_600_000, LEASE);
        expect(again).toMatchObject({ inquiryId: id, state: "sending", attempts: 2 });
        expect(await store.markUnreadable(id, again!.leaseToken, T0 + 7_200_000, "ENOKEY")).toBe(true);
        expect(await store.requeue(id, T0 + 10)).toBe(true);
        expect(await store.outbox(id)).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: T0 + 10, firstQueuedAt: T0 + 10 });
        expect(await store.claimNext(T0 + 10, LEASE)).toMatchObject({ inquiryId: id, attempts: 1 });
      });

      it("markSent records the time and clears the last error; a sent entry is never handed out or re-queued again", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        expect(await store.markRetry(id, await lease(store, id), T0, "ETIMEDOUT")).toBe(true);
        expect(await store.markSent(id, await lease(store, id), T0 + 123)).toBe(true);
        expect(await store.outbox(id)).toMatchObject({ state: "sent", sentAt: T0 + 123, lastError: null, lastResponseCode: null });
        expect(await store.claimNext(T0 + 100 * LEASE, LEASE)).toBeUndefined();
        expect(await store.requeue(id, T0)).toBe(false);
      });

      it("counts() reports pending (including sending), dead, unreadable, and the age of the oldest pending entry", async () => {
        const store = await connect();
        expect(await store.counts(T0)).toEqual({ pending: 0, dead: 0, unreadable: 0, oldestPendingAgeMs: 0 });
        // Each settled entry is created and claimed alone, so the claim hands out that one.
        const c = created(await store.create(make({ name: "C", now: T0 + 2_000 })));
        await store.markDead(c, await lease(store, c, T0 + 2_000), "EENVELOPE", 550);
        const d = created(await store.create(make({ name: "D", now: T0 + 3_000 })));
        await store.markSent(d, await lease(store, d, T0 + 3_000), T0 + 3_500);
        const e = created(await store.create(make({ name: "E", now: T0 + 4_000 })));
        await store.markUnreadable(e, await lease(store, e, T0 + 4_000), T0 + 3_600_000, "EDECRYPT");
        const a = created(await store.create(make({ name: "A" })));
        created(await store.create(make({ name: "B", now: T0 + 1_000 })));
        created(await store.create(make({ name: "Q", quarantineReason: "honeypot" })));
        await lease(store, a, T0); // a is now "sending": still pending for the health check
        expect((await store.outbox(a))?.state).toBe("sending");
        expect(await store.counts(T0 + 10_000)).toEqual({ pending: 2, dead: 1, unreadable: 1, oldestPendingAgeMs: 10_000 });
      });

      it("list() filters by state, oldest first, with ids and states only", async () => {
        const store = await connect();
        const dead = created(await store.create(make({ name: "D", now: T0 + 2 })));
        await store.markDead(dead, await lease(store, dead, T0 + 2), "EENVELOPE", 550);
        const sent = created(await store.create(make({ name: "X", now: T0 + 3 })));
        await store.markSent(sent, await lease(store, sent, T0 + 3), T0 + 10);
        const unreadable = created(await store.create(make({ name: "U", now: T0 + 4 })));
        await store.markUnreadable(unreadable, await lease(store, unreadable, T0 + 4), T0 + 3_600_000, "ENOKEY");
        const pending = created(await store.create(make({ name: "P" })));
        await store.markRetry(pending, await lease(store, pending, T0), T0 + 100, "ETIMEDOUT");
        const sending = created(await store.create(make({ name: "S", now: T0 + 1 })));
        await lease(store, sending, T0 + 1);
        const quarantined = created(await store.create(make({ name: "Q", now: T0 + 5, quarantineReason: "honeypot" })));
        const ids = async (filter?: Parameters<InquiryStore["list"]>[0]) => (await store.list(filter)).map((r) => r.id);
        expect(await ids()).toEqual([pending, sending, dead, sent, unreadable, quarantined]);
        expect(await ids("all")).toEqual([pending, sending, dead, sent, unreadable, quarantined]);
        expect(await ids("pending")).toEqual([pending, sending]);
        expect(await ids("dead")).toEqual([dead]);
        expect(await ids("sent")).toEqual([sent]);
        expect(await ids("unreadable")).toEqual([unreadable]);
        expect(await ids("quarantined")).toEqual([quarantined]);
        const all = await store.list();
        expect(all.find((r) => r.id === dead)).toEqual({
          id: dead,
          createdAt: T0 + 2,
          status: "accepted",
          state: "dead",
          attempts: 1,
          lastError: "EENVELOPE",
          lastResponseCode: 550,
          lastDetail: null,
        });
        expect(all.find((r) => r.id === sending)).toMatchObject({ state: "sending", attempts: 1 });
        expect(all.find((r) => r.id === pending)).toMatchObject({ state: "pending", attempts: 1, lastError: "ETIMEDOUT" });
        expect(all.find((r) => r.id === quarantined)).toEqual({
          id: quarantined,
          createdAt: T0 + 5,
          status: "quarantined",
          state: null,
          attempts: 0,
          lastError: null,
          lastResponseCode: null,
          lastDetail: null,
        });
        expect(JSON.stringify(all)).not.toMatch(/"name"|Ann|555-010/);
      });
    });

    describe("leases", () => {
      it("each claim gets a new random token, known only to the holder (outbox() and list() do not show it)", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        const first = await lease(store, id);
        const second = await lease(store, id, T0 + LEASE + 1);
        expect(first).toMatch(/^[A-Za-z0-9_-]{16,}$/);
        expect(second).toMatch(/^[A-Za-z0-9_-]{16,}$/);
        expect(second).not.toBe(first);
        expect(await store.outbox(id)).not.toHaveProperty("leaseToken");
        expect(JSON.stringify([await store.outbox(id), await store.list()])).not.toContain(second);
      });

      it("an expired lease claimed by a second worker: the first one's marks and renewal change nothing and answer false", async () => {
        const a = await connect();
        const b = await connect();
        const id = created(await a.create(make()));
        const stale = await lease(a, id);
        const current = await lease(b, id, T0 + LEASE + 1);
        expect(await a.markSent(id, stale, T0 + LEASE + 2)).toBe(false);
        expect(await a.markRetry(id, stale, T0 + LEASE + 2, "ETIMEDOUT")).toBe(false);
        expect(await a.markDead(id, stale, "EENVELOPE", 550)).toBe(false);
        expect(await a.markUnreadable(id, stale, T0 + LEASE + 2, "ENOKEY")).toBe(false);
        expect(await a.renewLease(id, stale, T0 + 10 * LEASE)).toBe(false);
        expect(await b.outbox(id)).toMatchObject({ state: "sending", attempts: 2, sentAt: null, lastError: null });
        // The renewal changed nothing: the second lease expires when it was going to.
        expect(await a.claimNext(T0 + 2 * LEASE + 2, LEASE)).toMatchObject({ inquiryId: id, attempts: 3 });
        expect(await b.markRetry(id, current, T0 + 3 * LEASE, "ETIMEDOUT", 421)).toBe(false); // now the third's
      });

      it("the second worker's state stands: a late mark by the first after it settled changes nothing", async () => {
        const a = await connect();
        const b = await connect();
        const id = created(await a.create(make()));
        const stale = await lease(a, id);
        const current = await lease(b, id, T0 + LEASE + 1);
        expect(await b.markRetry(id, current, T0 + 5 * LEASE, "EENVELOPE", 451)).toBe(true);
        expect(await a.markSent(id, stale, T0 + LEASE + 3)).toBe(false);
        expect(await a.markDead(id, stale, "EENVELOPE", 550)).toBe(false);
        expect(await a.outbox(id)).toMatchObject({
          state: "pending",
          nextAttemptAt: T0 + 5 * LEASE,
          lastError: "EENVELOPE",
          lastResponseCode: 451,
          sentAt: null,
        });
        // A token is good for one settlement only.
        expect(await b.markSent(id, current, T0 + LEASE + 4)).toBe(false);
        expect((await a.outbox(id))?.state).toBe("pending");
      });

      it("a mark with a token the entry never had, or of an entry nobody holds, changes nothing", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        const before = await store.outbox(id);
        expect(await store.markSent(id, "not-a-lease-token-0000", T0)).toBe(false);
        expect(await store.markDead(id, "not-a-lease-token-0000", "EENVELOPE", 550)).toBe(false);
        expect(await store.renewLease(id, "not-a-lease-token-0000", T0 + LEASE)).toBe(false);
        expect(await store.outbox(id)).toEqual(before);
        const token = await lease(store, id);
        expect(await store.markSent("inq_doesnotexist", token, T0)).toBe(false);
        expect(await store.markSent(id, `${token}x`, T0)).toBe(false);
        expect((await store.outbox(id))?.state).toBe("sending");
      });

      it("renewLease keeps a lease from expiring, also after it ran out if nobody took it", async () => {
        const store = await connect();
        const other = await connect();
        const id = created(await store.create(make()));
        const token = await lease(store, id);
        expect(await store.renewLease(id, token, T0 + 2 * LEASE)).toBe(true);
        expect(await other.claimNext(T0 + LEASE + 1, LEASE)).toBeUndefined();
        expect(await other.claimNext(T0 + 2 * LEASE, LEASE)).toBeUndefined();
        // Ran out, not yet taken: still the holder's to renew and to mark.
        expect(await store.renewLease(id, token, T0 + 4 * LEASE)).toBe(true);
        expect(await other.claimNext(T0 + 3 * LEASE, LEASE)).toBeUndefined();
        expect(await store.outbox(id)).toMatchObject({ state: "sending", attempts: 1 });
        expect(await store.markSent(id, token, T0 + 3 * LEASE)).toBe(true);
        expect(await store.renewLease(id, token, T0 + 5 * LEASE)).toBe(false);
        expect(await store.outbox(id)).toMatchObject({ state: "sent", sentAt: T0 + 3 * LEASE });
      });

      it("requeue needs no lease, and a holder whose entry was requeued cannot mark it", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        const token = await lease(store, id);
        expect(await store.markDead(id, token, "EENVELOPE", 550)).toBe(true);
        expect(await store.requeue(id, T0 + 1)).toBe(true);
        expect(await store.markSent(id, token, T0 + 2)).toBe(false);
        expect(await store.outbox(id)).toMatchObject({ state: "pending", attempts: 0 });
      });

      it("deliverNext reports lease-lost when its lease was taken over mid-send, and the new holder's state stands", async () => {
        const a = await connect();
        const b = await connect();
        const id = created(await a.create(make()));
        const mailer = new RecordingMailer();
        const send = mailer.send.bind(mailer);
        mailer.send = async (m) => {
          // While A's send hangs, its lease expires and B takes the entry over and settles it for later.
          const taken = await b.claimNext(T0 + LEASE + 1, LEASE);
          expect(taken?.inquiryId).toBe(id);
          await b.markRetry(id, taken!.leaseToken, T0 + 9 * LEASE, "ETIMEDOUT");
          await send(m);
        };
        expect(await deliverNext(a, mailer, CFG, () => T0)).toBe("lease-lost");
        expect(mailer.sent).toEqual([id]);
        expect(await a.outbox(id)).toMatchObject({ state: "pending", nextAttemptAt: T0 + 9 * LEASE, lastError: "ETIMEDOUT", attempts: 2, sentAt: null });
      });

      it("three workers, a send that outlasts the lease: the heartbeat renews it, and each entry is sent exactly once", { timeout: 30_000 }, async () => {
        const SHORT: DeliveryConfig = { ...CFG, leaseMs: 900 };
        const SEND_MS = 2_200;
        const writer = await connect();
        const now = Date.now();
        const ids = [created(await writer.create(make({ name: "A", now: now - 10 }))), created(await writer.create(make({ name: "B", now: now - 5 })))];
        const sent: string[] = [];
        const slow: Mailer = {
          describe: "slow relay",
          async send(m) {
            await new Promise((r) => setTimeout(r, SEND_MS));
            sent.push(m.inquiryId);
          },
          close() {},
        };
        // A worker keeps polling until nothing is pending: the idle one would take over any lease that ran out
        // (and, sends outlasting every lease, they would take each other's over for ever: the deadline ends that).
        const deadline = Date.now() + 15_000;
        const work = async (store: InquiryStore) => {
          const outcomes: string[] = [];
          while (Date.now() < deadline && (await store.counts(Date.now())).pending > 0) {
            const outcome = await deliverNext(store, slow, SHORT);
            if (outcome === "idle") await new Promise((r) => setTimeout(r, 50));
            else outcomes.push(outcome);
          }
          return outcomes;
        };
        const workers = await Promise.all([connect(), connect(), connect()]);
        const outcomes = (await Promise.all(workers.map(work))).flat();
        expect(outcomes).toEqual(["sent", "sent"]);
        expect(sent.sort()).toEqual([...ids].sort());
        for (const id of ids) expect(await writer.outbox(id)).toMatchObject({ state: "sent", attempts: 1 });
      });
    });

    describe("two workers on two connections", () => {
      it("drain N entries: each is sent exactly once", async () => {
        const N = 30;
        const writer = await connect();
        for (let i = 0; i < N; i++) created(await writer.create(make({ name: `Person ${i}`, now: T0 + i })));
        const mailer = new RecordingMailer();
        const drain = async (store: InquiryStore) => {
          let n = 0;
          while ((await deliverNext(store, mailer, CFG, () => T0 + DAY)) !== "idle") n++;
          return n;
        };
        const [w1, w2] = await Promise.all([connect(), connect()]);
        const handled = await Promise.all([drain(w1), drain(w2)]);
        expect(handled[0] + handled[1]).toBe(N);
        expect(mailer.sent).toHaveLength(N);
        expect(new Set(mailer.sent).size).toBe(N);
        expect(await writer.counts(T0 + DAY)).toEqual({ pending: 0, dead: 0, unreadable: 0, oldestPendingAgeMs: 0 });
        expect(await writer.list("sent")).toHaveLength(N);
      });

      it("a permanent refusal ends dead and is not sent; requeue after the fix sends it once", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        const mailer = new RecordingMailer();
        mailer.fail = { code: "EENVELOPE", responseCode: 550 };
        expect(await deliverNext(store, mailer, CFG, () => T0)).toBe("dead");
        expect(await deliverNext(store, mailer, CFG, () => T0 + DAY)).toBe("idle");
        mailer.fail = undefined;
        expect(await store.requeue(id, T0 + DAY)).toBe(true);
        expect(await deliverNext(store, mailer, CFG, () => T0 + DAY)).toBe("sent");
        expect(mailer.sent).toEqual([id]);
      });
    });

    describe("unreadable records", () => {
      const CANARY = "zqunreadable5521";
      const secret = inquiry({ name: `Ann ${CANARY}`, message: `Private ${CANARY}` });

      /** The error getInquiry throws for `id` (failing if it does not throw one). */
      const readError = async (store: InquiryStore, id: string) => {
        const err = await store.getInquiry(id).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(UnreadableRecordError);
        const u = err as UnreadableRecordError;
        expect(u.message).not.toContain(CANARY);
        expect(u.message).toContain(id);
        return u;
      };

      /** Delivery keeps it aside: unreadable, counted, listed, never dead or sent. */
      const expectKeptAside = async (store: InquiryStore, id: string, code: string, mailer: RecordingMailer) => {
        expect(await deliverNext(store, mailer, CFG, () => T0)).toBe("unreadable");
        expect(await store.outbox(id)).toMatchObject({ state: "unreadable", lastError: code, nextAttemptAt: T0 + CFG.retryMaxMs });
        expect(await store.counts(T0)).toMatchObject({ unreadable: 1, dead: 0, pending: 0 });
        expect((await store.list("unreadable")).map((r) => r.id)).toEqual([id]);
        expect(await store.list("dead")).toEqual([]);
        // The slow automatic retry finds it still unreadable: still not dead, still not sent.
        expect(await deliverNext(store, mailer, CFG, () => T0 + 1)).toBe("idle");
        expect(await deliverNext(store, mailer, CFG, () => T0 + CFG.retryMaxMs)).toBe("unreadable");
        expect(await store.outbox(id)).toMatchObject({ state: "unreadable", attempts: 2 });
        expect(mailer.sent).toEqual([]);
      };

      it("a record whose key is no longer configured: ENOKEY, kept aside; after the key is restored, requeue + deliver sends it", async () => {
        const oldKeys = `old:${newKey()}`;
        const before = await connect(oldKeys);
        const id = created(await before.create({ ...make(), inquiry: secret }));
        await disconnect(before);

        const withoutKey = await connect(`new:${newKey()}`);
        expect((await readError(withoutKey, id)).code).toBe("ENOKEY");
        const mailer = new RecordingMailer();
        await expectKeptAside(withoutKey, id, "ENOKEY", mailer);
        // A sibling record written with the current key is unaffected.
        const fine = created(await withoutKey.create(make({ name: "Fine" })));
        expect(await deliverNext(withoutKey, mailer, CFG, () => T0 + CFG.retryMaxMs)).toBe("sent");
        expect(mailer.sent).toEqual([fine]);

        const fixed = await connect(`new:${newKey()},${oldKeys}`);
        expect(await fixed.requeue(id, T0 + DAY)).toBe(true);
        expect(await deliverNext(fixed, mailer, CFG, () => T0 + DAY)).toBe("sent");
        expect(mailer.sent).toEqual([fine, id]);
        expect(await fixed.outbox(id)).toMatchObject({ state: "sent" });
        expect(await fixed.counts(T0 + DAY)).toMatchObject({ unreadable: 0, dead: 0 });
        expect((await fixed.getInquiry(id))?.inquiry).toEqual(secret);
      });

      it("a key with the same id but other bytes: EDECRYPT", async () => {
        const before = await connect(`k:${newKey()}`);
        const id = created(await before.create({ ...make(), inquiry: secret }));
        await disconnect(before);
        expect((await readError(await connect(`k:${newKey()}`), id)).code).toBe("EDECRYPT");
      });

      it("a corrupted payload: EDECRYPT, kept aside, never dead or sent", async () => {
        const store = await connect();
        const id = created(await store.create({ ...make(), inquiry: secret }));
        const raw = await location.readPayload(id);
        const blob = Buffer.from(raw.blob);
        blob[blob.length - 1] ^= 0xff;
        await location.writePayload(id, { ...raw, blob });
        expect((await readError(store, id)).code).toBe("EDECRYPT");
        await expectKeptAside(store, id, "EDECRYPT", new RecordingMailer());
      });

      it("a payload moved onto another record does not decrypt (each is bound to its id)", async () => {
        const store = await connect();
        const a = created(await store.create({ ...make(), inquiry: secret }));
        const b = created(await store.create(make({ name: "Other" })));
        await location.writePayload(b, await location.readPayload(a));
        expect((await readError(store, b)).code).toBe("EDECRYPT");
      });

      it("a payload that decrypts but is not JSON, or is JSON that is not a valid inquiry: EPAYLOAD, kept aside", async () => {
        const store = await connect();
        const keyring = parseKeyring(KEYS);
        const a = created(await store.create(make({ name: "A" })));
        const b = created(await store.create(make({ name: "B" })));
        await location.writePayload(a, { payloadVersion: 1, ...encrypt(keyring, a, `{"name": "${CANARY}", truncated`) });
        await location.writePayload(b, { payloadVersion: 1, ...encrypt(keyring, b, JSON.stringify({ ...secret, role: "bogus", consent: false })) });
        expect((await readError(store, a)).code).toBe("EPAYLOAD");
        expect((await readError(store, b)).code).toBe("EPAYLOAD");
        const mailer = new RecordingMailer();
        expect(await deliverNext(store, mailer, CFG, () => T0)).toBe("unreadable");
        expect(await deliverNext(store, mailer, CFG, () => T0)).toBe("unreadable");
        expect(await store.counts(T0)).toMatchObject({ unreadable: 2, dead: 0, pending: 0 });
        expect(mailer.sent).toEqual([]);
      });

      it("a payload version this code does not know: EPAYLOAD_VERSION, kept aside", async () => {
        const store = await connect();
        const id = created(await store.create({ ...make(), inquiry: secret }));
        const raw = await location.readPayload(id);
        expect(raw.payloadVersion).toBe(1);
        await location.writePayload(id, { ...raw, payloadVersion: 99 });
        const err = await readError(store, id);
        expect(err.code).toBe("EPAYLOAD_VERSION");
        expect(err.message).toMatch(/\b99\b/);
        await expectKeptAside(store, id, "EPAYLOAD_VERSION", new RecordingMailer());
      });

      it("an unreadable quarantined record still throws on reading, and has no outbox entry to deliver", async () => {
        const before = await connect(`old:${newKey()}`);
        const id = created(await before.create({ ...make(), inquiry: secret, quarantineReason: "honeypot" }));
        await disconnect(before);
        const store = await connect();
        expect((await readError(store, id)).code).toBe("ENOKEY");
        expect(await store.claimNext(T0 + DAY, LEASE)).toBeUndefined();
      });
    });

    describe("purge()", () => {
      it("deletes delivered and quarantined inquiries older than the cut-off; never pending, sending, dead, unreadable or recent ones", async () => {
        const store = await connect();
        // Each is created and settled in turn, so the claim at T0 hands out the one just created.
        const mk = async (name: string) => {
          const id = created(await store.create(make({ name })));
          return { id, token: await lease(store, id) };
        };
        const sent = await mk("old-sent");
        await store.markSent(sent.id, sent.token, T0 + DAY);
        const dead = await mk("old-dead");
        await store.markDead(dead.id, dead.token, "EENVELOPE", 550);
        const unread = await mk("old-unreadable");
        await store.markUnreadable(unread.id, unread.token, T0 + DAY, "ENOKEY");
        const recent = await mk("recent-sent");
        await store.markSent(recent.id, recent.token, T0 + 100 * DAY);
        const pend = await mk("old-pending");
        await store.markRetry(pend.id, pend.token, T0 + 1, "ETIMEDOUT");
        const oldSending = (await mk("old-sending")).id;
        const oldQuarantined = created(await store.create(make({ name: "bot", quarantineReason: "honeypot" })));
        const recentQuarantined = created(await store.create(make({ name: "bot2", quarantineReason: "honeypot", now: T0 + 100 * DAY })));
        const [oldSent, oldPending, oldDead, oldUnreadable, recentSent] = [sent.id, pend.id, dead.id, unread.id, recent.id];

        expect(await store.purge(T0 + 90 * DAY)).toBe(2);
        expect(await store.getInquiry(oldSent)).toBeUndefined();
        expect(await store.outbox(oldSent)).toBeUndefined();
        expect(await store.getInquiry(oldQuarantined)).toBeUndefined();
        expect((await store.getInquiry(oldPending))?.inquiry.name).toBe("old-pending");
        expect((await store.getInquiry(oldDead))?.inquiry.name).toBe("old-dead");
        expect((await store.getInquiry(oldUnreadable))?.inquiry.name).toBe("old-unreadable");
        expect(await store.outbox(oldUnreadable)).toMatchObject({ state: "unreadable" });
        expect((await store.list()).map((r) => r.id).sort()).toEqual([oldPending, oldDead, oldUnreadable, recentSent, oldSending, recentQuarantined].sort());
        expect(await store.purge(T0 + 90 * DAY)).toBe(0);
      });

      it("drops rate-limit windows older than the cut-off", async () => {
        const store = await connect();
        const limit = { bucket: "ip:a", windowMs: 1_000, max: 1 };
        expect((await store.create(make({ name: "A", now: 0, rateLimit: limit }))).kind).toBe("created");
        expect((await store.create(make({ name: "B", now: 1, rateLimit: limit }))).kind).toBe("rate-limited");
        await store.purge(0); // nothing older than 0: the window stays
        expect((await store.create(make({ name: "C", now: 2, rateLimit: limit }))).kind).toBe("rate-limited");
        await store.purge(10_000);
        expect((await store.create(make({ name: "D", now: 3, rateLimit: limit }))).kind).toBe("created");
      });
    });
  });
}
