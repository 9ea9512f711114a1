// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import path from "node:path";
import type Database from "better-sqlite3";
import type { Migration, MigrationLock, MigrationTarget } from "./migrations";

/** The schema lib/inquiries/store.ts created before migrations existed (user_version 0), verbatim. */
export const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS inquiries (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted', 'quarantined')),
  reason TEXT,
  key_id TEXT NOT NULL,
  payload BLOB NOT NULL,
  idempotency_key TEXT UNIQUE,
  fingerprint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inquiries_fingerprint ON inquiries (fingerprint, created_at);
CREATE TABLE IF NOT EXISTS outbox (
  inquiry_id TEXT PRIMARY KEY REFERENCES inquiries (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  first_queued_at INTEGER NOT NULL,
  last_error TEXT,
  last_response_code INTEGER,
  sent_at INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
CREATE TABLE IF NOT EXISTS rate_limits (
  bucket TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
`;

/**
 * The SQLite store's migrations. The version lives in PRAGMA user_version (0 for a database made before
 * migrations existed, whose tables migration 1 adopts as they are).
 */
export const SQLITE_MIGRATIONS: readonly Migration<Database.Database>[] = [
  {
    version: 1,
    name: "inquiries, outbox and rate limits",
    // Exactly the schema the store created before migrations, so a database made then is adopted unchanged.
    up: (db) => {
      db.exec(SCHEMA_V1);
    },
  },
  {
    version: 2,
    name: "unreadable outbox state and payload versions",
    // SQLite cannot change a CHECK constraint in place: the outbox is rebuilt (new table, copy, drop, rename,
    // index), with foreign keys switched off by the target around the transaction.
    up: (db) => {
      db.exec(`
CREATE TABLE outbox_v2 (
  inquiry_id TEXT PRIMARY KEY REFERENCES inquiries (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'dead', 'unreadable')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  first_queued_at INTEGER NOT NULL,
  last_error TEXT,
  last_response_code INTEGER,
  sent_at INTEGER
);
INSERT INTO outbox_v2 (inquiry_id, state, attempts, next_attempt_at, lease_until, first_queued_at, last_error, last_response_code, sent_at)
  SELECT inquiry_id, state, attempts, next_attempt_at, lease_until, first_queued_at, last_error, last_response_code, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
ALTER TABLE inquiries ADD COLUMN payload_version INTEGER NOT NULL DEFAULT 1;
`);
    },
  },
  {
    version: 3,
    name: "outbox lease tokens",
    // Only the worker holding an entry's lease (this random token) may renew it or mark the entry. An entry leased
    // before this migration has no token: no new worker can mark it, and it is claimed again when its lease expires.
    up: (db) => {
      db.exec("ALTER TABLE outbox ADD COLUMN lease_token TEXT;");
    },
  },
  {
    version: 4,
    name: "the relay's reason beside the last error",
    // The first line of the relay's reply to a refused or deferred message, for the operator (never inquiry text).
    up: (db) => {
      db.exec("ALTER TABLE outbox ADD COLUMN last_detail TEXT;");
    },
  },
  {
    version: 5,
    name: "the site language an inquiry was sent from",
    // Which edition of the site the form was on ("en", "es"), so staff mail can say a person wrote from the Spanish
    // site. Every inquiry stored before this came from the English site, the only one there was.
    up: (db) => {
      db.exec("ALTER TABLE inquiries ADD COLUMN site_locale TEXT NOT NULL DEFAULT 'en';");
    },
  },
];

/**
 * user_version as the version; BEGIN IMMEDIATE as the lock (it takes the database's single write lock, waiting up
 * to busy_timeout, so two processes never migrate at once). PRAGMA foreign_keys is a no-op inside a transaction,
 * so it is switched off before BEGIN and back on after COMMIT or ROLLBACK, and foreign_key_check must find
 * nothing before the commit (the procedure SQLite documents for rebuilding a table).
 */
export function sqliteMigrationTarget(db: Database.Database): MigrationTarget<Database.Database> {
  const readVersion = async () => Number(db.pragma("user_version", { simple: true }));
  return {
    readVersion,
    exclusive: (fn) => inProcessQueue(path.resolve(db.name), () => lockedTransaction(db, readVersion, fn)),
  };
}

/**
 * BEGIN IMMEDIATE serialises processes, but within one process it would deadlock: the migration awaits while
 * holding the write lock, and a second connection's BEGIN IMMEDIATE waits for it synchronously (busy_timeout),
 * blocking the very thread that would finish the first. So connections in one process to one file take turns.
 */
const queues = new Map<string, Promise<unknown>>();
function inProcessQueue<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
  const tail = run.catch(() => {});
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

async function lockedTransaction<T>(
  db: Database.Database,
  readVersion: () => Promise<number>,
  fn: (lock: MigrationLock<Database.Database>) => Promise<T>,
): Promise<T> {
  db.pragma("foreign_keys = OFF");
  try {
    db.exec("BEGIN IMMEDIATE");
    try {
      const lock: MigrationLock<Database.Database> = {
        readVersion,
        apply: async (m) => {
          await m.up(db);
        },
        writeVersion: async (v) => {
          if (!Number.isInteger(v) || v < 0) throw new Error(`not a schema version: ${v}`);
          db.pragma(`user_version = ${v}`);
        },
      };
      const result = await fn(lock);
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length > 0) throw new Error(`A migration left ${broken.length} broken foreign key reference(s); nothing was changed.`);
      db.exec("COMMIT");
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw err;
    }
  } finally {
    db.pragma("foreign_keys = ON");
    if (db.pragma("foreign_keys", { simple: true }) !== 1) throw new Error("SQLite foreign keys could not be switched back on after migrating.");
  }
}
