// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import Database from "better-sqlite3";
import type { Inquiry } from "../schema";
import { fingerprint, type Keyring, rateLimitBucket } from "../crypto";
import type {
  ClaimedEntry,
  CreateInput,
  CreateResult,
  InquiryStatus,
  InquiryStore,
  ListFilter,
  ListedInquiry,
  OutboxEntry,
  OutboxState,
  StoreCounts,
  StoredInquiry,
} from "./contract";
import { decodePayload, encodePayload, type InquiryRow } from "./payload";
import { runMigrations, type MigrationResult } from "./migrations";
import { SQLITE_MIGRATIONS, sqliteMigrationTarget } from "./sqlite-migrations";
import { defaultLocale, locales } from "@/lib/i18n/locales";

/**
 * Durable storage of inquiries and their delivery outbox in SQLite. One transaction writes an inquiry and its
 * outbox entry; the route answers only after it commits. Safe for several server processes on one file.
 *
 * The methods are async to fit the InquiryStore interface, but each runs synchronously on the calling thread.
 */

/** How long a new connection keeps trying to switch a fresh file to WAL while other processes do the same. */
const WAL_SWITCH_MS = 5000;

/**
 * Switches the file to WAL. The switch needs the file to itself: when several processes open a fresh file at once,
 * SQLite refuses some of them at once with SQLITE_BUSY instead of waiting (waiting could deadlock two readers that
 * both want to write), so this tries again, briefly, until the one that won has made the file WAL.
 */
function setWal(db: Database.Database) {
  const deadline = Date.now() + WAL_SWITCH_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw err;
      // A synchronous pause (this runs while opening, before any request is served): 5, 10, 20 … up to 100 ms.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(100, 5 * 2 ** attempt));
    }
  }
}

/**
 * Opens a connection with the durability settings every connection must have, and checks they took. It creates
 * no tables: migrations (migrateSqlite) do. With mustExist, a missing file is an error, and nothing is created.
 */
export function openDatabase(file: string, opts: { mustExist?: boolean } = {}): Database.Database {
  if (!opts.mustExist) fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { fileMustExist: opts.mustExist ?? false });
  try {
    setWal(db);
    // better-sqlite3 builds with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 (NORMAL), which may lose a commit on power loss.
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    // Deleted inquiries are overwritten with zeros, not left in free pages.
    db.pragma("secure_delete = ON");
  } catch (err) {
    db.close();
    throw err;
  }
  const checks = {
    journal_mode: db.pragma("journal_mode", { simple: true }),
    synchronous: db.pragma("synchronous", { simple: true }),
    busy_timeout: db.pragma("busy_timeout", { simple: true }),
    secure_delete: db.pragma("secure_delete", { simple: true }),
    foreign_keys: db.pragma("foreign_keys", { simple: true }),
  };
  if (
    checks.journal_mode !== "wal" ||
    checks.synchronous !== 2 ||
    Number(checks.busy_timeout) < 5000 ||
    checks.secure_delete !== 1 ||
    checks.foreign_keys !== 1
  ) {
    db.close();
    throw new Error(`SQLite durability settings did not take: ${JSON.stringify(checks)}`);
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(/*turbopackIgnore: true*/ f)) fs.chmodSync(/*turbopackIgnore: true*/ f, 0o600);
  return db;
}

/** Brings the database to the newest schema this code knows (see migrations.ts); refuses a newer one. */
export function migrateSqlite(db: Database.Database): Promise<MigrationResult> {
  return runMigrations(sqliteMigrationTarget(db), SQLITE_MIGRATIONS);
}

