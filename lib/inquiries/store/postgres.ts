// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import { log } from "@/lib/log";
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
import { SchemaTooNewError, runMigrations, type MigrationResult } from "./migrations";
import { POSTGRES_MIGRATIONS, postgresMigrationTarget } from "./postgres-migrations";
import { StoreUnavailableError } from "./availability";
import { defaultLocale, locales, type Locale } from "@/lib/i18n/locales";

/**
 * Durable storage of inquiries and their delivery outbox in PostgreSQL, for deployments with several instances or
 * ephemeral disks (DATABASE_URL). The same guarantees as the SQLite store (sqlite.ts), proven by the same contract
 * suite (tests/contract/): one transaction writes an inquiry and its outbox entry and the route answers only after
 * it commits; every time is the `now` the caller passes (never the database's clock); rate-limit buckets are keyed
 * hashes. Decision record: docs/decisions/0004-postgresql-store.md.
 */

export interface PostgresSettings {
  /** How long to wait for a connection: a new one (TCP, TLS, authentication), or a free one when the pool is full. */
  connectTimeoutMs: number;
  /** The server cancels a statement running longer than this (a lock held by a stuck session, an overloaded server). */
  statementTimeoutMs: number;
  /** The server ends a session left idle inside a transaction this long (a process frozen mid-transaction). */
  idleInTransactionTimeoutMs: number;
  /** Connections per process. */
  poolMax: number;
}

const DEFAULT_POSTGRES_SETTINGS: PostgresSettings = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 10_000,
  poolMax: 10,
};

/** Where the store is, for start-up lines and errors: host, port and database, never the user or password. */
export function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || "5432"}${u.pathname || "/"}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

/**
 * The server (or a pooler in front of it) does not keep synchronous_commit on for our session: a commit could then be
 * acknowledged before it is on disk, and an inquiry the route confirmed could vanish in a crash. Refused outright.
 */
export class SynchronousCommitOffError extends Error {
  readonly code = "PG_SYNCHRONOUS_COMMIT_OFF";
  constructor(setting: string, value: string) {
    super(
      `PostgreSQL reports ${setting} = ${JSON.stringify(value)} after the store set it on: commits could be acknowledged before they are durable, ` +
        `so the inquiry store refuses to open. Connect to the server directly or through a pooler in session mode that keeps session settings, ` +
        `and do not force ${setting} off for this role or database.`,
    );
    this.name = "SynchronousCommitOffError";
  }
}

/** The database holds no inquiry store yet (an operator command, which creates nothing, was pointed at it). */
export class PostgresStoreMissingError extends Error {
  readonly code = "STORE_MISSING";
  constructor(where: string) {
    super(`${where} holds no inquiry store yet. Run \`npm run inquiries -- migrate\` with this DATABASE_URL (or start the server, which migrates).`);
    this.name = "PostgresStoreMissingError";
  }
}

/**
 * Texts that must never leave this module in an error or a log line: the URL and its password (pg's errors do not
 * quote the URL today, but a future one, or one from a dependency, might).
 */
function secretsOf(url: string): string[] {
  const out = new Set([url]);
  try {
    const u = new URL(url);
    if (u.password) {
      out.add(u.password);
      out.add(decodeURIComponent(u.password));
    }
    if (u.username) out.add(`${u.username}:${u.password}@`);
  } catch {
    // An unparsable URL is scrubbed as a whole only.
  }
  return [...out].filter((s) => s.length >= 4);
}

const scrubText = (text: string, secrets: string[]) => secrets.reduce((t, s) => t.split(s).join("[redacted]"), text);

/** SQLSTATE classes and network errors that mean "the database cannot be reached or cannot take writes now". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57|58|25|28|3D|40|55|XX)/;
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
const CONNECTION_MESSAGES: [RegExp, string][] = [
  [/timeout exceeded when trying to connect/, "PG_POOL_TIMEOUT"],
  [/connection timeout/i, "PG_CONNECT_TIMEOUT"],
  [/Query read timeout/, "PG_QUERY_TIMEOUT"],
  [/Connection terminated|not queryable|Client was closed/i, "PG_CONNECTION_LOST"],
  [/does not support SSL|error establishing an SSL connection/, "PG_TLS_REFUSED"],
];

/**
 * The code a store fault is reported by (health's `store-unavailable:<code>`, the route's log line), or undefined
 * for an error that is not about reaching the database (a bug, reported as it is).
 */
function postgresFaultCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; message?: unknown } | null | undefined;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code === "57014") return "PG_STATEMENT_TIMEOUT";
  if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE.test(code)) return `PG_${code}`;
  if (NETWORK_CODES.has(code)) return `PG_${code}`;
  // A certificate Node refused (verify-full): an operator must fix it, and the code says what is wrong.
  if (/CERT|ERR_TLS|SELF_SIGNED|UNABLE_TO/.test(code)) return `PG_TLS_${code}`;
  const message = typeof e?.message === "string" ? e.message : "";
  for (const [re, c] of CONNECTION_MESSAGES) if (re.test(message)) return c;
  return undefined;
}

/** pg returns bigint (int8) as a string; every bigint here is a millisecond time or a count, well inside 2^53. */
const INT8_OID = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** Advisory-lock namespace (first key of the two-key form) for creates of the same content; see create(). */
const FINGERPRINT_LOCK = 0x10f_0002;

export interface PostgresPoolOptions {
  settings?: PostgresSettings;
  /** A Client class for the pool (tests stand in for a pooler that does not keep session settings). */
  Client?: typeof pg.Client;
}

/**
 * The store's connections. Every connection, the first time it is handed out, sets synchronous_commit on for its
 * session and reads it back (and fsync, which only the server's configuration sets): a server or pooler that reports
 * anything else is refused. statement_timeout and idle_in_transaction_session_timeout are sent when connecting.
 */
class Connections {
  private readonly pool: pg.Pool;
  private readonly checked = new WeakSet<pg.PoolClient>();
  readonly secrets: string[];

  constructor(
    url: string,
    private readonly opts: PostgresPoolOptions,
  ) {
    const s = opts.settings ?? DEFAULT_POSTGRES_SETTINGS;
    this.secrets = secretsOf(url);
    this.pool = new pg.Pool({
      connectionString: url,
      max: s.poolMax,
      connectionTimeoutMillis: s.connectTimeoutMs,
      statement_timeout: s.statementTimeoutMs,
      // The client gives up a little after the server should have cancelled: a connection that went silent (a
      // failover, a dropped network path) fails the call instead of hanging it.
      query_timeout: s.statementTimeoutMs + 2_000,
      idle_in_transaction_session_timeout: s.idleInTransactionTimeoutMs,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: "iop-inquiries",
      types,
      ...(opts.Client ? { Client: opts.Client } : {}),
    });
    // An idle connection the server closed (a restart, a failover) is dropped by the pool; without a listener the
    // event would end the process. Only the code is logged: pg's messages can name the host and user.
    this.pool.on("error", (err) => log("store.connection-lost", { code: postgresFaultCode(err) ?? "UNKNOWN" }, "warn"));
  }

  async connect(): Promise<pg.PoolClient> {
    const c = await this.pool.connect();
    if (this.checked.has(c)) return c;
    try {
      await c.query("SET synchronous_commit = on");
      const sync = (await c.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0]?.synchronous_commit ?? "";
      if (sync !== "on") throw new SynchronousCommitOffError("synchronous_commit", sync);
      const fsync = (await c.query<{ fsync: string }>("SHOW fsync")).rows[0]?.fsync ?? "";
      if (fsync !== "on") throw new SynchronousCommitOffError("fsync", fsync);
    } catch (err) {
      c.release(true);
      throw err;
    }
    this.checked.add(c);
    return c;
  }

