import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CreateInput, CreateResult, InquiryStore } from "@/lib/inquiries/store/contract";
import { UnreadableRecordError } from "@/lib/inquiries/store/contract";
import { encrypt, parseKeyring } from "@/lib/inquiries/crypto";
import { deliverNext, type DeliveryConfig } from "@/lib/inquiries/delivery";
import type { Mailer } from "@/lib/inquiries/mail";
import type { Inquiry } from "@/lib/inquiries/schema";
import { minimalInquiry } from "../helpers/fixtures";

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
const inquiry = (over: Partial<Inquiry> = {}): Inquiry => ({ ...minimalInquiry, ...over });
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
        expect(await store.getInquiry(id)).toEqual({ id, createdAt: T0, status: "accepted", reason: null, inquiry: inquiry() });
        expect(await store.outbox(id)).toEqual({
          inquiryId: id,
          state: "pending",
          attempts: 0,
          nextAttemptAt: T0,
          firstQueuedAt: T0,
          lastError: null,
          lastResponseCode: null,
          sentAt: null,
        });
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
        await store.claimNext(T0, LEASE);
        await store.markRetry(id, T0 + 5_000, "EENVELOPE", 451);
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
        await store.claimNext(T0, LEASE);
        await store.markDead(id, "EENVELOPE", 550);
        expect(await store.outbox(id)).toMatchObject({ state: "dead", lastError: "EENVELOPE", lastResponseCode: 550 });
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
        await store.claimNext(T0, LEASE);
        await store.markUnreadable(id, T0 + 3_600_000, "ENOKEY");
        expect(await store.outbox(id)).toMatchObject({
          state: "unreadable",
          nextAttemptAt: T0 + 3_600_000,
          lastError: "ENOKEY",
          lastResponseCode: null,
          attempts: 1,
        });
        expect(await store.claimNext(T0 + 3_599_999, LEASE)).toBeUndefined();
        // Offered again when due (the slow automatic retry), as a new attempt.
        expect(await store.claimNext(T0 + 3_600_000, LEASE)).toMatchObject({ inquiryId: id, state: "sending", attempts: 2 });
        await store.markUnreadable(id, T0 + 7_200_000, "ENOKEY");
        expect(await store.requeue(id, T0 + 10)).toBe(true);
        expect(await store.outbox(id)).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: T0 + 10, firstQueuedAt: T0 + 10 });
        expect(await store.claimNext(T0 + 10, LEASE)).toMatchObject({ inquiryId: id, attempts: 1 });
      });

      it("markSent records the time and clears the last error; a sent entry is never handed out or re-queued again", async () => {
        const store = await connect();
        const id = created(await store.create(make()));
        await store.claimNext(T0, LEASE);
        await store.markRetry(id, T0, "ETIMEDOUT");
        await store.claimNext(T0, LEASE);
        await store.markSent(id, T0 + 123);
        expect(await store.outbox(id)).toMatchObject({ state: "sent", sentAt: T0 + 123, lastError: null, lastResponseCode: null });
        expect(await store.claimNext(T0 + 100 * LEASE, LEASE)).toBeUndefined();
        expect(await store.requeue(id, T0)).toBe(false);
      });

      it("counts() reports pending (including sending), dead, unreadable, and the age of the oldest pending entry", async () => {
        const store = await connect();
        expect(await store.counts(T0)).toEqual({ pending: 0, dead: 0, unreadable: 0, oldestPendingAgeMs: 0 });
        const a = created(await store.create(make({ name: "A" })));
        created(await store.create(make({ name: "B", now: T0 + 1_000 })));
        const c = created(await store.create(make({ name: "C", now: T0 + 2_000 })));
        const d = created(await store.create(make({ name: "D", now: T0 + 3_000 })));
        const e = created(await store.create(make({ name: "E", now: T0 + 4_000 })));
        created(await store.create(make({ name: "Q", quarantineReason: "honeypot" })));
        await store.claimNext(T0, LEASE); // a is now "sending": still pending for the health check
        await store.markDead(c, "EENVELOPE", 550);
        await store.markSent(d, T0 + 3_500);
        await store.markUnreadable(e, T0 + 3_600_000, "EDECRYPT");
        expect((await store.outbox(a))?.state).toBe("sending");
        expect(await store.counts(T0 + 10_000)).toEqual({ pending: 2, dead: 1, unreadable: 1, oldestPendingAgeMs: 10_000 });
      });

      it("list() filters by state, oldest first, with ids and states only", async () => {
        const store = await connect();
        const pending = created(await store.create(make({ name: "P" })));
        const sending = created(await store.create(make({ name: "S", now: T0 + 1 })));
        const dead = created(await store.create(make({ name: "D", now: T0 + 2 })));
        const sent = created(await store.create(make({ name: "X", now: T0 + 3 })));
        const unreadable = created(await store.create(make({ name: "U", now: T0 + 4 })));
        const quarantined = created(await store.create(make({ name: "Q", now: T0 + 5, quarantineReason: "honeypot" })));
        await store.markRetry(pending, T0 + 100, "ETIMEDOUT");
        await store.claimNext(T0 + 1, LEASE);
        await store.markDead(dead, "EENVELOPE", 550);
        await store.markSent(sent, T0 + 10);
        await store.markUnreadable(unreadable, T0 + 3_600_000, "ENOKEY");
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
          attempts: 0,
          lastError: "EENVELOPE",
          lastResponseCode: 550,
        });
        expect(all.find((r) => r.id === sending)).toMatchObject({ state: "sending", attempts: 1 });
        expect(all.find((r) => r.id === quarantined)).toEqual({
          id: quarantined,
          createdAt: T0 + 5,
          status: "quarantined",
          state: null,
          attempts: 0,
          lastError: null,
          lastResponseCode: null,
        });
        expect(JSON.stringify(all)).not.toMatch(/"name"|Ann|555-010/);
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
        const mk = async (name: string) => created(await store.create(make({ name })));
        const oldSent = await mk("old-sent");
        const oldPending = await mk("old-pending");
        const oldDead = await mk("old-dead");
        const oldUnreadable = await mk("old-unreadable");
        const recentSent = await mk("recent-sent");
        const oldSending = await mk("old-sending");
        const oldQuarantined = created(await store.create(make({ name: "bot", quarantineReason: "honeypot" })));
        const recentQuarantined = created(await store.create(make({ name: "bot2", quarantineReason: "honeypot", now: T0 + 100 * DAY })));
        await store.markSent(oldSent, T0 + DAY);
        await store.markDead(oldDead, "EENVELOPE", 550);
        await store.markUnreadable(oldUnreadable, T0 + DAY, "ENOKEY");
        await store.markSent(recentSent, T0 + 100 * DAY);
        await store.markRetry(oldPending, T0 + 1, "ETIMEDOUT");
        expect((await store.claimNext(T0, LEASE))?.inquiryId).toBe(oldSending);

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
