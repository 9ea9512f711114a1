// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { loadOrCreateKeyring } from "../crypto";
import type { InquiryStore } from "./contract";
import type { MigrationResult } from "./migrations";
import { migrateSqlite, openDatabase, openSqliteInquiryStore } from "./sqlite";
import { withAvailability } from "./availability";

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
  const file = storeFile(opts.dataDir);
  checkExists(file, opts.mustExist);
  const db = openDatabase(file, { mustExist: opts.mustExist });
  try {
    return await migrateSqlite(db);
  } finally {
    db.close();
  }
}
