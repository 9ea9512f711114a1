// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import type pg from "pg";
import type { Migration, MigrationLock, MigrationTarget } from "./migrations";

/**
 * The PostgreSQL store's migrations, numbered as SQLite's are (sqlite-migrations.ts) and with the same meaning at
 * each number, so "schema version 4" says the same thing about either engine. Times are bigint milliseconds since
 * the epoch, as the contract passes them (never the database's clock); payloads are bytea. `seq` orders inquiries
 * created at the same millisecond in the order they were stored, as SQLite's rowid does.
 */
export const POSTGRES_MIGRATIONS: readonly Migration<pg.ClientBase>[] = [
  {
    version: 1,
    name: "inquiries, outbox and rate limits",
    up: async (c) => {
      await c.query(`
CREATE TABLE inquiries (
  id text PRIMARY KEY,
  created_at bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'quarantined')),
  reason text,
  key_id text NOT NULL,
  payload bytea NOT NULL,
  idempotency_key text UNIQUE,
  fingerprint text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX inquiries_fingerprint ON inquiries (fingerprint, created_at);
CREATE TABLE outbox (
  inquiry_id text PRIMARY KEY REFERENCES inquiries (id) ON DELETE CASCADE,
  state text NOT NULL CONSTRAINT outbox_state CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  lease_until bigint,
  first_queued_at bigint NOT NULL,
  last_error text,
  last_response_code integer,
  sent_at bigint
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_start bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);`);
    },
  },
  {
    version: 2,
    name: "unreadable outbox state and payload versions",
    // PostgreSQL changes a CHECK constraint in place (SQLite rebuilds the table for this).
    up: async (c) => {
      await c.query(`
ALTER TABLE outbox DROP CONSTRAINT outbox_state;
ALTER TABLE outbox ADD CONSTRAINT outbox_state CHECK (state IN ('pending', 'sending', 'sent', 'dead', 'unreadable'));
ALTER TABLE inquiries ADD COLUMN payload_version integer NOT NULL DEFAULT 1;`);
    },
  },
  {
    version: 3,
    name: "outbox lease tokens",
    up: async (c) => {
      await c.query("ALTER TABLE outbox ADD COLUMN lease_token text");
    },
  },
  {
    version: 4,
    name: "the relay's reason beside the last error",
    up: async (c) => {
      await c.query("ALTER TABLE outbox ADD COLUMN last_detail text");
    },
  },
  {
    version: 5,
    name: "the site language an inquiry was sent from",
    // As SQLite's migration 5: which edition of the site the form was on ("en", "es"). Rows stored before it came
    // from the English site, the only one there was. ADD COLUMN with a constant default rewrites no rows (PG 11+).
    up: async (c) => {
      await c.query("ALTER TABLE inquiries ADD COLUMN site_locale text NOT NULL DEFAULT 'en'");
    },
  },
];

/**
 * The advisory lock that serialises migrations between processes (every instance migrates at start-up), in the
 * two-key form (namespace, 0). Advisory locks are per database: two sites' databases on one server do not wait for
 * each other.
 */
const MIGRATION_LOCK: readonly [number, number] = [0x10f_0001, 0];

/** How long a migration (and waiting for another instance's) may take: longer than a request's statement timeout. */
const MIGRATION_TIMEOUT_MS = 120_000;

/** The version lives in a one-row table; a database without it is version 0 (no migration has run). */
async function readVersion(c: pg.ClientBase): Promise<number> {
  const exists = await c.query<{ t: string | null }>("SELECT to_regclass('inquiry_store_version')::text AS t");
  if (!exists.rows[0].t) return 0;
  const row = await c.query<{ version: number }>("SELECT version FROM inquiry_store_version");
  return row.rows[0]?.version ?? 0;
}

/**
 * `connect` hands out a connection already set up as the store's (synchronous_commit checked); `release(err)`
 * gives it back (destroying it after an error).
 */
export function postgresMigrationTarget(
  connect: () => Promise<pg.PoolClient>,
  release: (c: pg.PoolClient, err?: unknown) => void,
): MigrationTarget<pg.ClientBase> {
  return {
    async readVersion() {
      const c = await connect();
      try {
        const v = await readVersion(c);
        release(c);
        return v;
      } catch (err) {
        release(c, err);
        throw err;
      }
    },
    async exclusive(fn) {
      const c = await connect();
      let failure: unknown;
      try {
        await c.query(`SET statement_timeout = ${MIGRATION_TIMEOUT_MS}`);
        // A session lock, taken before the transaction begins, not pg_advisory_xact_lock inside it: a transaction
        // that waited for the lock would still see the catalog as it was when the transaction began (PostgreSQL
        // takes in other sessions' catalog changes at a transaction's start or when locking a table, not when
        // taking an advisory lock), would not find the tables the other instance made, and would make them again.
        // The session, and with it the lock, ends if this process dies.
        await c.query("SELECT pg_advisory_lock($1, $2)", [...MIGRATION_LOCK]);
        try {
          // DDL is transactional in PostgreSQL: the migrations and the new version commit together or not at all.
          await c.query("BEGIN ISOLATION LEVEL READ COMMITTED");
          const lock: MigrationLock<pg.ClientBase> = {
            // Read inside the lock: another instance may have migrated while this one waited.
            readVersion: () => readVersion(c),
            apply: async (m) => {
              await m.up(c);
            },
            writeVersion: async (v) => {
              if (!Number.isInteger(v) || v < 0) throw new Error(`not a schema version: ${v}`);
              await c.query("CREATE TABLE IF NOT EXISTS inquiry_store_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)");
              await c.query("INSERT INTO inquiry_store_version (one, version) VALUES (true, $1) ON CONFLICT (one) DO UPDATE SET version = EXCLUDED.version", [
                v,
              ]);
            },
          };
          const result = await fn(lock);
          await c.query("COMMIT");
          return result;
        } catch (err) {
          await c.query("ROLLBACK").catch(() => {});
          throw err;
        } finally {
          await c.query("SELECT pg_advisory_unlock($1, $2)", [...MIGRATION_LOCK]).catch(() => {});
        }
      } catch (err) {
        failure = err;
        throw err;
      } finally {
        // Closed rather than returned to the pool: its session carries the migration's statement timeout.
        release(c, failure ?? new Error("migration connection retired"));
      }
    },
  };
}
