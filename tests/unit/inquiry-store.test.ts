import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InquiryStore, openDatabase } from "@/lib/inquiries/store";
import { parseKeyring } from "@/lib/inquiries/crypto";
import type { Inquiry } from "@/lib/inquiries/schema";
import { minimalInquiry } from "../helpers/fixtures";

const newKey = () => crypto.randomBytes(32).toString("base64");

const inquiry = (over: Partial<Inquiry> = {}): Inquiry => ({ ...minimalInquiry, ...over });

const WINDOW = 600_000;
const T0 = 1_700_000_000_000;

let dir: string;
let dbFile: string;
const open: InquiryStore[] = [];

/** Opens a store on the test's database file (closed after the test). */
function openStore(keys = `k1:${KEY1}`): InquiryStore {
  const store = new InquiryStore(openDatabase(dbFile), parseKeyring(keys));
  open.push(store);
  return store;
}

function closeStore(store: InquiryStore) {
  store.close();
  open.splice(open.indexOf(store), 1);
}

const KEY1 = newKey();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-store-"));
  dbFile = path.join(dir, "inquiries.db");
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function created(result: ReturnType<InquiryStore["create"]>): string {
  if (result.kind !== "created") throw new Error(`expected a new inquiry, got ${result.kind}`);
  return result.id;
}

describe("openDatabase", () => {
  const expectDurable = (db: ReturnType<typeof openDatabase>) => {
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    expect(Number(db.pragma("busy_timeout", { simple: true }))).toBeGreaterThanOrEqual(5000);
    expect(db.pragma("secure_delete", { simple: true })).toBe(1);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
  };

  it("sets the durability pragmas on a fresh database", () => {
    const db = openDatabase(dbFile);
    try {
      expectDurable(db);
    } finally {
      db.close();
    }
  });

  it("sets them again when the same file is reopened, and on a second concurrent connection", () => {
    openDatabase(dbFile).close();
    const a = openDatabase(dbFile);
    const b = openDatabase(dbFile);
    try {
      expectDurable(a);
      expectDurable(b);
    } finally {
      a.close();
      b.close();
    }
  });

  it("creates the data folder if it is missing", () => {
    const nested = path.join(dir, "a", "b", "inquiries.db");
    openDatabase(nested).close();
    expect(fs.existsSync(nested)).toBe(true);
  });
});

describe("create()", () => {
  it("stores an accepted inquiry and a pending outbox entry", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW }));
    expect(id).toMatch(/^inq_[A-Za-z0-9_-]+$/);
    expect(store.getInquiry(id)).toEqual({ id, createdAt: T0, status: "accepted", reason: null, inquiry: inquiry() });
    expect(store.outbox(id)).toEqual({
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

  it("stores a quarantined inquiry without an outbox entry", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: inquiry(), quarantineReason: "honeypot", now: T0, dedupeWindowMs: WINDOW }));
    expect(store.getInquiry(id)).toMatchObject({ status: "quarantined", reason: "honeypot" });
    expect(store.outbox(id)).toBeUndefined();
    expect(store.claimNext(T0 + 1, 1000)).toBeUndefined();
  });

  it("returns the first inquiry for the same idempotency key and the same content", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: inquiry(), idempotencyKey: "key-0123456789abcdef", now: T0, dedupeWindowMs: WINDOW }));
    // Even outside the dedupe window, the key still identifies the same inquiry.
    expect(store.create({ inquiry: inquiry(), idempotencyKey: "key-0123456789abcdef", now: T0 + 10 * WINDOW, dedupeWindowMs: WINDOW })).toEqual({
      kind: "duplicate",
      id,
    });
    expect(store.list()).toHaveLength(1);
  });

  it("refuses the same idempotency key with different content", () => {
    const store = openStore();
    created(store.create({ inquiry: inquiry(), idempotencyKey: "key-0123456789abcdef", now: T0, dedupeWindowMs: WINDOW }));
    expect(store.create({ inquiry: inquiry({ name: "Bob" }), idempotencyKey: "key-0123456789abcdef", now: T0 + 1, dedupeWindowMs: WINDOW })).toEqual({
      kind: "key-conflict",
    });
    expect(store.list()).toHaveLength(1);
  });

  it("treats the same content without a key as a double submit inside the window, and as new after it", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW }));
    expect(store.create({ inquiry: inquiry(), now: T0 + WINDOW - 1, dedupeWindowMs: WINDOW })).toEqual({ kind: "duplicate", id });
    const later = created(store.create({ inquiry: inquiry(), now: T0 + WINDOW + 1, dedupeWindowMs: WINDOW }));
    expect(later).not.toBe(id);
    expect(store.list()).toHaveLength(2);
  });

  it("does not treat different content as a double submit", () => {
    const store = openStore();
    const a = created(store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW }));
    const b = created(store.create({ inquiry: inquiry({ voicemailOk: true }), now: T0 + 1, dedupeWindowMs: WINDOW }));
    expect(a).not.toBe(b);
  });
});