  /** Gives a connection back; after an error it is closed instead (its session may be in any state). */
  release(c: pg.PoolClient, err?: unknown) {
    c.release(err ? true : undefined);
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** Brings the database to the newest schema this code knows (see migrations.ts); refuses a newer one. */
async function migrate(conns: Connections): Promise<MigrationResult> {
  return runMigrations(
    postgresMigrationTarget(
      () => conns.connect(),
      (c, err) => conns.release(c, err),
    ),
    POSTGRES_MIGRATIONS,
  );
}

/** The error a caller sees: a store fault as StoreUnavailableError, anything else with secrets scrubbed from its message. */
function outward(err: unknown, secrets: string[]): Error {
  // This code's own errors say what to do and hold no secret.
  if (
    err instanceof StoreUnavailableError ||
    err instanceof SynchronousCommitOffError ||
    err instanceof PostgresStoreMissingError ||
    err instanceof SchemaTooNewError
  )
    return err;
  const code = postgresFaultCode(err);
  if (code) return new StoreUnavailableError(code);
  if (err instanceof Error) {
    const clean = new Error(scrubText(err.message, secrets));
    clean.name = err.name;
    const c = (err as { code?: unknown }).code;
    if (c !== undefined) Object.assign(clean, { code: c });
    if (err.stack) clean.stack = scrubText(err.stack, secrets);
    return clean;
  }
  return new Error(scrubText(String(err), secrets));
}

/** Runs pending migrations only (`npm run inquiries -- migrate`): no keys are needed. */
export async function migratePostgres(url: string, opts: PostgresPoolOptions = {}): Promise<MigrationResult> {
  const conns = new Connections(url, opts);
  try {
    return await migrate(conns);
  } catch (err) {
    throw outward(err, conns.secrets);
  } finally {
    await conns.end().catch(() => {});
  }
}

/**
 * Opens a pool, checks its first connection and migrates. mustExist (operator commands): a database no migration has
 * touched is refused instead of being given the schema. The pool is closed again if any of that fails.
 */
export async function openPostgresInquiryStore(
  url: string,
  keyring: Keyring,
  opts: PostgresPoolOptions & { mustExist?: boolean } = {},
): Promise<PostgresInquiryStore> {
  const conns = new Connections(url, opts);
  try {
    if (opts.mustExist) {
      const c = await conns.connect();
      try {
        const t = await c.query<{ t: string | null }>("SELECT to_regclass('inquiry_store_version')::text AS t");
        if (!t.rows[0].t) throw new PostgresStoreMissingError(describePostgres(url));
      } finally {
        conns.release(c);
      }
    }
    await migrate(conns);
  } catch (err) {
    await conns.end().catch(() => {});
    throw outward(err, conns.secrets);
  }
  return new PostgresInquiryStore(conns, keyring);
}

/** Inquiry ids are random, so they reveal neither order nor volume (as in the SQLite store). */
const newInquiryId = () => `inq_${crypto.randomBytes(10).toString("base64url")}`;

/** The content that makes two posts "the same inquiry" (the same function as the SQLite store's). */
const canonical = (i: Inquiry) =>
  JSON.stringify(
    Object.keys(i)
      .sort()
      .map((k) => [k, i[k as keyof Inquiry]]),
  );

/** A stored site language this code does not know (a locale removed since) reads as the default, as in SQLite. */
const knownLocale = (value: string): Locale => locales.find((l) => l === value) ?? defaultLocale;

export class PostgresInquiryStore implements InquiryStore {
  readonly engine = "postgres" as const;

  constructor(
    private readonly conns: Connections,
    private readonly keyring: Keyring,
  ) {}

  /** One statement (autocommit: pg answers after the commit, so a commit that failed throws here). */
  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    let c: pg.PoolClient | undefined;
    try {
      c = await this.conns.connect();
      const result = await c.query<R>(sql, params);
      this.conns.release(c);
      return result;
    } catch (err) {
      if (c) this.conns.release(c, err);
      throw outward(err, this.conns.secrets);
    }
  }

  /**
   * One READ COMMITTED transaction on one connection: committed when `fn` answers commit, else rolled back. An error
   * rolls back, closes the connection and is reported as a store fault (or scrubbed).
   */
  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<{ commit: boolean; value: T }>): Promise<T> {
    let c: pg.PoolClient | undefined;
    try {
      c = await this.conns.connect();
      // Named, not left to default_transaction_isolation: create() relies on READ COMMITTED's per-statement
      // snapshots (under REPEATABLE READ a check after waiting would not see the other transaction's row).
      await c.query("BEGIN ISOLATION LEVEL READ COMMITTED");
      const { commit, value } = await fn(c);
      await c.query(commit ? "COMMIT" : "ROLLBACK");
      this.conns.release(c);
      return value;
    } catch (err) {
      if (c) {
        await c.query("ROLLBACK").catch(() => {});
        this.conns.release(c, err);
      }
      throw outward(err, this.conns.secrets);
    }
  }

