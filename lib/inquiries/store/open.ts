// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Env } from "@/lib/env";
import { loadOrCreateKeyring, parseKeyring } from "../crypto";
import type { InquiryStore } from "./contract";
import type { MigrationResult } from "./migrations";
import { migrateSqlite, openDatabase, openSqliteInquiryStore } from "./sqlite";
import { withAvailability } from "./availability";
import { migratePostgres, openPostgresInquiryStore, type PostgresSettings } from "./postgres";

export interface OpenStoreOptions {
  /** The data folder: the store is <dataDir>/inquiries.db. */
  dataDir: string;
  /**
   * INQUIRY_KEYS; unset, a key is kept in the data folder (crypto.ts), generated only while the store holds no
   * inquiry: with inquiries stored and the key file missing, opening fails with KeyFileMissingError.
   */
  inquiryKeys?: string;
  /** For operator commands: fail if the store does not exist, and create nothing (no folder, no file, no key). */
  mustExist?: boolean;
  /**
   * For serving: the longest any call may wait for the store (a lock another process holds) before it fails
   * with StoreUnavailableError, without holding the event loop meanwhile. Unset: calls wait as long as SQLite's
   * own busy timeout (5 s), as an operator command may.
   */
  waitMs?: number;
  /**
   * DATABASE_URL (postgres:// or postgresql://): the store is in that PostgreSQL database, shared by every instance,
   * and `dataDir` holds only local mail files. Unset: SQLite in `dataDir`.
   */
  databaseUrl?: string;
  /** Timeouts and pool size for PostgreSQL (DATABASE_*); defaults when unset. */
  postgres?: PostgresSettings;
}

/** Where the server's environment says the store is, and with which keys. */
export function storeOptions(env: Env): Pick<OpenStoreOptions, "dataDir" | "inquiryKeys" | "databaseUrl" | "postgres"> {
  return {
    dataDir: env.dataDir,
    inquiryKeys: env.INQUIRY_KEYS,
    databaseUrl: env.DATABASE_URL,
    postgres: {
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      poolMax: env.DATABASE_POOL_MAX,
    },
  };
}

/**
 * A store shared by several hosts (DATABASE_URL) without INQUIRY_KEYS. A key generated on one host would leave every
 * record it writes unreadable on the others, so none is generated or read from a key file: the store does not open,
 * the route answers 503 with the phone number, and health names this code.
 */
export class SharedStoreKeysMissingError extends Error {
  readonly code = "INQUIRY_KEYS_MISSING_SHARED_STORE";
  constructor() {
    super(
      "DATABASE_URL is set but INQUIRY_KEYS is not. A store shared by several hosts needs the same keys on every host: set INQUIRY_KEYS " +
        '("id:base64key", 32-byte keys, the first encrypts) from your secret store on each. No key file is generated or used with a shared store.',
    );
    this.name = "SharedStoreKeysMissingError";
  }
}

/** SQLite's own wait for a lock while serving: short, because better-sqlite3 waits on the event loop. */
const SERVING_BUSY_TIMEOUT_MS = 25;

/** The store was expected to exist (an operator command pointed at a data folder) and does not. */
export class StoreMissingError extends Error {
  readonly code = "STORE_MISSING";
  constructor(readonly file: string) {
    super(`No inquiry database at ${file}. Set DATA_DIR to the server's data folder.`);
    this.name = "StoreMissingError";
  }
}

const storeFile = (dataDir: string) => path.join(/*turbopackIgnore: true*/ dataDir, "inquiries.db");

function checkExists(file: string, mustExist: boolean | undefined) {
  if (mustExist && !fs.existsSync(/*turbopackIgnore: true*/ file)) throw new StoreMissingError(file);
}

/**
 * How many inquiries the store file holds and under which key ids, read before any key is loaded: a key may be
 * generated only for a store that holds none. A store that cannot be read this way counts as holding some, so a
 * doubt never leads to a new key.
 */
function storedInquiries(file: string): { count: number; keyIds: string[] } {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return { count: 0, keyIds: [] };
  let db: Database.Database | undefined;
  try {
    db = new Database(/*turbopackIgnore: true*/ file, { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'inquiries'").get()) return { count: 0, keyIds: [] };
    const rows = db.prepare("SELECT key_id, COUNT(*) AS n FROM inquiries GROUP BY key_id ORDER BY key_id").all() as { key_id: string; n: number }[];
    return { count: rows.reduce((sum, r) => sum + r.n, 0), keyIds: rows.map((r) => r.key_id) };
  } catch (err) {
    // A store that is only locked for now may hold inquiries: never make a key beside it. A damaged or unreadable
    // file is the fault to report (it could not be opened either), not a missing key.
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code))) return { count: 1, keyIds: ["(unknown: the store was locked)"] };
    throw err;
  } finally {
    db?.close();
  }
}

/** Opens the store, brought to the newest schema this code knows (refusing one made by newer code). */
export async function openInquiryStore(opts: OpenStoreOptions): Promise<InquiryStore> {
  if (opts.databaseUrl) {
    // Checked before connecting: no key file is read or generated, and nothing reaches the database.
    if (!opts.inquiryKeys) throw new SharedStoreKeysMissingError();
    // PostgreSQL waits for locks on the server and gives up by statement_timeout; no retry loop is needed around it.
    return openPostgresInquiryStore(opts.databaseUrl, parseKeyring(opts.inquiryKeys), { settings: opts.postgres, mustExist: opts.mustExist });
  }
  const file = storeFile(opts.dataDir);
  // Checked before the keyring, so pointing at the wrong folder does not leave a new key behind.
  checkExists(file, opts.mustExist);
  // Without INQUIRY_KEYS: a key is generated only for a store holding no inquiry, and never for an operator command.
  const stored = opts.inquiryKeys ? undefined : storedInquiries(file);
  const keyring = loadOrCreateKeyring(opts.inquiryKeys, opts.dataDir, {
    mayCreate: !opts.mustExist && stored?.count === 0,
    stored: stored && stored.count > 0 ? stored : undefined,
  });
  if (opts.waitMs === undefined) return openSqliteInquiryStore(file, keyring, { mustExist: opts.mustExist });
  const store = await openSqliteInquiryStore(file, keyring, { mustExist: opts.mustExist, busyTimeoutMs: SERVING_BUSY_TIMEOUT_MS });
  return withAvailability(store, opts.waitMs);
}

/** Runs pending migrations only (for the operator's `migrate`): no keys are needed or created. */
export async function migrateInquiryStore(opts: OpenStoreOptions): Promise<MigrationResult> {
  // A PostgreSQL database is given its schema here (that is how a new one is prepared), whatever mustExist says.
  if (opts.databaseUrl) return migratePostgres(opts.databaseUrl, { settings: opts.postgres });
  const file = storeFile(opts.dataDir);
  checkExists(file, opts.mustExist);
  const db = openDatabase(file, { mustExist: opts.mustExist });
  try {
    return await migrateSqlite(db);
  } finally {
    db.close();
  }
}