/** Opens, migrates and wraps a database file; the connection is closed again if any of that fails. */
export async function openSqliteInquiryStore(
  file: string,
  keyring: Keyring,
  opts: { mustExist?: boolean; busyTimeoutMs?: number } = {},
): Promise<SqliteInquiryStore> {
  const db = openDatabase(file, opts);
  try {
    await migrateSqlite(db);
  } catch (err) {
    db.close();
    throw err;
  }
  // Migrations wait as long as it takes for another process's lock; serving calls wait only briefly, because
  // better-sqlite3 waits on the event loop (withAvailability in availability.ts retries off it instead).
  if (opts.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs)}`);
  return new SqliteInquiryStore(db, keyring);
}

/** Inquiry ids are random, so they reveal neither order nor volume. */
const newInquiryId = () => `inq_${crypto.randomBytes(10).toString("base64url")}`;

/** The content that makes two posts "the same inquiry" for double-submit detection. */
const canonical = (i: Inquiry) =>
  JSON.stringify(
    Object.keys(i)
      .sort()
      .map((k) => [k, i[k as keyof Inquiry]]),
  );

export class SqliteInquiryStore implements InquiryStore {
  readonly engine = "sqlite" as const;

  constructor(
    readonly db: Database.Database,
    private readonly keyring: Keyring,
  ) {}

  /**
   * One IMMEDIATE transaction: rate limit, idempotency key, double-submit check, inquiry and outbox entry. A post
   * already over its rate limit is answered from a read, before any write transaction: it writes nothing.
   */
  async create(input: CreateInput): Promise<CreateResult> {
    const limit = input.rateLimit && { ...input.rateLimit, bucket: rateLimitBucket(this.keyring, input.rateLimit.bucket) };
    if (limit) {
      const over = this.overRateLimit(limit, input.now);
      if (over) return over;
    }
    const fp = fingerprint(this.keyring, canonical(input.inquiry));
    const tx = this.db.transaction((): CreateResult => {
      if (limit) {
        // Checked again under the write lock: another post may have used the last place since the read.
        const over = this.overRateLimit(limit, input.now);
        if (over) return over;
        this.countRateLimit(limit, input.now);
      }
      if (input.idempotencyKey) {
        const prior = this.db.prepare("SELECT id, fingerprint FROM inquiries WHERE idempotency_key = ?").get(input.idempotencyKey) as
          { id: string; fingerprint: string } | undefined;
        if (prior) return prior.fingerprint === fp ? { kind: "duplicate", id: prior.id } : { kind: "key-conflict" };
      }
      const recent = this.db
        .prepare("SELECT id FROM inquiries WHERE fingerprint = ? AND created_at >= ? ORDER BY created_at LIMIT 1")
        .get(fp, input.now - input.dedupeWindowMs) as { id: string } | undefined;
      if (recent) return { kind: "duplicate", id: recent.id };
      const id = newInquiryId();
      const { payloadVersion, keyId, blob } = encodePayload(this.keyring, id, input.inquiry);
      const status: InquiryStatus = input.quarantineReason ? "quarantined" : "accepted";
      this.db
        .prepare(
          "INSERT INTO inquiries (id, created_at, status, reason, key_id, payload, payload_version, idempotency_key, fingerprint, site_locale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          id,
          input.now,
          status,
          input.quarantineReason ?? null,
          keyId,
          blob,
          payloadVersion,
          input.idempotencyKey ?? null,
          fp,
          input.siteLocale ?? defaultLocale,
        );
      if (status === "accepted") {
        this.db.prepare("INSERT INTO outbox (inquiry_id, state, next_attempt_at, first_queued_at) VALUES (?, 'pending', ?, ?)").run(id, input.now, input.now);
      }
      return { kind: "created", id };
    });
    return tx.immediate();
  }

  async getInquiry(id: string): Promise<StoredInquiry | undefined> {
    const row = this.db.prepare("SELECT id, created_at, status, reason, key_id, payload, payload_version, site_locale FROM inquiries WHERE id = ?").get(id) as
      InquiryRow | undefined;
    if (!row) return undefined;
    const inquiry = decodePayload(this.keyring, row.id, { payloadVersion: row.payload_version, keyId: row.key_id, blob: row.payload });
    // A value this code does not know (a locale removed since) reads as the default: mail still goes out.
    const siteLocale = locales.find((l) => l === row.site_locale) ?? defaultLocale;
    return { id: row.id, createdAt: row.created_at, status: row.status, reason: row.reason, siteLocale, inquiry };
  }

  /**
   * One UPDATE … RETURNING chooses and leases the entry, inside an explicit IMMEDIATE transaction whose COMMIT
   * failure throws. Not an autocommit statement read with .get(): better-sqlite3 resets such a statement after its
   * first row and drops the error of the commit that happens then (a full disk fails in WAL mode at COMMIT), so a
   * lease that was rolled back would be handed out, sent, and handed out again at every poll
   * (tests/unit/delivery-store-faults.test.ts shows both behaviours).
   */
  async claimNext(now: number, leaseMs: number): Promise<ClaimedEntry | undefined> {
    const token = crypto.randomBytes(16).toString("base64url");
    const claim = this.db.transaction(
      () =>
        this.db
          .prepare(
            `UPDATE outbox SET state = 'sending', lease_until = ?, lease_token = ?, attempts = attempts + 1
             WHERE inquiry_id = (
               SELECT inquiry_id FROM outbox
               WHERE (state IN ('pending', 'unreadable') AND next_attempt_at <= ?) OR (state = 'sending' AND lease_until < ?)
               ORDER BY next_attempt_at LIMIT 1)
             RETURNING *`,
          )
          .all(now + leaseMs, token, now, now) as OutboxRow[],
    );
    const [row] = claim.immediate();
    if (!row) return undefined;
    if (row.lease_token !== token) throw new Error("claimNext: the lease token did not take");
    return { ...toEntry(row), state: "sending", leaseToken: token };
  }

  async renewLease(id: string, leaseToken: string, until: number): Promise<boolean> {
    return this.held("UPDATE outbox SET lease_until = ?", [until], id, leaseToken);
  }

  async markSent(id: string, leaseToken: string, now: number): Promise<boolean> {
    return this.held(
      "UPDATE outbox SET state = 'sent', sent_at = ?, lease_until = NULL, lease_token = NULL, last_error = NULL, last_response_code = NULL, last_detail = NULL",
      [now],
      id,
      leaseToken,
    );
  }

  async markRetry(id: string, leaseToken: string, nextAttemptAt: number, error: string, responseCode?: number, detail?: string): Promise<boolean> {
    return this.held(
      "UPDATE outbox SET state = 'pending', next_attempt_at = ?, lease_until = NULL, lease_token = NULL, last_error = ?, last_response_code = ?, last_detail = ?",
      [nextAttemptAt, error, responseCode ?? null, detail ?? null],
      id,
      leaseToken,
    );
  }

  async markDead(id: string, leaseToken: string, error: string, responseCode?: number, detail?: string): Promise<boolean> {
    return this.held(
      "UPDATE outbox SET state = 'dead', lease_until = NULL, lease_token = NULL, last_error = ?, last_response_code = ?, last_detail = ?",
      [error, responseCode ?? null, detail ?? null],
      id,
      leaseToken,
    );
  }

  async markUnreadable(id: string, leaseToken: string, nextAttemptAt: number, error: string): Promise<boolean> {
    return this.held(
      "UPDATE outbox SET state = 'unreadable', next_attempt_at = ?, lease_until = NULL, lease_token = NULL, last_error = ?, last_response_code = NULL, last_detail = NULL",
      [nextAttemptAt, error],
      id,
      leaseToken,
    );
  }

  /**
   * Runs `update` on the entry only while it is leased with `leaseToken`; true when it changed. An autocommit
   * .run() steps the statement to its end, so a failed commit throws here.
   */
  private held(update: string, params: (string | number | null)[], id: string, leaseToken: string): boolean {
    return this.db.prepare(`${update} WHERE inquiry_id = ? AND state = 'sending' AND lease_token = ?`).run(...params, id, leaseToken).changes === 1;
  }

  async requeue(id: string, now: number): Promise<boolean> {
    return (
      this.db
        .prepare(
          "UPDATE outbox SET state = 'pending', next_attempt_at = ?, first_queued_at = ?, attempts = 0 WHERE inquiry_id = ? AND state IN ('dead', 'unreadable')",
        )
        .run(now, now, id).changes === 1
    );
  }

  async outbox(id: string): Promise<OutboxEntry | undefined> {
    const row = this.db.prepare("SELECT * FROM outbox WHERE inquiry_id = ?").get(id) as OutboxRow | undefined;
    return row && toEntry(row);
  }

  async list(filter: ListFilter = "all"): Promise<ListedInquiry[]> {
    const where = {
      all: "",
      quarantined: "WHERE i.status = 'quarantined'",
      pending: "WHERE o.state IN ('pending', 'sending')",
      dead: "WHERE o.state = 'dead'",
      unreadable: "WHERE o.state = 'unreadable'",
      sent: "WHERE o.state = 'sent'",
    }[filter];
    const rows = this.db
      .prepare(
        `SELECT i.id, i.created_at, i.status, o.state, o.attempts, o.last_error, o.last_response_code, o.last_detail FROM inquiries i LEFT JOIN outbox o ON o.inquiry_id = i.id ${where} ORDER BY i.created_at`,
      )
      .all() as {
      id: string;
      created_at: number;
      status: InquiryStatus;
      state: OutboxState | null;
      attempts: number | null;
      last_error: string | null;
      last_response_code: number | null;
      last_detail: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      status: r.status,
      state: r.state,
      attempts: r.attempts ?? 0,
      lastError: r.last_error,
      lastResponseCode: r.last_response_code,
      lastDetail: r.last_detail,
    }));
  }

  async counts(now: number): Promise<StoreCounts> {
    const c = this.db
      .prepare(
        `SELECT
           SUM(CASE WHEN state IN ('pending', 'sending') THEN 1 ELSE 0 END) AS pending,
           SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END) AS dead,
           SUM(CASE WHEN state = 'unreadable' THEN 1 ELSE 0 END) AS unreadable,
           MIN(CASE WHEN state IN ('pending', 'sending') THEN first_queued_at END) AS oldest
         FROM outbox`,
      )
      .get() as { pending: number | null; dead: number | null; unreadable: number | null; oldest: number | null };
    return {
      pending: c.pending ?? 0,
      dead: c.dead ?? 0,
      unreadable: c.unreadable ?? 0,
      oldestPendingAgeMs: c.oldest === null ? 0 : Math.max(0, now - c.oldest),
    };
  }

  async probe(): Promise<void> {
    const result = this.db.pragma("quick_check(1)", { simple: true });
    if (result !== "ok") throw Object.assign(new Error("the database failed its integrity check"), { code: "SQLITE_CORRUPT" });
    // Takes the write lock (which a full or read-only disk, or another process's lock, refuses) and writes nothing.
    this.db.exec("BEGIN IMMEDIATE; ROLLBACK");
  }

  /**
   * Deletes delivered inquiries (and quarantined ones) older than the retention period. secure_delete zeroes the
   * freed pages and a TRUNCATE checkpoint empties the WAL, so the deleted text does not linger on disk.
   * Pending, dead and unreadable inquiries are never purged: they have not reached staff yet.
   */
  async purge(olderThan: number): Promise<number> {
    const tx = this.db.transaction(() => {
      const ids = this.db
        .prepare(
          `SELECT i.id FROM inquiries i LEFT JOIN outbox o ON o.inquiry_id = i.id
           WHERE (o.state = 'sent' AND o.sent_at < ?) OR (i.status = 'quarantined' AND i.created_at < ?)`,
        )
        .all(olderThan, olderThan) as { id: string }[];
      const del = this.db.prepare("DELETE FROM inquiries WHERE id = ?");
      for (const { id } of ids) del.run(id);
      this.db.prepare("DELETE FROM rate_limits WHERE window_start < ?").run(olderThan);
      return ids.length;
    });
    const n = tx.immediate();
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    return n;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** The answer for a post over its bucket's limit in the current window, from a read alone; undefined if under it. */
  private overRateLimit(limit: { bucket: string; windowMs: number; max: number }, now: number): CreateResult | undefined {
    const windowStart = Math.floor(now / limit.windowMs) * limit.windowMs;
    const row = this.db.prepare("SELECT count FROM rate_limits WHERE bucket = ? AND window_start = ?").get(limit.bucket, windowStart) as
      { count: number } | undefined;
    return row && row.count >= limit.max ? { kind: "rate-limited", retryAfterMs: windowStart + limit.windowMs - now } : undefined;
  }

  /**
   * Counts one accepted request in a fixed window (shared by every process using this database), and deletes the
   * bucket's expired windows while the transaction writes anyway, so rate_limits does not grow until the next purge.
   */
  private countRateLimit(limit: { bucket: string; windowMs: number }, now: number) {
    const windowStart = Math.floor(now / limit.windowMs) * limit.windowMs;
    this.db.prepare("DELETE FROM rate_limits WHERE bucket = ? AND window_start < ?").run(limit.bucket, windowStart);
    this.db
      .prepare("INSERT INTO rate_limits (bucket, window_start, count) VALUES (?, ?, 1) ON CONFLICT (bucket, window_start) DO UPDATE SET count = count + 1")
      .run(limit.bucket, windowStart);
  }
}

interface OutboxRow {
  inquiry_id: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  first_queued_at: number;
  last_error: string | null;
  last_response_code: number | null;
  last_detail: string | null;
  sent_at: number | null;
  lease_token: string | null;
}

const toEntry = (r: OutboxRow): OutboxEntry => ({
  inquiryId: r.inquiry_id,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  firstQueuedAt: r.first_queued_at,
  lastError: r.last_error,
  lastResponseCode: r.last_response_code,
  lastDetail: r.last_detail,
  sentAt: r.sent_at,
});