  /**
   * Rate limit, idempotency key, double-submit check, inquiry and outbox entry in one transaction. Under READ
   * COMMITTED a check-then-insert races (two transactions both check, find nothing, both insert), so each check is
   * made race-free by what PostgreSQL serialises itself, not by the check:
   * - the rate limit is one upsert of the bucket's row (`… ON CONFLICT DO UPDATE … RETURNING count`), which holds
   *   that row's lock until commit; a count over the maximum rolls the whole transaction back, so a refused post
   *   writes nothing;
   * - the same idempotency key: the UNIQUE constraint; `ON CONFLICT DO NOTHING` makes the second insert wait for
   *   the first transaction, and, when it committed, insert nothing: the row it then reads decides duplicate or
   *   key-conflict;
   * - the same content within the dedupe window cannot be a constraint (the same content after the window is a new
   *   inquiry), so a transaction-scoped advisory lock keyed by the fingerprint makes creates of the same content
   *   take turns: the second one's check runs after the first committed, and (READ COMMITTED, a new snapshot per
   *   statement) sees its row.
   * SERIALIZABLE with retries would also be correct, but 20 identical posts at once would mostly fail and retry.
   * Locks are always taken in the same order (bucket row, fingerprint, key), so these transactions cannot deadlock.
   */
  async create(input: CreateInput): Promise<CreateResult> {
    const limit = input.rateLimit && { ...input.rateLimit, bucket: rateLimitBucket(this.keyring, input.rateLimit.bucket) };
    // A post already over its limit is answered from a read, before any transaction: it writes nothing.
    if (limit) {
      const over = await this.overRateLimit(limit, input.now);
      if (over) return over;
    }
    const fp = fingerprint(this.keyring, canonical(input.inquiry));
    const id = newInquiryId();
    // Encoded before the transaction: an inquiry that does not match the schema throws without touching the database.
    const { payloadVersion, keyId, blob } = encodePayload(this.keyring, id, input.inquiry);
    return this.transaction(async (c): Promise<{ commit: boolean; value: CreateResult }> => {
      if (limit) {
        const windowStart = Math.floor(input.now / limit.windowMs) * limit.windowMs;
        const counted = await c.query<{ count: number }>(
          `INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, $2, 1)
           ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count`,
          [limit.bucket, windowStart],
        );
        if (counted.rows[0].count > limit.max)
          return { commit: false, value: { kind: "rate-limited", retryAfterMs: windowStart + limit.windowMs - input.now } };
        // The bucket's expired windows go while this transaction writes anyway (as in the SQLite store).
        await c.query("DELETE FROM rate_limits WHERE bucket = $1 AND window_start < $2", [limit.bucket, windowStart]);
      }
      await c.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [FINGERPRINT_LOCK, fp]);
      const byKey = async (): Promise<CreateResult | undefined> => {
        if (!input.idempotencyKey) return undefined;
        const prior = await c.query<{ id: string; fingerprint: string }>("SELECT id, fingerprint FROM inquiries WHERE idempotency_key = $1", [
          input.idempotencyKey,
        ]);
        const row = prior.rows[0];
        return row && (row.fingerprint === fp ? { kind: "duplicate", id: row.id } : { kind: "key-conflict" });
      };
      const prior = await byKey();
      if (prior) return { commit: true, value: prior };
      const recent = await c.query<{ id: string }>("SELECT id FROM inquiries WHERE fingerprint = $1 AND created_at >= $2 ORDER BY created_at, seq LIMIT 1", [
        fp,
        input.now - input.dedupeWindowMs,
      ]);
      if (recent.rows[0]) return { commit: true, value: { kind: "duplicate", id: recent.rows[0].id } };
      const status: InquiryStatus = input.quarantineReason ? "quarantined" : "accepted";
      const inserted = await c.query(
        `INSERT INTO inquiries (id, created_at, status, reason, key_id, payload, payload_version, idempotency_key, fingerprint, site_locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (idempotency_key) DO NOTHING`,
        [
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
        ],
      );
      // Another transaction committed the same key (with other content, or it would have waited on the fingerprint).
      if (inserted.rowCount === 0) return { commit: true, value: (await byKey()) ?? { kind: "key-conflict" } };
      if (status === "accepted") {
        await c.query("INSERT INTO outbox (inquiry_id, state, next_attempt_at, first_queued_at) VALUES ($1, 'pending', $2, $2)", [id, input.now]);
      }
      return { commit: true, value: { kind: "created", id } };
    });
  }

  async getInquiry(id: string): Promise<StoredInquiry | undefined> {
    const { rows } = await this.query<InquiryRow>(
      "SELECT id, created_at, status, reason, key_id, payload, payload_version, site_locale FROM inquiries WHERE id = $1",
      [id],
    );
    const row = rows[0];
    if (!row) return undefined;
    const inquiry = decodePayload(this.keyring, row.id, { payloadVersion: row.payload_version, keyId: row.key_id, blob: row.payload });
    return { id: row.id, createdAt: row.created_at, status: row.status, reason: row.reason, siteLocale: knownLocale(row.site_locale), inquiry };
  }

  /**
   * One autocommit statement chooses and leases the entry. `FOR UPDATE SKIP LOCKED`: a worker passes over an entry
   * another worker is leasing at this moment instead of waiting for it (and then finding it taken), so workers on
   * several hosts never block each other and never get the same entry. pg answers only after the commit, so a lease
   * that did not commit throws.
   */
  async claimNext(now: number, leaseMs: number): Promise<ClaimedEntry | undefined> {
    const token = crypto.randomBytes(16).toString("base64url");
    const { rows } = await this.query<OutboxRow>(
      `WITH next AS (
         SELECT inquiry_id FROM outbox
         WHERE (state IN ('pending', 'unreadable') AND next_attempt_at <= $3) OR (state = 'sending' AND lease_until < $3)
         ORDER BY next_attempt_at LIMIT 1
         FOR UPDATE SKIP LOCKED)
       UPDATE outbox o SET state = 'sending', lease_until = $1, lease_token = $2, attempts = o.attempts + 1
       FROM next WHERE o.inquiry_id = next.inquiry_id
       RETURNING o.*`,
      [now + leaseMs, token, now],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.lease_token !== token) throw new Error("claimNext: the lease token did not take");
    return { ...toEntry(row), state: "sending", leaseToken: token };
  }

  async renewLease(id: string, leaseToken: string, until: number): Promise<boolean> {
    return this.held("lease_until = $3", [until], id, leaseToken);
  }

  async markSent(id: string, leaseToken: string, now: number): Promise<boolean> {
    return this.held(
      "state = 'sent', sent_at = $3, lease_until = NULL, lease_token = NULL, last_error = NULL, last_response_code = NULL, last_detail = NULL",
      [now],
      id,
      leaseToken,
    );
  }

  async markRetry(id: string, leaseToken: string, nextAttemptAt: number, error: string, responseCode?: number, detail?: string): Promise<boolean> {
    return this.held(
      "state = 'pending', next_attempt_at = $3, lease_until = NULL, lease_token = NULL, last_error = $4, last_response_code = $5, last_detail = $6",
      [nextAttemptAt, error, responseCode ?? null, detail ?? null],
      id,
      leaseToken,
    );
  }

  async markDead(id: string, leaseToken: string, error: string, responseCode?: number, detail?: string): Promise<boolean> {
    return this.held(
      "state = 'dead', lease_until = NULL, lease_token = NULL, last_error = $3, last_response_code = $4, last_detail = $5",
      [error, responseCode ?? null, detail ?? null],
      id,
      leaseToken,
    );
  }

  async markUnreadable(id: string, leaseToken: string, nextAttemptAt: number, error: string): Promise<boolean> {
    return this.held(
      "state = 'unreadable', next_attempt_at = $3, lease_until = NULL, lease_token = NULL, last_error = $4, last_response_code = NULL, last_detail = NULL",
      [nextAttemptAt, error],
      id,
      leaseToken,
    );
  }

  /** Runs the SET clause on the entry only while it is leased with `leaseToken` ($1 id, $2 token); true when it changed. */
  private async held(set: string, params: unknown[], id: string, leaseToken: string): Promise<boolean> {
    const r = await this.query(`UPDATE outbox SET ${set} WHERE inquiry_id = $1 AND state = 'sending' AND lease_token = $2`, [id, leaseToken, ...params]);
    return r.rowCount === 1;
  }

  async requeue(id: string, now: number): Promise<boolean> {
    const r = await this.query(
      "UPDATE outbox SET state = 'pending', next_attempt_at = $2, first_queued_at = $2, attempts = 0 WHERE inquiry_id = $1 AND state IN ('dead', 'unreadable')",
      [id, now],
    );
    return r.rowCount === 1;
  }

  async outbox(id: string): Promise<OutboxEntry | undefined> {
    const { rows } = await this.query<OutboxRow>("SELECT * FROM outbox WHERE inquiry_id = $1", [id]);
    return rows[0] && toEntry(rows[0]);
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
    // seq breaks ties in insertion order, as SQLite's rowid does.
    const { rows } = await this.query<{
      id: string;
      created_at: number;
      status: InquiryStatus;
      state: OutboxState | null;
      attempts: number | null;
      last_error: string | null;
      last_response_code: number | null;
      last_detail: string | null;
    }>(
      `SELECT i.id, i.created_at, i.status, o.state, o.attempts, o.last_error, o.last_response_code, o.last_detail
       FROM inquiries i LEFT JOIN outbox o ON o.inquiry_id = i.id ${where} ORDER BY i.created_at, i.seq`,
    );
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
    const { rows } = await this.query<{ pending: number; dead: number; unreadable: number; oldest: number | null }>(
      `SELECT
         COUNT(*) FILTER (WHERE state IN ('pending', 'sending')) AS pending,
         COUNT(*) FILTER (WHERE state = 'dead') AS dead,
         COUNT(*) FILTER (WHERE state = 'unreadable') AS unreadable,
         MIN(first_queued_at) FILTER (WHERE state IN ('pending', 'sending')) AS oldest
       FROM outbox`,
    );
    const c = rows[0];
    return { pending: c.pending, dead: c.dead, unreadable: c.unreadable, oldestPendingAgeMs: c.oldest === null ? 0 : Math.max(0, now - c.oldest) };
  }

  /**
   * Proves the store can be read and written without changing any record: the session is still durable
   * (synchronous_commit on), and a write is accepted (a read-only server, e.g. a standby after a failover, or a full
   * disk refuses it), then rolled back.
   */
  async probe(): Promise<void> {
    await this.transaction(async (c) => {
      const sync = (await c.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0]?.synchronous_commit ?? "";
      if (sync !== "on") throw new SynchronousCommitOffError("synchronous_commit", sync);
      await c.query("UPDATE inquiry_store_version SET version = version");
      return { commit: false, value: undefined };
    });
  }

  /**
   * Deletes delivered inquiries (and quarantined ones) older than the cut-off, and expired rate-limit windows.
   * Pending, dead and unreadable inquiries are never purged. PostgreSQL frees the deleted rows' space at the next
   * (auto)vacuum; the rows hold only ciphertext.
   */
  async purge(olderThan: number): Promise<number> {
    return this.transaction(async (c) => {
      const gone = await c.query(
        `DELETE FROM inquiries WHERE id IN (
           SELECT i.id FROM inquiries i LEFT JOIN outbox o ON o.inquiry_id = i.id
           WHERE (o.state = 'sent' AND o.sent_at < $1) OR (i.status = 'quarantined' AND i.created_at < $1))`,
        [olderThan],
      );
      await c.query("DELETE FROM rate_limits WHERE window_start < $1", [olderThan]);
      return { commit: true, value: gone.rowCount ?? 0 };
    });
  }

  /**
   * For copy-to-postgres only (not part of the contract): stores records as they are (ids, times, ciphertext, outbox
   * state) in one transaction. A record whose id (or idempotency key) is already here is skipped with its entry, so
   * running the copy again adds nothing. Returns the ids it added.
   */
  async importRecords(records: readonly ImportedRecord[]): Promise<string[]> {
    return this.transaction(async (c) => {
      const added: string[] = [];
      for (const r of records) {
        const inserted = await c.query(
          `INSERT INTO inquiries (id, created_at, status, reason, key_id, payload, payload_version, idempotency_key, fingerprint, site_locale)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
          [
            r.id,
            r.createdAt,
            r.status,
            r.reason,
            r.keyId,
            r.payload,
            r.payloadVersion,
            r.idempotencyKey,
            fingerprint(this.keyring, canonical(r.inquiry)),
            r.siteLocale,
          ],
        );
        if (inserted.rowCount !== 1) continue;
        added.push(r.id);
        const o = r.outbox;
        if (!o) continue;
        await c.query(
          `INSERT INTO outbox (inquiry_id, state, attempts, next_attempt_at, lease_until, lease_token, first_queued_at, last_error, last_response_code, last_detail, sent_at)
           VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6, $7, $8, $9)`,
          [r.id, o.state, o.attempts, o.nextAttemptAt, o.firstQueuedAt, o.lastError, o.lastResponseCode, o.lastDetail, o.sentAt],
        );
      }
      return { commit: true, value: added };
    });
  }

  /** For copy-to-postgres: the given inquiries counted by state (sending as pending, as health counts; quarantined: no entry). */
  async stateCounts(ids: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.query<{ state: string | null; n: number }>(
      `SELECT CASE WHEN o.state = 'sending' THEN 'pending' ELSE o.state END AS state, COUNT(*) AS n
       FROM inquiries i LEFT JOIN outbox o ON o.inquiry_id = i.id WHERE i.id = ANY($1) GROUP BY 1`,
      [ids],
    );
    return new Map(rows.map((r) => [r.state ?? "quarantined", r.n]));
  }

  async close(): Promise<void> {
    await this.conns.end();
  }

  /** The answer for a post over its bucket's limit in the current window, from a read alone; undefined if under it. */
  private async overRateLimit(limit: { bucket: string; windowMs: number; max: number }, now: number): Promise<CreateResult | undefined> {
    const windowStart = Math.floor(now / limit.windowMs) * limit.windowMs;
    const { rows } = await this.query<{ count: number }>("SELECT count FROM rate_limits WHERE bucket = $1 AND window_start = $2", [limit.bucket, windowStart]);
    return rows[0] && rows[0].count >= limit.max ? { kind: "rate-limited", retryAfterMs: windowStart + limit.windowMs - now } : undefined;
  }
}

/** A stored record as copy-to-postgres hands it over: ciphertext as it was, its content (to fingerprint), its entry. */
export interface ImportedRecord {
  id: string;
  createdAt: number;
  status: InquiryStatus;
  reason: string | null;
  keyId: string;
  payload: Buffer;
  payloadVersion: number;
  idempotencyKey: string | null;
  /** Copied as the source recorded it, even a locale this code no longer knows (reading maps that to the default). */
  siteLocale: string;
  inquiry: Inquiry;
  outbox?: Omit<OutboxEntry, "inquiryId" | "state"> & { state: Exclude<OutboxState, "sending"> };
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
