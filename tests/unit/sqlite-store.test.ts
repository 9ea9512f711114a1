import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseKeyring, rateLimitBucket } from "@/lib/inquiries/crypto";
import type { CreateResult } from "@/lib/inquiries/store/contract";
import { openDatabase, openSqliteInquiryStore, type SqliteInquiryStore } from "@/lib/inquiries/store/sqlite";
import { StoreMissingError, openInquiryStore } from "@/lib/inquiries/store/open";
import type { Inquiry } from "@/lib/inquiries/schema";
import { validInquiry } from "../helpers/fixtures";

/**
 * What only the SQLite engine can be asked: its connection settings, file modes, and what stays on disk. The
 * behaviour every engine shares is in tests/contract/.
 */
const newKey = () => crypto.randomBytes(32).toString("base64");
const inquiry = (over: Partial<Inquiry> = {}): Inquiry => ({ ...validInquiry, ...over });
const WINDOW = 600_000;
const T0 = 1_700_000_000_000;
const KEY1 = newKey();

let dir: string;
let dbFile: string;
const open: SqliteInquiryStore[] = [];

async function openStore(keys = `k1:${KEY1}`): Promise<SqliteInquiryStore> {
  const store = await openSqliteInquiryStore(dbFile, parseKeyring(keys));
  open.push(store);
  return store;
}

async function closeStore(store: SqliteInquiryStore) {
  open.splice(open.indexOf(store), 1);
  await store.close();
}

