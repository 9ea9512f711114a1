import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encrypt, fingerprint, parseKeyring } from "@/lib/inquiries/crypto";
import type { Inquiry } from "@/lib/inquiries/schema";
import { SchemaTooNewError, runMigrations, type Migration, type MigrationTarget } from "@/lib/inquiries/store/migrations";
import { SCHEMA_V1, SQLITE_MIGRATIONS } from "@/lib/inquiries/store/sqlite-migrations";
import { migrateSqlite, openDatabase } from "@/lib/inquiries/store/sqlite";
import { migrateInquiryStore, openInquiryStore } from "@/lib/inquiries/store/open";
import { validInquiry } from "../helpers/fixtures";
import { migrateAtOnce, migrationOutcomes } from "../helpers/migrate-at-once";

const root = path.resolve(__dirname, "..", "..");
const LATEST = SQLITE_MIGRATIONS.length;
const KEYS = `k1:${crypto.randomBytes(32).toString("base64")}`;
const T0 = 1_700_000_000_000;

let dir: string;
let dbFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-migrations-"));
  dbFile = path.join(dir, "inquiries.db");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A plain connection, not through openDatabase: to look at a database as it is. */
function raw<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const userVersion = () => raw((db) => Number(db.pragma("user_version", { simple: true })));
const dump = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const schemaOf = (db: Database.Database) => db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").all();

