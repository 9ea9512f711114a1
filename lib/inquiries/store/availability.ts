import type { InquiryStore } from "./contract";

/**
 * A store that cannot answer in time (another process holds the write lock, the disk is full or read-only, the
 * file is damaged, or it never opened). The route answers 503 with the phone number and keeps what the person
 * typed; nothing is acknowledged that was not stored.
 */
export class StoreUnavailableError extends Error {
  constructor(
    /** SQLITE_BUSY, SQLITE_FULL, SQLITE_READONLY, SQLITE_CORRUPT, ENOSPC … or STORE_CLOSED: never data. */
    readonly code: string,
  ) {
    super(`The inquiry store is unavailable (${code}).`);
    this.name = "StoreUnavailableError";
  }
}

/** "Wait and ask again" faults: another connection holds a lock for now. */
const TRANSIENT = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE"]);
/** Faults of the disk or the file rather than of one call: reported as unavailable, never as a program error. */
const STORAGE = /^(SQLITE_(FULL|READONLY|CORRUPT|IOERR|CANTOPEN|NOTADB|PROTOCOL)|E(NOSPC|ROFS|ACCES|PERM|IO|DQUOT))/;

const codeOf = (err: unknown) => String((err as { code?: unknown }).code ?? "");

/**
 * Wraps a store so that no call holds the event loop or the request for long: the engine waits only briefly for
 * a lock (a short busy timeout), and this retries with short sleeps in between, off the event loop, until
 * `waitMs` has passed; then, and for storage faults at once, it throws StoreUnavailableError. Pages and health
 * stay responsive while another process holds the database.
 */
export function withAvailability(store: InquiryStore, waitMs: number, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): InquiryStore {
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + waitMs;
    for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
      try {
        return await call();
      } catch (err) {
        const code = codeOf(err);
        if (TRANSIENT.has(code)) {
          if (Date.now() + pause > deadline) throw new StoreUnavailableError(code);
          await sleep(pause + Math.floor(Math.random() * pause));
          continue;
        }
        if (STORAGE.test(code)) throw new StoreUnavailableError(code);
        throw err;
      }
    }
  };
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function" || key === "close") return typeof value === "function" ? value.bind(target) : value;
      return (...args: unknown[]) => guarded(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}

/** Stands in for a store that did not open: every call fails with the reason, so the route answers 503. */
export function unavailableStore(code: string): InquiryStore {
  const fail = async () => {
    throw new StoreUnavailableError(code);
  };
  return new Proxy({} as InquiryStore, {
    get: (_target, key) => (key === "engine" ? "sqlite" : key === "close" ? async () => {} : fail),
  });
}