function created(result: CreateResult): string {
  if (result.kind !== "created") throw new Error(`expected a new inquiry, got ${result.kind}`);
  return result.id;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-sqlite-store-"));
  dbFile = path.join(dir, "inquiries.db");
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

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

  it("every store connection has them, also after migrating", async () => {
    const a = await openStore();
    const b = await openStore();
    expectDurable(a.db);
    expectDurable(b.db);
  });

  it("creates the data folder (owner only) if it is missing, and makes the files owner-only", async () => {
    const nested = path.join(dir, "a", "b", "inquiries.db");
    const store = await openSqliteInquiryStore(nested, parseKeyring(`k1:${KEY1}`));
    open.push(store);
    await store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW });
    expect(fs.statSync(path.dirname(nested)).mode & 0o777).toBe(0o700);
    await closeStore(store);
    const again = openDatabase(nested);
    try {
      for (const f of [nested, `${nested}-wal`, `${nested}-shm`]) expect(fs.statSync(f).mode & 0o777, f).toBe(0o600);
    } finally {
      again.close();
    }
  });

  it("with mustExist, refuses a missing file and creates nothing", () => {
    const missing = path.join(dir, "nope", "inquiries.db");
    expect(() => openDatabase(missing, { mustExist: true })).toThrow();
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it("creates no tables itself: migrations do", () => {
    const db = openDatabase(dbFile);
    try {
      expect(db.prepare("SELECT name FROM sqlite_master").all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe("openInquiryStore", () => {
  it("with mustExist, fails naming the missing file, and creates neither folder, database nor key", async () => {
    const dataDir = path.join(dir, "data");
    const err = await openInquiryStore({ dataDir, mustExist: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreMissingError);
    expect((err as Error).message).toContain(path.join(dataDir, "inquiries.db"));
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("without it, creates the store (and a key, when none is configured) in the data folder", async () => {
    const dataDir = path.join(dir, "data");
    const store = await openInquiryStore({ dataDir });
    try {
      expect(store.engine).toBe("sqlite");
      const id = created(await store.create({ inquiry: inquiry(), now: T0, dedupeWindowMs: WINDOW }));
      expect((await store.getInquiry(id))?.inquiry).toEqual(inquiry());
    } finally {
      await store.close();
    }
    expect(fs.readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(["inquiries.db", "inquiry-key"]));
    // Reopened with mustExist, the same key reads it.
    const again = await openInquiryStore({ dataDir, mustExist: true });
    try {
      expect(await again.list()).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});

describe("encryption at rest", () => {
  const CANARY = "zqcanaryseven"; // no digits: insurance refuses what looks like a member id
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

  it("keeps every text field out of the .db and -wal files while getInquiry decrypts it", async () => {
    const store = await openStore();
    const id = created(await store.create({ inquiry: secret, idempotencyKey: "idem-0123456789abcdef", now: T0, dedupeWindowMs: WINDOW }));
    expect(fs.statSync(`${dbFile}-wal`).size).toBeGreaterThan(0); // the write really is on disk, in the WAL
    expect(filesContaining(CANARY)).toEqual([]);
    expect(filesContaining(CANARY_PHONE)).toEqual([]);
    expect((await store.getInquiry(id))?.inquiry).toEqual(secret);

    store.db.pragma("wal_checkpoint(TRUNCATE)");
    expect(filesContaining(CANARY)).toEqual([]);
    await closeStore(store);
    expect(filesContaining(CANARY)).toEqual([]);
    expect(filesContaining(CANARY_PHONE)).toEqual([]);
  });

  it("the search itself works: an unencrypted write of the canary is found", async () => {
    const store = await openStore();
    store.db.prepare("INSERT INTO rate_limits (bucket, window_start, count) VALUES (?, 0, 1)").run(CANARY);
    expect(filesContaining(CANARY).length).toBeGreaterThan(0);
  });

  it("encrypts new records with the first key and names it; older keys still listed decrypt", async () => {
    const oldKey = newKey();
    const before = await openStore(`old:${oldKey}`);
    const oldId = created(await before.create({ inquiry: secret, now: T0, dedupeWindowMs: WINDOW }));
    await closeStore(before);

    const rotated = await openStore(`new:${newKey()},old:${oldKey}`);
    expect((await rotated.getInquiry(oldId))?.inquiry).toEqual(secret);
    const newId = created(await rotated.create({ inquiry: inquiry({ name: "After rotation" }), now: T0, dedupeWindowMs: WINDOW }));
    const rows = rotated.db.prepare("SELECT id, key_id, payload_version FROM inquiries").all() as { id: string; key_id: string; payload_version: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.key_id, r.payload_version]]))).toEqual({ [oldId]: ["old", 1], [newId]: ["new", 1] });
  });
});

describe("purge() on disk", () => {
  const CANARY = "zqpurgecanary4402";
  const DAY = 86_400_000;

  it("leaves neither the plaintext nor the deleted ciphertext in the .db or -wal file (secure_delete, TRUNCATE checkpoint)", async () => {
    const store = await openStore();
    const make = async (name: string) =>
      created(await store.create({ inquiry: inquiry({ name, message: `${name} ${CANARY}` }), now: T0, dedupeWindowMs: WINDOW }));
    const oldSent = await make("old-sent");
    const lease = await store.claimNext(T0, 60_000);
    expect(lease?.inquiryId).toBe(oldSent);
    expect(await store.markSent(oldSent, lease!.leaseToken, T0 + DAY)).toBe(true);
    const oldPending = await make("old-pending");

    const payload = (store.db.prepare("SELECT payload FROM inquiries WHERE id = ?").get(oldSent) as { payload: Buffer }).payload;
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    const onDisk = () => [dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(payload));
    expect(onDisk()).toEqual([dbFile]); // the ciphertext is on disk before the purge

    expect(await store.purge(T0 + 90 * DAY)).toBe(1);
    expect(fs.statSync(`${dbFile}-wal`).size).toBe(0);
    for (const f of [dbFile, `${dbFile}-wal`]) expect(fs.readFileSync(f).includes(Buffer.from(CANARY)), f).toBe(false);
    expect(onDisk()).toEqual([]);
    expect((await store.getInquiry(oldPending))?.inquiry.name).toBe("old-pending");
  });

  it("cascades to the outbox and empties old rate-limit rows", async () => {
    const store = await openStore();
    const id = created(await store.create({ inquiry: inquiry(), now: 0, dedupeWindowMs: WINDOW, rateLimit: { bucket: "ip:a", windowMs: 1_000, max: 5 } }));
    const lease = await store.claimNext(0, 60_000);
    expect(await store.markSent(id, lease!.leaseToken, 1)).toBe(true);
    const count = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count("inquiries"), count("outbox"), count("rate_limits")]).toEqual([1, 1, 1]);
    await store.purge(10_000);
    expect([count("inquiries"), count("outbox"), count("rate_limits")]).toEqual([0, 0, 0]);
  });
});

describe("rate limits on disk", () => {
  const limit = { bucket: "ip:198.51.100.7", windowMs: 10_000, max: 2 };
  const start = 1_700_000_000_000; // a window boundary
  const windows = (store: SqliteInquiryStore) =>
    store.db.prepare("SELECT bucket, window_start AS start, count FROM rate_limits ORDER BY bucket, window_start").all();
  /** What the store keeps for a bucket: its keyed hash, never the address. */
  const stored = (bucket: string) => rateLimitBucket(parseKeyring(`k1:${KEY1}`), bucket);

  it("an over-limit post writes nothing: 50 of them leave total_changes() and the -wal file as they were", async () => {
    const store = await openStore();
    for (const name of ["A", "B"]) created(await store.create({ inquiry: inquiry({ name }), now: start + 1, dedupeWindowMs: WINDOW, rateLimit: limit }));
    const changes = () => (store.db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    const walSize = () => fs.statSync(`${dbFile}-wal`).size;
    const [changesBefore, walBefore, rowsBefore] = [changes(), walSize(), windows(store)];
    expect(rowsBefore).toEqual([{ bucket: stored(limit.bucket), start, count: 2 }]);
    for (let i = 0; i < 50; i++) {
      const r = await store.create({ inquiry: inquiry({ name: `Over ${i}` }), now: start + 2 + i, dedupeWindowMs: WINDOW, rateLimit: limit });
      expect(r).toEqual({ kind: "rate-limited", retryAfterMs: 10_000 - 2 - i });
    }
    expect(changes()).toBe(changesBefore);
    expect(walSize()).toBe(walBefore);
    expect(windows(store)).toEqual(rowsBefore);
  });

  it("an accepted post deletes its bucket's expired windows in the same transaction, and leaves other buckets alone", async () => {
    const store = await openStore();
    const other = { ...limit, bucket: "ip:203.0.113.5" };
    created(await store.create({ inquiry: inquiry({ name: "A" }), now: start, dedupeWindowMs: WINDOW, rateLimit: limit }));
    created(await store.create({ inquiry: inquiry({ name: "B" }), now: start + 1, dedupeWindowMs: WINDOW, rateLimit: other }));
    created(await store.create({ inquiry: inquiry({ name: "C" }), now: start + 10_000, dedupeWindowMs: WINDOW, rateLimit: limit }));
    created(await store.create({ inquiry: inquiry({ name: "D" }), now: start + 25_000, dedupeWindowMs: WINDOW, rateLimit: limit }));
    expect(windows(store)).toEqual(
      [
        { bucket: stored(limit.bucket), start: start + 20_000, count: 1 },
        { bucket: stored(other.bucket), start, count: 1 },
      ].sort((a, b) => (a.bucket < b.bucket ? -1 : 1)), // as SQLite orders text: by bytes
    );
  });
});