describe("the outbox", () => {
  const LEASE = 60_000;

  it("leases one due entry, refuses a second claim until the lease expires, then hands it out again", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW }));
    expect(store.claimNext(T0 - 1, LEASE)).toBeUndefined(); // not due yet

    const first = store.claimNext(T0, LEASE);
    expect(first).toMatchObject({ inquiryId: id, state: "sending", attempts: 1 });
    expect(store.claimNext(T0 + 1, LEASE)).toBeUndefined();
    expect(store.claimNext(T0 + LEASE, LEASE)).toBeUndefined(); // lease_until is not yet in the past

    const again = store.claimNext(T0 + LEASE + 1, LEASE);
    expect(again).toMatchObject({ inquiryId: id, state: "sending", attempts: 2 });
  });

  it("hands out the entry due first", () => {
    const store = openStore();
    const a = created(store.create({ inquiry: inquiry({ name: "A" }), now: T0 + 5, dedupeWindowMs: WINDOW }));
    const b = created(store.create({ inquiry: inquiry({ name: "B" }), now: T0, dedupeWindowMs: WINDOW }));
    expect(store.claimNext(T0 + 10, LEASE)?.inquiryId).toBe(b);
    expect(store.claimNext(T0 + 10, LEASE)?.inquiryId).toBe(a);
    expect(store.claimNext(T0 + 10, LEASE)).toBeUndefined();
  });

  it("markRetry puts the entry back as pending until its next attempt time", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW }));
    store.claimNext(T0, LEASE);
    store.markRetry(id, T0 + 5_000, "EENVELOPE", 451);
    expect(store.outbox(id)).toMatchObject({ state: "pending", nextAttemptAt: T0 + 5_000, lastError: "EENVELOPE", lastResponseCode: 451, attempts: 1 });
    expect(store.claimNext(T0 + 4_999, LEASE)).toBeUndefined();
    expect(store.claimNext(T0 + 5_000, LEASE)).toMatchObject({ inquiryId: id, attempts: 2 });
  });

  it("markDead stops delivery, and requeue (only of a dead entry) restarts it from zero attempts", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW }));
    store.claimNext(T0, LEASE);
    store.markDead(id, "EENVELOPE", 550);
    expect(store.outbox(id)).toMatchObject({ state: "dead", lastError: "EENVELOPE", lastResponseCode: 550 });
    expect(store.claimNext(T0 + 10 * LEASE, LEASE)).toBeUndefined();

    expect(store.requeue(id, T0 + 1_000)).toBe(true);
    expect(store.outbox(id)).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: T0 + 1_000, firstQueuedAt: T0 + 1_000 });
    expect(store.requeue(id, T0 + 2_000)).toBe(false); // no longer dead
    expect(store.claimNext(T0 + 1_000, LEASE)).toMatchObject({ inquiryId: id, attempts: 1 });
  });

  it("markSent records the time and clears the last error; a sent entry is never handed out again", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW }));
    store.claimNext(T0, LEASE);
    store.markRetry(id, T0, "ETIMEDOUT");
    store.claimNext(T0, LEASE);
    store.markSent(id, T0 + 123);
    expect(store.outbox(id)).toMatchObject({ state: "sent", sentAt: T0 + 123, lastError: null, lastResponseCode: null });
    expect(store.claimNext(T0 + 100 * LEASE, LEASE)).toBeUndefined();
    expect(store.requeue(id, T0)).toBe(false);
  });

  it("counts() reports pending (including sending), dead, and the age of the oldest pending entry", () => {
    const store = openStore();
    expect(store.counts(T0)).toEqual({ pending: 0, dead: 0, oldestPendingAgeMs: 0 });
    const a = created(store.create({ inquiry: inquiry({ name: "A" }), now: T0, dedupeWindowMs: WINDOW }));
    created(store.create({ inquiry: inquiry({ name: "B" }), now: T0 + 1_000, dedupeWindowMs: WINDOW }));
    const c = created(store.create({ inquiry: inquiry({ name: "C" }), now: T0 + 2_000, dedupeWindowMs: WINDOW }));
    const d = created(store.create({ inquiry: inquiry({ name: "D" }), now: T0 + 3_000, dedupeWindowMs: WINDOW }));
    created(store.create({ inquiry: inquiry({ name: "Q" }), quarantineReason: "honeypot", now: T0, dedupeWindowMs: WINDOW }));
    store.claimNext(T0, LEASE); // a is now "sending": still pending for the health check
    store.markDead(c, "EENVELOPE", 550);
    store.markSent(d, T0 + 3_500);
    expect(store.outbox(a)?.state).toBe("sending");
    expect(store.counts(T0 + 10_000)).toEqual({ pending: 2, dead: 1, oldestPendingAgeMs: 10_000 });
  });
});