describe("the runner, on any engine", () => {
  /** An in-memory engine: a version, a lock that counts, and a log of what ran. */
  function fakeTarget(start: number, opts: { bumpBeforeLock?: number } = {}) {
    const state = { version: start, committed: start, ran: [] as number[], locks: 0 };
    const target: MigrationTarget<typeof state> = {
      readVersion: async () => state.committed,
      async exclusive(fn) {
        state.locks++;
        if (opts.bumpBeforeLock !== undefined) state.committed = opts.bumpBeforeLock; // another process got there first
        state.version = state.committed;
        const ranBefore = state.ran.length;
        try {
          const result = await fn({
            readVersion: async () => state.version,
            apply: async (m) => {
              await m.up(state);
              state.ran.push(m.version);
            },
            writeVersion: async (v) => {
              state.version = v;
            },
          });
          state.committed = state.version;
          return result;
        } catch (err) {
          state.ran.length = ranBefore; // rolled back
          throw err;
        }
      },
    };
    return { state, target };
  }
  const steps = (n: number, failAt?: number): Migration<unknown>[] =>
    Array.from({ length: n }, (_, i) => ({
      version: i + 1,
      name: `step ${i + 1}`,
      up: () => {
        if (i + 1 === failAt) throw new Error(`step ${i + 1} failed`);
      },
    }));

  it("runs only the pending steps, in order, and writes the newest version", async () => {
    const { state, target } = fakeTarget(1);
    expect(await runMigrations(target, steps(3))).toEqual({ from: 1, to: 3 });
    expect(state.ran).toEqual([2, 3]);
    expect(state.committed).toBe(3);
  });

  it("takes no lock when nothing is pending", async () => {
    const { state, target } = fakeTarget(3);
    expect(await runMigrations(target, steps(3))).toEqual({ from: 3, to: 3 });
    expect(state.locks).toBe(0);
  });

  it("re-reads the version inside the lock: what another process ran meanwhile is not run again", async () => {
    const { state, target } = fakeTarget(0, { bumpBeforeLock: 2 });
    expect(await runMigrations(target, steps(3))).toEqual({ from: 2, to: 3 });
    expect(state.ran).toEqual([3]);
  });

  it("refuses a store newer than the code, naming both versions, without taking the lock", async () => {
    const { state, target } = fakeTarget(5);
    const err = await runMigrations(target, steps(2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaTooNewError);
    expect((err as Error).message).toBe(
      "The inquiry store is at schema version 5 but this code knows versions up to 2 (was a deploy rolled back?). Deploy code that knows version 5, or restore a backup made by this version.",
    );
    expect(state.locks).toBe(0);
    expect(state.committed).toBe(5);
  });

  it("also when the newer version appears only inside the lock", async () => {
    const { state, target } = fakeTarget(0, { bumpBeforeLock: 7 });
    await expect(runMigrations(target, steps(2))).rejects.toThrow(/version 7 .* up to 2/);
    expect(state.ran).toEqual([]);
    expect(state.committed).toBe(7);
  });

  it("a failing step fails the whole run: the version is not written", async () => {
    const { state, target } = fakeTarget(0);
    await expect(runMigrations(target, steps(3, 2))).rejects.toThrow("step 2 failed");
    expect(state.committed).toBe(0);
  });

  it("refuses a list that is not numbered 1, 2, 3, …", async () => {
    const { target } = fakeTarget(0);
    const bad = [...steps(1), { version: 3, name: "gap", up: () => {} }];
    await expect(runMigrations(target, bad)).rejects.toThrow(/numbered 3 but is at position 2/);
  });
});

describe("SQLite migrations", () => {
  it("migration 1 is exactly the schema the store created before migrations (tests/fixtures/inquiry-store-v0.sql)", () => {
    const fixture = fs.readFileSync(path.join(root, "tests", "fixtures", "inquiry-store-v0.sql"), "utf8");
    expect(fixture.split("\n").slice(1).join("\n")).toBe(SCHEMA_V1.replace(/^\n/, ""));
  });

  describe("upgrading a database made by the code before migrations (user_version 0)", () => {
    const keyring = parseKeyring(KEYS);
    /** Today's canonical content for the fingerprint, as the old store computed it. */
    const canonical = (i: Inquiry) =>
      JSON.stringify(
        Object.keys(i)
          .sort()
          .map((k) => [k, i[k as keyof Inquiry]]),
      );
    const people: { id: string; state: string | null; inquiry: Inquiry }[] = [
      { id: "inq_pending0000000000", state: "pending", inquiry: { ...validInquiry, name: "Pending Person" } },
      { id: "inq_sending0000000000", state: "sending", inquiry: { ...validInquiry, name: "Sending Person", email: "s@example.org" } },
      { id: "inq_sent000000000000a", state: "sent", inquiry: { ...validInquiry, name: "Sent Person", message: "Two\nlines" } },
      { id: "inq_dead000000000000a", state: "dead", inquiry: { ...validInquiry, name: "Dead Person", insurance: "Carrier" } },
      { id: "inq_quarantined00000a", state: null, inquiry: { ...validInquiry, name: "Bot" } },
    ];

    /** The old store's exact schema and writes: WAL, the SCHEMA SQL, encrypt(keyring, id, JSON.stringify(inquiry)). */
    function makeV0Database() {
      const db = new Database(dbFile);
      try {
        db.pragma("journal_mode = WAL");
        db.pragma("foreign_keys = ON");
        db.exec(fs.readFileSync(path.join(root, "tests", "fixtures", "inquiry-store-v0.sql"), "utf8"));
        const insert = db.prepare(
          "INSERT INTO inquiries (id, created_at, status, reason, key_id, payload, idempotency_key, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        );
        const outbox = db.prepare(
          "INSERT INTO outbox (inquiry_id, state, attempts, next_attempt_at, lease_until, first_queued_at, last_error, last_response_code, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        );
        people.forEach((p, i) => {
          const { keyId, blob } = encrypt(keyring, p.id, JSON.stringify(p.inquiry));
          insert.run(
            p.id,
            T0 + i,
            p.state ? "accepted" : "quarantined",
            p.state ? null : "honeypot",
            keyId,
            blob,
            i === 1 ? "idem-0123456789abcdef" : null,
            fingerprint(keyring, canonical(p.inquiry)),
          );
          if (p.state === "pending") outbox.run(p.id, "pending", 2, T0 + 5_000, null, T0 + i, "ETIMEDOUT", null, null);
          if (p.state === "sending") outbox.run(p.id, "sending", 1, T0, T0 + 60_000, T0 + i, null, null, null);
          if (p.state === "sent") outbox.run(p.id, "sent", 1, T0, null, T0 + i, null, null, T0 + 10_000);
          if (p.state === "dead") outbox.run(p.id, "dead", 3, T0, null, T0 + i, "EENVELOPE", 550, null);
        });
        db.prepare("INSERT INTO rate_limits (bucket, window_start, count) VALUES ('ip:a', ?, 3)").run(T0);
        expect(Number(db.pragma("user_version", { simple: true }))).toBe(0);
      } finally {
        db.close();
      }
    }

    it("brings it to the newest version keeping every row, every state and every value; every inquiry reads back", async () => {
      makeV0Database();
      const before = raw((db) => ({ inquiries: dump(db, "inquiries"), outbox: dump(db, "outbox"), rate_limits: dump(db, "rate_limits") }));
      expect(before.outbox).toHaveLength(4);

      expect(await migrateInquiryStore({ dataDir: dir, mustExist: true })).toEqual({ from: 0, to: LATEST });
      expect(userVersion()).toBe(LATEST);
      const after = raw((db) => ({ inquiries: dump(db, "inquiries"), outbox: dump(db, "outbox"), rate_limits: dump(db, "rate_limits") }));
      // Migration 5 records the site language: every inquiry made before it came from the English site.
      expect(after.inquiries).toEqual(before.inquiries.map((r) => ({ ...(r as object), payload_version: 1, site_locale: "en" })));
      // Migration 3 adds the lease token column, empty: an entry leased before it has no token.
      expect(after.outbox).toEqual(before.outbox.map((r) => ({ ...(r as object), lease_token: null, last_detail: null })));
      expect(after.rate_limits).toEqual(before.rate_limits);
      raw((db) => {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(db.pragma("foreign_key_check")).toEqual([]);
        expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all()).toEqual([
          "inquiries_fingerprint",
          "outbox_due",
        ]);
        // The rebuilt outbox still belongs to its inquiries.
        expect(db.pragma("foreign_key_list(outbox)")).toMatchObject([{ table: "inquiries", from: "inquiry_id", to: "id", on_delete: "CASCADE" }]);
      });

      const store = await openInquiryStore({ dataDir: dir, inquiryKeys: KEYS, mustExist: true });
      try {
        for (const p of people) expect((await store.getInquiry(p.id))?.inquiry, p.id).toEqual(p.inquiry);
        for (const p of people) expect((await store.getInquiry(p.id))?.siteLocale, p.id).toBe("en");
        expect((await store.list()).map((r) => [r.id, r.state])).toEqual(people.map((p) => [p.id, p.state]));
        expect(await store.outbox("inq_dead000000000000a")).toMatchObject({ state: "dead", attempts: 3, lastError: "EENVELOPE", lastResponseCode: 550 });
        expect(await store.counts(T0 + 10_000)).toEqual({ pending: 2, dead: 1, unreadable: 0, oldestPendingAgeMs: 10_000 });
        // The new state fits the rebuilt table; the old idempotency key and fingerprint still find their inquiry.
        const claimed = await store.claimNext(T0 + 5_000, 60_000);
        expect(claimed).toMatchObject({ inquiryId: "inq_pending0000000000", attempts: 3 });
        expect(await store.markUnreadable("inq_pending0000000000", claimed!.leaseToken, T0 + 3_600_000, "ENOKEY")).toBe(true);
        // The entry leased before the migration (no token) is taken over when its lease expires, with a token.
        expect(await store.claimNext(T0 + 60_000, 60_000)).toBeUndefined();
        expect(await store.claimNext(T0 + 60_001, 60_000)).toMatchObject({ inquiryId: "inq_sending0000000000", attempts: 2 });
        expect(await store.list("unreadable")).toHaveLength(1);
        expect(await store.create({ inquiry: people[1].inquiry, idempotencyKey: "idem-0123456789abcdef", now: T0 + 100, dedupeWindowMs: 1 })).toEqual({
          kind: "duplicate",
          id: people[1].id,
        });
        expect(await store.create({ inquiry: people[0].inquiry, now: T0 + 100, dedupeWindowMs: 1_000 })).toEqual({ kind: "duplicate", id: people[0].id });
        // Deleting an inquiry still cascades to its outbox entry.
        expect(await store.purge(T0 + 20_000)).toBe(2);
        expect(await store.outbox("inq_sent000000000000a")).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    it("a failing migration leaves the database as it was, with foreign keys back on", async () => {
      makeV0Database();
      const before = raw((db) => ({ schema: schemaOf(db), outbox: dump(db, "outbox") }));
      const db = openDatabase(dbFile, { mustExist: true });
      try {
        const broken: Migration<Database.Database>[] = [
          ...SQLITE_MIGRATIONS,
          {
            version: LATEST + 1,
            name: "fails half-way",
            up: (d) => {
              d.exec("DROP TABLE outbox");
              throw new Error("boom");
            },
          },
        ];
        const { sqliteMigrationTarget } = await import("@/lib/inquiries/store/sqlite-migrations");
        await expect(runMigrations(sqliteMigrationTarget(db), broken)).rejects.toThrow("boom");
        expect(db.inTransaction).toBe(false);
        expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
      } finally {
        db.close();
      }
      expect(userVersion()).toBe(0);
      expect(raw((d) => ({ schema: schemaOf(d), outbox: dump(d, "outbox") }))).toEqual(before);
    });
  });

  it("refuses a store newer than the code, naming both numbers, and changes nothing in it", async () => {
    expect(await migrateInquiryStore({ dataDir: dir })).toEqual({ from: 0, to: LATEST });
    const store = await openInquiryStore({ dataDir: dir, inquiryKeys: KEYS });
    await store.create({ inquiry: validInquiry, now: T0, dedupeWindowMs: 1 });
    await store.close();
    raw((db) => db.pragma(`user_version = ${LATEST + 3}`));
    const bytes = fs.readFileSync(dbFile);

    for (const attempt of [() => migrateInquiryStore({ dataDir: dir }), () => openInquiryStore({ dataDir: dir, inquiryKeys: KEYS, mustExist: true })]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SchemaTooNewError);
      expect((err as Error).message).toBe(
        `The inquiry store is at schema version ${LATEST + 3} but this code knows versions up to ${LATEST} (was a deploy rolled back?). ` +
          `Deploy code that knows version ${LATEST + 3}, or restore a backup made by this version.`,
      );
    }
    expect(userVersion()).toBe(LATEST + 3);
    expect(fs.readFileSync(dbFile).equals(bytes)).toBe(true);
  });

  it("running the migrations again is a no-op", async () => {
    expect(await migrateInquiryStore({ dataDir: dir })).toEqual({ from: 0, to: LATEST });
    const snapshot = () => raw((db) => ({ schema: schemaOf(db), version: db.pragma("user_version", { simple: true }) }));
    const first = snapshot();
    const bytes = fs.readFileSync(dbFile);
    expect(await migrateInquiryStore({ dataDir: dir })).toEqual({ from: LATEST, to: LATEST });
    const db = openDatabase(dbFile);
    try {
      expect(await migrateSqlite(db)).toEqual({ from: LATEST, to: LATEST });
    } finally {
      db.close();
    }
    expect(snapshot()).toEqual(first);
    expect(fs.readFileSync(dbFile).equals(bytes)).toBe(true);
  });

  it("several processes migrating one fresh database at once all succeed; exactly one runs the migrations", async () => {
    const results = await migrateAtOnce(dir);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const outcomes = migrationOutcomes(results);
    expect(outcomes.every((o) => o.to === LATEST)).toBe(true);
    expect(outcomes.filter((o) => o.from === 0)).toHaveLength(1);
    expect(outcomes.filter((o) => o.from === LATEST)).toHaveLength(3);
    expect(userVersion()).toBe(LATEST);
    raw((db) => expect(db.pragma("integrity_check", { simple: true })).toBe("ok"));
  }, 60_000);
});
