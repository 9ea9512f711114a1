import fs from "node:fs";
import path from "node:path";
import { loadOrCreateKeyring } from "../crypto";
import type { InquiryStore } from "./contract";
import type { MigrationResult } from "./migrations";
import { migrateSqlite, openDatabase, openSqliteInquiryStore } from "./sqlite";
import { withAvailability } from "./availability";

export interface OpenStoreOptions {
  /** The data folder: the store is <dataDir>/inquiries.db. */
  dataDir: string;
  /** INQUIRY_KEYS; unset, a key is kept in the data folder (crypto.ts). */
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
  constructor(readonly file: string) {
    super(`No inquiry database at ${file}. Set DATA_DIR to the server's data folder.`);
    this.name = "StoreMissingError";
  }
}

const storeFile = (dataDir: string) => path.join(/*turbopackIgnore: true*/ dataDir, "inquiries.db");

function checkExists(file: string, mustExist: boolean | undefined) {
  if (mustExist && !fs.existsSync(/*turbopackIgnore: true*/ file)) throw new StoreMissingError(file);
}

/** Opens the store, brought to the newest schema this code knows (refusing one made by newer code). */
export async function openInquiryStore(opts: OpenStoreOptions): Promise<InquiryStore> {
  const file = storeFile(opts.dataDir);
  // Checked before the keyring, so pointing at the wrong folder does not leave a new key behind.
  checkExists(file, opts.mustExist);
  const keyring = loadOrCreateKeyring(opts.inquiryKeys, opts.dataDir);
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
