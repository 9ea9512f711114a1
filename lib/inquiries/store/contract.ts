import type { Locale } from "@/lib/i18n/locales";
import type { Inquiry } from "../schema";

/**
 * What the route, the delivery worker, health and the operator command may ask of an inquiry store, whatever
 * engine holds it. Every method is async so a server database fits behind the same interface; one contract test
 * suite (tests/contract/) is written against this interface and run against each implementation.
 */

/**
 * pending: waiting to be sent (or to be retried); sending: leased by a worker; sent: the relay accepted it;
 * dead: the relay refused it for good (or delivery gave up); unreadable: the stored record could not be
 * decrypted or did not parse. Unreadable is never dead or sent: it is kept for the operator, counted by health,
 * retried slowly and at once by `retry` after the cause (a missing key, old code) is fixed.
 */
export type OutboxState = "pending" | "sending" | "sent" | "dead" | "unreadable";
export type InquiryStatus = "accepted" | "quarantined";
export type ListFilter = "pending" | "dead" | "unreadable" | "quarantined" | "sent" | "all";

export interface StoredInquiry {
  id: string;
  createdAt: number;
  status: InquiryStatus;
  reason: string | null;
  /** The edition of the site the form was sent from (not the language the person asked to be contacted in). */
  siteLocale: Locale;
  inquiry: Inquiry;
}

export interface OutboxEntry {
  inquiryId: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  firstQueuedAt: number;
  lastError: string | null;
  lastResponseCode: number | null;
  /** The relay's own words for the last refusal or deferral (its reply's first line), for the operator. */
  lastDetail: string | null;
  sentAt: number | null;
}

/**
 * An entry as claimNext hands it to one worker. The lease token is random and stored with the lease: only the
 * holder knows it, and a mark or renewal with a token that is no longer the entry's changes nothing. So a worker
 * whose lease expired (and was taken over by another) cannot overwrite what the new holder does.
 */
export interface ClaimedEntry extends OutboxEntry {
  state: "sending";
  leaseToken: string;
}

export interface ListedInquiry {
  id: string;
  createdAt: number;
  status: InquiryStatus;
  state: OutboxState | null;
  attempts: number;
  lastError: string | null;
  lastResponseCode: number | null;
  lastDetail: string | null;
}

export interface StoreCounts {
  pending: number;
  dead: number;
  unreadable: number;
  oldestPendingAgeMs: number;
}

export interface CreateInput {
  inquiry: Inquiry;
  /** The edition of the site the form was sent from; the default locale when not given. */
  siteLocale?: Locale;
  quarantineReason?: string;
  idempotencyKey?: string;
  now: number;
  dedupeWindowMs: number;
  /**
   * Counted in the same transaction as the insert, so an accepted inquiry costs one commit, not two. A post over the
   * limit writes nothing at all (a flood of them cannot grow or churn the store); expired windows of the bucket are
   * deleted when an accepted post writes anyway.
   */
  /**
   * Who is asking (e.g. "ip:203.0.113.5"). Every engine stores only a keyed hash of the bucket (crypto.ts
   * rateLimitBucket), so the store holds no client addresses.
   */
  rateLimit?: { bucket: string; windowMs: number; max: number };
}

export type CreateResult =
  { kind: "created"; id: string } | { kind: "duplicate"; id: string } | { kind: "key-conflict" } | { kind: "rate-limited"; retryAfterMs: number };

/** Thrown by getInquiry for a record that exists but cannot be read; `code` says why, never what it holds. */
export class UnreadableRecordError extends Error {
  constructor(
    readonly code: "EDECRYPT" | "ENOKEY" | "EPAYLOAD" | "EPAYLOAD_VERSION",
    message: string,
  ) {
    super(message);
    this.name = "UnreadableRecordError";
  }
}

export interface InquiryStore {
  readonly engine: "sqlite" | "postgres";
  /**
   * Stores an inquiry (and, unless quarantined, its outbox entry) in one transaction, answering only after it
   * commits. A repeated idempotency key with the same content, or the same content within the dedupe window,
   * returns the first inquiry instead of creating another.
   */
  create(input: CreateInput): Promise<CreateResult>;
  /** undefined when no such inquiry; throws UnreadableRecordError when it exists but cannot be read. */
  getInquiry(id: string): Promise<StoredInquiry | undefined>;
  /**
   * Atomically leases the next due entry (or one whose lease expired: its sender died) until `now + leaseMs`, under
   * a new lease token. Answers only after the lease is committed: a claim that did not commit throws, and is never
   * handed out (the caller would send a message it cannot mark).
   */
  claimNext(now: number, leaseMs: number): Promise<ClaimedEntry | undefined>;
  /**
   * Extends a lease the caller still holds (state sending, same token) to `until`, also after it expired if no one
   * else took it. false when the lease is no longer the caller's: nothing changed.
   */
  renewLease(id: string, leaseToken: string, until: number): Promise<boolean>;
  /**
   * The marks below settle an entry the caller holds the lease of. Each changes nothing and answers false when the
   * entry is no longer held with `leaseToken` (its lease was taken over, released or settled).
   */
  markSent(id: string, leaseToken: string, now: number): Promise<boolean>;
  /** Back to pending, to be tried again at `nextAttemptAt`. */
  markRetry(id: string, leaseToken: string, nextAttemptAt: number, error: string, responseCode?: number, detail?: string): Promise<boolean>;
  markDead(id: string, leaseToken: string, error: string, responseCode?: number, detail?: string): Promise<boolean>;
  /** Kept aside as unreadable; claimNext offers it again at `nextAttemptAt`. */
  markUnreadable(id: string, leaseToken: string, nextAttemptAt: number, error: string): Promise<boolean>;
  /** Operator: re-queue a dead or unreadable entry now, after the cause is fixed (no lease is involved). */
  requeue(id: string, now: number): Promise<boolean>;
  outbox(id: string): Promise<OutboxEntry | undefined>;
  /** Ids and states for the operator, never contents. */
  list(filter?: ListFilter): Promise<ListedInquiry[]>;
  /** Numbers only, for health. */
  counts(now: number): Promise<StoreCounts>;
  /**
   * Proves the store can still be read and written without changing any record: an integrity check and taking
   * (then giving back) the write lock. Throws with the engine's error code when it cannot. Health runs it in the
   * background, never on a public request.
   */
  probe(): Promise<void>;
  /** Deletes delivered and quarantined inquiries older than `olderThan` (and expired rate-limit windows); never pending, dead or unreadable ones. */
  purge(olderThan: number): Promise<number>;
  close(): Promise<void>;
}