describe("hitRateLimit", () => {
  it("allows exactly max hits in a window, then refuses until the next window", () => {
    const store = openStore();
    const windowMs = 10_000;
    const start = 1_000_000; // a window boundary
    for (let i = 0; i < 3; i++) expect(store.hitRateLimit("ip:a", start + 2_000 + i, windowMs, 3).allowed).toBe(true);
    const refused = store.hitRateLimit("ip:a", start + 4_000, windowMs, 3);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(6_000);
    expect(store.hitRateLimit("ip:a", start + 9_999, windowMs, 3)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(store.hitRateLimit("ip:a", start + windowMs, windowMs, 3).allowed).toBe(true);
  });

  it("keeps buckets apart", () => {
    const store = openStore();
    expect(store.hitRateLimit("ip:a", 0, 1_000, 1).allowed).toBe(true);
    expect(store.hitRateLimit("ip:a", 1, 1_000, 1).allowed).toBe(false);
    expect(store.hitRateLimit("ip:b", 1, 1_000, 1).allowed).toBe(true);
  });
});

describe("encryption at rest", () => {
  const CANARY = "zqcanary7731";
  const CANARY_PHONE = "555-010-0177";
  const secret = inquiry({
    role: "professional",
    name: `Ann ${CANARY}`,
    organization: `Clinic ${CANARY}`,
    phone: CANARY_PHONE,
    email: `${CANARY}@example.org`,
    insurance: `Carrier ${CANARY}`,
    message: `Message ${CANARY}\nsecond line ${CANARY}`,
  });

  /** Which of the database files on disk contain a byte sequence. */
  const filesContaining = (needle: Buffer | string) =>
    [dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(typeof needle === "string" ? Buffer.from(needle) : needle));

  it("keeps every text field out of the .db and -wal files while getInquiry decrypts it", () => {
    const store = openStore();
    const id = created(store.create({ inquiry: secret, idempotencyKey: "idem-0123456789abcdef", now: T0, dedupeWindowMs: WINDOW }));
    expect(fs.statSync(`${dbFile}-wal`).size).toBeGreaterThan(0); // the write really is on disk, in the WAL
    expect(filesContaining(CANARY)).toEqual([]);
    expect(filesContaining(CANARY_PHONE)).toEqual([]);
    expect(store.getInquiry(id)?.inquiry).toEqual(secret);

    store.db.pragma("wal_checkpoint(TRUNCATE)");
    expect(filesContaining(CANARY)).toEqual([]);
    closeStore(store);
    expect(filesContaining(CANARY)).toEqual([]);
    expect(filesContaining(CANARY_PHONE)).toEqual([]);
  });

  it("the search itself works: an unencrypted write of the canary is found", () => {
    const db = openDatabase(dbFile);
    try {
      db.prepare("INSERT INTO rate_limits (bucket, window_start, count) VALUES (?, 0, 1)").run(CANARY);
      expect(filesContaining(CANARY).length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it("binds each record to its id: a payload moved onto another row does not decrypt", () => {
    const store = openStore();
    const a = created(store.create({ inquiry: secret, now: T0, dedupeWindowMs: WINDOW }));
    const b = created(store.create({ inquiry: inquiry({ name: "Other" }), now: T0, dedupeWindowMs: WINDOW }));
    store.db.prepare("UPDATE inquiries SET payload = (SELECT payload FROM inquiries WHERE id = ?) WHERE id = ?").run(a, b);
    expect(() => store.getInquiry(b)).toThrow();
  });

  it("decrypts records written with an older key that is still listed, and encrypts new ones with the first key", () => {
    const oldKey = newKey();
    const before = openStore(`old:${oldKey}`);
    const oldId = created(before.create({ inquiry: secret, now: T0, dedupeWindowMs: WINDOW }));
    closeStore(before);

    const rotated = openStore(`new:${newKey()},old:${oldKey}`);
    expect(rotated.getInquiry(oldId)?.inquiry).toEqual(secret);
    const newId = created(rotated.create({ inquiry: inquiry({ name: "After rotation" }), now: T0, dedupeWindowMs: WINDOW }));
    const keyIds = rotated.db.prepare("SELECT id, key_id FROM inquiries").all() as { id: string; key_id: string }[];
    expect(Object.fromEntries(keyIds.map((r) => [r.id, r.key_id]))).toEqual({ [oldId]: "old", [newId]: "new" });
  });

  it("throws on reading a record whose key is no longer configured", () => {
    const before = openStore(`old:${newKey()}`);
    const id = created(before.create({ inquiry: secret, now: T0, dedupeWindowMs: WINDOW }));
    closeStore(before);
    const after = openStore(`new:${newKey()}`);
    expect(() => after.getInquiry(id)).toThrow(/no key with id "old"/);
  });

  it("throws on reading with a different key under the same id", () => {
    const before = openStore(`k:${newKey()}`);
    const id = created(before.create({ inquiry: secret, now: T0, dedupeWindowMs: WINDOW }));
    closeStore(before);
    expect(() => openStore(`k:${newKey()}`).getInquiry(id)).toThrow();
  });
});

describe("purge()", () => {
  const CANARY = "zqpurgecanary4402";
  const DAY = 86_400_000;

  it("deletes delivered inquiries older than the cut-off, keeps pending, dead and recent ones, and leaves no trace on disk", () => {
    const store = openStore();
    const make = (name: string, now: number) =>
      created(store.create({ inquiry: inquiry({ name, message: `${name} ${CANARY}` }), now, dedupeWindowMs: WINDOW }));
    const oldSent = make("old-sent", T0);
    const oldPending = make("old-pending", T0);
    const oldDead = make("old-dead", T0);
    const recentSent = make("recent-sent", T0);
    const oldQuarantined = created(store.create({ inquiry: inquiry({ name: "bot" }), quarantineReason: "honeypot", now: T0, dedupeWindowMs: WINDOW }));
    store.markSent(oldSent, T0 + DAY);
    store.markDead(oldDead, "EENVELOPE", 550);
    store.markSent(recentSent, T0 + 100 * DAY);

    const payload = (store.db.prepare("SELECT payload FROM inquiries WHERE id = ?").get(oldSent) as { payload: Buffer }).payload;
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    const onDisk = () => [dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(payload));
    expect(onDisk()).toEqual([dbFile]); // the ciphertext is on disk before the purge

    expect(store.purge(T0 + 90 * DAY)).toBe(2);
    expect(store.getInquiry(oldSent)).toBeUndefined();
    expect(store.outbox(oldSent)).toBeUndefined();
    expect(store.getInquiry(oldQuarantined)).toBeUndefined();
    expect(store.getInquiry(oldPending)?.inquiry.name).toBe("old-pending");
    expect(store.getInquiry(oldDead)?.inquiry.name).toBe("old-dead");
    expect(store.getInquiry(recentSent)?.inquiry.name).toBe("recent-sent");
    expect(
      store
        .list()
        .map((r) => r.id)
        .sort(),
    ).toEqual([oldPending, oldDead, recentSent].sort());

    // secure_delete zeroes the freed bytes and the checkpoint empties the WAL: neither the plaintext nor the
    // deleted ciphertext survives anywhere in the files.
    const files = [dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f));
    for (const f of files) expect(fs.readFileSync(f).includes(Buffer.from(CANARY)), f).toBe(false);
    expect(onDisk()).toEqual([]);
  });

  it("drops rate-limit windows older than the cut-off", () => {
    const store = openStore();
    store.hitRateLimit("ip:a", 0, 1_000, 1);
    store.purge(10_000);
    expect(store.hitRateLimit("ip:a", 0, 1_000, 1).allowed).toBe(true);
  });
});

describe("create() with a rate limit", () => {
  it("counts in the same transaction: the request over the limit stores nothing and says when to retry", () => {
    const store = openStore();
    const limit = { bucket: "ip:198.51.100.7", windowMs: WINDOW, max: 2 };
    for (const name of ["A", "B"]) {
      expect(store.create({ inquiry: inquiry({ name }), now: T0, dedupeWindowMs: WINDOW, rateLimit: limit }).kind).toBe("created");
    }
    const refused = store.create({ inquiry: inquiry({ name: "C" }), now: T0, dedupeWindowMs: WINDOW, rateLimit: limit });
    expect(refused.kind).toBe("rate-limited");
    expect(refused.kind === "rate-limited" && refused.retryAfterMs).toBeGreaterThan(0);
    const rows = store.db.prepare("SELECT COUNT(*) AS n FROM inquiries").get() as { n: number };
    expect(rows.n).toBe(2);
    // Another client is not affected.
    expect(store.create({ inquiry: inquiry({ name: "D" }), now: T0, dedupeWindowMs: WINDOW, rateLimit: { ...limit, bucket: "ip:203.0.113.9" } }).kind).toBe(
      "created",
    );
  });
});
