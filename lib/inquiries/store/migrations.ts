/**
 * Schema migrations for any store engine. Each engine lists its numbered migrations (1, 2, 3, … with the same
 * meaning in every engine) and provides a MigrationTarget: where it keeps the version and how it takes an
 * exclusive lock. SQLite keeps the version in PRAGMA user_version and locks with BEGIN IMMEDIATE; a server
 * database would keep it in a table and hold an advisory lock.
 *
 * Several processes may start at once on one store: each reads the version, and if anything is pending takes
 * the lock, reads the version again (another process may have migrated meanwhile) and runs only what is still
 * pending, all in one transaction with the new version. A store newer than the code is refused untouched.
 */
export interface Migration<Conn> {
  version: number;
  /** What it changes, for logs and errors. */
  name: string;
  up(conn: Conn): void | Promise<void>;
}

/** What a migration runs inside: the engine's exclusive lock and transaction. */
export interface MigrationLock<Conn> {
  /** The version as seen inside the lock (authoritative). */
  readVersion(): Promise<number>;
  apply(migration: Migration<Conn>): Promise<void>;
  writeVersion(version: number): Promise<void>;
}

export interface MigrationTarget<Conn> {
  /** The stored version, read without the lock (0 for a store no migration has touched). */
  readVersion(): Promise<number>;
  /**
   * Runs `fn` holding an exclusive lock that serialises migrations across processes, in one transaction: committed
   * when `fn` resolves, rolled back (and the lock released) when it throws.
   */
  exclusive<T>(fn: (lock: MigrationLock<Conn>) => Promise<T>): Promise<T>;
}

export interface MigrationResult {
  from: number;
  to: number;
}

/** The store was written by newer code than this: refusing is the only safe answer. */
export class SchemaTooNewError extends Error {
  readonly code = "SCHEMA_TOO_NEW";
  constructor(
    readonly storeVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `The inquiry store is at schema version ${storeVersion} but this code knows versions up to ${knownVersion} (was a deploy rolled back?). ` +
        `Deploy code that knows version ${storeVersion}, or restore a backup made by this version.`,
    );
    this.name = "SchemaTooNewError";
  }
}

/** Checks that a list is numbered 1, 2, 3, … without gaps and returns the newest version. */
function latestVersion(migrations: readonly Migration<unknown>[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration "${m.name}" is numbered ${m.version} but is at position ${i + 1}: migrations must be numbered 1, 2, 3, …`);
  });
  return migrations.length;
}

export async function runMigrations<Conn>(target: MigrationTarget<Conn>, migrations: readonly Migration<Conn>[]): Promise<MigrationResult> {
  const latest = latestVersion(migrations);
  const seen = await target.readVersion();
  if (seen > latest) throw new SchemaTooNewError(seen, latest);
  if (seen === latest) return { from: seen, to: seen };
  return target.exclusive(async (lock) => {
    const from = await lock.readVersion();
    if (from > latest) throw new SchemaTooNewError(from, latest);
    for (const m of migrations) if (m.version > from) await lock.apply(m);
    if (from !== latest) await lock.writeVersion(latest);
    return { from, to: latest };
  });
}
