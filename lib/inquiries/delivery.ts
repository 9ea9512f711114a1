// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import { UnreadableRecordError, type InquiryStore } from "./store/contract";
import type { Mailer } from "./mail";
import { buildMessage } from "./mail";
import { backoffMs, classifyFailure, relayReason } from "./failures";
import { log } from "@/lib/log";
import type { Env } from "@/lib/env";

/**
 * Sends stored inquiries to intake staff. It knows nothing of HTTP: it takes due entries from the outbox,
 * one lease at a time, so several server processes can run it on the same database.
 */
export interface DeliveryConfig {
  from: string;
  to: string;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  giveUpMs: number;
}

/** The worker's settings from the environment: the same for the in-process worker, `npm run worker` and /api/deliver. */
export function deliveryConfig(env: Env): DeliveryConfig {
  return {
    from: env.MAIL_FROM,
    to: env.MAIL_TO,
    leaseMs: env.DELIVERY_LEASE_MS,
    retryBaseMs: env.RETRY_BASE_MS,
    retryMaxMs: env.RETRY_MAX_MS,
    giveUpMs: env.RETRY_GIVE_UP_MS,
  };
}

/** lease-lost: the entry's lease was no longer this worker's when it came to mark it, so it changed nothing. */
export type DeliveryOutcome = "idle" | "sent" | "retry" | "dead" | "config" | "unreadable" | "lease-lost";

/**
 * Claims one due entry and sends it. Only the holder of the entry's lease (its token) can mark it; while the send
 * runs, a heartbeat renews the lease every leaseMs/3 so a slow relay session does not let another worker take it.
 * A store error (claim, read or mark) throws: the entry keeps its lease until that expires, and is never sent twice
 * in one lease period.
 */
export async function deliverNext(
  store: InquiryStore,
  mailer: Mailer,
  cfg: DeliveryConfig,
  now: () => number = Date.now,
  /** Told which entry this call holds the lease of (and its token), so a stopping worker can release it. */
  onClaim: (id: string, leaseToken: string) => void = () => {},
): Promise<DeliveryOutcome> {
  const entry = await store.claimNext(now(), cfg.leaseMs);
  if (!entry) return "idle";
  const { inquiryId: id, leaseToken: token } = entry;
  onClaim(id, token);
  const heartbeat = startHeartbeat(store, id, token, cfg.leaseMs, now);
  try {
    let stored;
    try {
      stored = await store.getInquiry(id);
    } catch (err) {
      // Anything else (the store itself failing) leaves the lease to expire, and the entry is tried again then.
      if (!(err instanceof UnreadableRecordError)) throw err;
      await heartbeat.stop();
      return unreadable(store, id, token, err.code, now() + cfg.retryMaxMs);
    }
    if (!stored) {
      await heartbeat.stop();
      return unreadable(store, id, token, "ENOROW", now() + cfg.retryMaxMs);
    }
    const message = buildMessage(stored, cfg.from, cfg.to);
    let failure: ReturnType<typeof classifyFailure> | undefined;
    let detail: string | undefined;
    try {
      await mailer.send(message);
    } catch (err) {
      failure = classifyFailure(err);
      detail = relayReason(err); // the relay's reply, first line only, for the operator's log
    }
    // No renewal may land after the mark (it would find the lease gone and report it lost).
    await heartbeat.stop();
    if (!failure) {
      // Outside the send's try: a store that cannot record the send is not a failed send to retry at once.
      let recorded: boolean;
      try {
        recorded = await store.markSent(id, token, now());
      } catch (err) {
        throw new UnrecordedSendError(id, token, err);
      }
      if (!recorded) return leaseLost(id, "sent");
      log("delivery.sent", { id, attempts: entry.attempts });
      return "sent";
    }
    const f = failure;
    if (f.kind === "permanent") {
      if (!(await store.markDead(id, token, f.code, f.responseCode, detail))) return leaseLost(id, "dead");
      log("delivery.dead", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts, detail }, "error");
      return "dead";
    }
    if (f.kind === "config") {
      // Not the message's fault: keep it pending however long it takes, and retry at the slowest pace.
      if (!(await store.markRetry(id, token, now() + cfg.retryMaxMs, f.code, f.responseCode, detail))) return leaseLost(id, "pending");
      log("delivery.config-error", { id, code: f.code, responseCode: f.responseCode, detail }, "error");
      return "config";
    }
    if (now() - entry.firstQueuedAt >= cfg.giveUpMs) {
      if (!(await store.markDead(id, token, f.code, f.responseCode, detail))) return leaseLost(id, "dead");
      log("delivery.dead", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts, reason: "gave-up", detail }, "error");
      return "dead";
    }
    const wait = backoffMs(entry.attempts, cfg.retryBaseMs, cfg.retryMaxMs);
    if (!(await store.markRetry(id, token, now() + wait, f.code, f.responseCode, detail))) return leaseLost(id, "pending");
    log("delivery.retry", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts, nextAttemptInMs: wait, detail }, "warn");
    return "retry";
  } finally {
    await heartbeat.stop();
  }
}

/**
 * The lease expired and another worker took the entry (or the operator or a shutdown released it): what this
 * worker did is not recorded, and the new holder's state stands. If this worker's send went through, the other
 * may send it again: at least once, and the stable Message-ID marks the copy.
 */
function leaseLost(id: string, state: string): DeliveryOutcome {
  log("delivery.lease-lost", { id, state }, "warn");
  return "lease-lost";
}

/**
 * Renews the lease every leaseMs/3 while the entry is in hand. One renewal at a time; `stop` waits for the one in
 * flight, so none lands after the entry is marked. A renewal that finds the lease gone stops the heartbeat; a store
 * error while renewing is logged once, and the next beat tries again.
 */
function startHeartbeat(store: InquiryStore, id: string, token: string, leaseMs: number, now: () => number) {
  let stopped = false;
  let busy: Promise<void> | undefined;
  let reportedError = false;
  const beat = async () => {
    try {
      // Lost: renewing is pointless; the mark will find it lost too, and says so (delivery.lease-lost).
      if (!(await store.renewLease(id, token, now() + leaseMs))) {
        stopped = true;
        clearInterval(timer);
      }
    } catch (err) {
      if (!reportedError) {
        reportedError = true;
        log("delivery.lease-renew-error", { id, code: errorCode(err) }, "warn");
      }
    }
  };
  const timer = setInterval(
    () => {
      if (stopped || busy) return;
      busy = beat().finally(() => (busy = undefined));
    },
    Math.max(1, Math.floor(leaseMs / 3)),
  );
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}

/**
 * The relay accepted a message but the store could not record it (a full disk). The worker keeps the id and its
 * lease token and records the send first once the store works again, so the entry is not sent twice when the
 * store recovers within the lease.
 */
class UnrecordedSendError extends Error {
  readonly code: string;
  constructor(
    readonly id: string,
    readonly token: string,
    cause: unknown,
  ) {
    super("a sent message could not be recorded");
    this.code = errorCode(cause);
  }
}

const errorCode = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "UNKNOWN";
};

/**
 * A record we cannot read (its key was removed, it was damaged, newer code wrote it) is a configuration problem,
 * not the message's: keep it aside as unreadable (never dead, never sent), shout, and let claimNext offer it again
 * at the slowest pace; the operator's `retry` brings it back at once after the fix.
 */
async function unreadable(store: InquiryStore, id: string, token: string, code: string, nextAttemptAt: number): Promise<DeliveryOutcome> {
  if (!(await store.markUnreadable(id, token, nextAttemptAt, code))) return leaseLost(id, "unreadable");
  log("delivery.unreadable", { id, code }, "error");
  return "unreadable";
}

/** What one bounded round of delivery did: counts only, never an inquiry's content. */
export interface BatchResult {
  sent: number;
  retry: number;
  dead: number;
  unreadable: number;
  /** Kept pending for a configuration problem (relay authentication, TLS). */
  config: number;
  leaseLost: number;
  /** Accepted by the relay but not recorded (the store failed): sent again once the lease expires, same Message-ID. */
  unrecorded: number;
  /** Entries still pending after the round (due now or waiting for a retry), or null when the store could not count. */
  remaining: number | null;
  /** Why the round ended: nothing was due, the batch was full, the deadline passed, or the store failed. */
  stoppedBy: "idle" | "max" | "deadline" | "store-error";
}

/**
 * Delivers due entries one at a time, as the worker does, but bounded: at most `max` entries, and no new claim after
 * `deadline` (a send already started may run on within the SMTP timeouts, which the lease outlasts). For a scheduler
 * that calls POST /api/deliver where no process lives long enough to run a worker. A store error ends the round: the
 * entry in hand keeps its lease until it expires, as with the worker.
 */
export async function deliverBatch(
  store: InquiryStore,
  mailer: Mailer,
  cfg: DeliveryConfig,
  { max, deadline, now = Date.now }: { max: number; deadline: number; now?: () => number },
): Promise<BatchResult> {
  const r: BatchResult = { sent: 0, retry: 0, dead: 0, unreadable: 0, config: 0, leaseLost: 0, unrecorded: 0, remaining: null, stoppedBy: "idle" };
  for (let attempted = 0; ; attempted++) {
    if (attempted >= max) {
      r.stoppedBy = "max";
      break;
    }
    if (now() >= deadline) {
      r.stoppedBy = "deadline";
      break;
    }
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliverNext(store, mailer, cfg, now);
    } catch (err) {
      if (err instanceof UnrecordedSendError) {
        r.unrecorded++;
        log("delivery.unrecorded", { id: err.id, code: err.code }, "error");
      }
      log("delivery.store-error", { code: errorCode(err), reason: "endpoint" }, "error");
      r.stoppedBy = "store-error";
      break;
    }
    if (outcome === "idle") break;
    if (outcome === "lease-lost") r.leaseLost++;
    else r[outcome]++;
  }
  try {
    r.remaining = (await store.counts(now())).pending;
  } catch {
    r.remaining = null;
  }
  return r;
}

export interface Worker {
  /** Look for work now (called after an inquiry is stored) instead of waiting for the next poll. */
  kick(): void;
  /**
   * Stops polling and waits for the send in progress. If it is still running after `graceMs`, its lease is
   * released (the entry is pending again, for this or another process) and stop resolves false. The relay may
   * still accept that message, so a resend is possible: delivery is at least once, and the Message-ID marks it.
   */
  stop(graceMs?: number): Promise<boolean>;
}

/** How long the worker waits after `failures` store errors in a row: the poll interval, doubling up to maxMs. */
export function storeBackoffMs(failures: number, pollMs: number, maxMs: number): number {
  if (failures <= 0) return pollMs;
  return Math.max(pollMs, Math.min(maxMs, pollMs * 2 ** Math.min(failures - 1, 40)));
}

/**
 * Polls the outbox; sends one entry at a time until nothing is due, then sleeps until the next poll or kick.
 * When the store itself fails (a full disk, a broken file), it backs off exponentially from the poll interval up
 * to retryMaxMs instead of failing at every poll, and logs each change: delivery.store-error when it starts
 * failing (or the code changes), delivery.store-recovered when an entry is settled again. A kick (an inquiry was
 * just committed, so the store writes again) still looks for work at once.
 */
export function startWorker(store: InquiryStore, mailer: Mailer, cfg: DeliveryConfig, pollMs: number): Worker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let inHand: { id: string; token: string } | undefined;
  let failures = 0;
  let failingCode: string | undefined;
  /** Sends the relay accepted that the store could not record yet: id → lease token. */
  const unrecorded = new Map<string, string>();
  const recordSends = async () => {
    for (const [id, token] of unrecorded) {
      const recorded = await store.markSent(id, token, Date.now()); // throws while the store still fails
      unrecorded.delete(id);
      if (recorded) log("delivery.sent", { id, reason: "recorded-after-store-error" });
      // The lease ran out meanwhile and another worker holds the entry: it may send it again (same Message-ID).
      else log("delivery.lease-lost", { id, state: "sent" }, "warn");
    }
  };

  const failed = (err: unknown) => {
    const code = errorCode(err);
    failures++;
    if (code !== failingCode)
      log("delivery.store-error", { code, attempts: failures, nextAttemptInMs: storeBackoffMs(failures, pollMs, cfg.retryMaxMs) }, "error");
    failingCode = code;
  };
  const worked = () => {
    if (failures > 0) log("delivery.store-recovered", { code: failingCode, attempts: failures });
    failures = 0;
    failingCode = undefined;
  };

  const run = async () => {
    do {
      again = false;
      try {
        await recordSends();
        while (!stopped) {
          const outcome = await deliverNext(store, mailer, cfg, Date.now, (id, token) => (inHand = { id, token }));
          // The entry is settled (sent, retried, dead …): it is no longer ours to release.
          inHand = undefined;
          // Finding nothing due does not show that writes work again: only a settled entry ends a failing spell.
          if (outcome === "idle") break;
          worked();
        }
      } catch (err) {
        // The store failed: the entry in hand (if any) keeps its lease until it expires. Back off before trying again.
        inHand = undefined;
        if (err instanceof UnrecordedSendError && !unrecorded.has(err.id)) {
          unrecorded.set(err.id, err.token);
          log("delivery.unrecorded", { id: err.id, code: err.code }, "error");
        }
        failed(err);
        break;
      }
    } while (again && !stopped);
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = run().finally(() => {
      running = undefined;
      if (!stopped) {
        clearTimeout(timer);
        timer = setTimeout(tick, storeBackoffMs(failures, pollMs, cfg.retryMaxMs));
        timer.unref?.();
      }
    });
  };
  tick();
  return {
    kick: tick,
    async stop(graceMs = Infinity) {
      stopped = true;
      clearTimeout(timer);
      const current = running;
      if (!current) return true;
      let wait: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        current.then(() => true),
        new Promise<boolean>((resolve) => {
          if (Number.isFinite(graceMs)) wait = setTimeout(() => resolve(false), graceMs);
        }),
      ]);
      clearTimeout(wait);
      const held = inHand;
      if (!finished && held) {
        try {
          if (await store.markRetry(held.id, held.token, Date.now(), "ESHUTDOWN")) log("delivery.released", { id: held.id, reason: "shutdown" }, "warn");
          else log("delivery.lease-lost", { id: held.id, state: "pending", reason: "shutdown" }, "warn");
        } catch (err) {
          // The lease expires by itself: the entry is not lost, only later.
          log("delivery.store-error", { id: held.id, code: errorCode(err), reason: "shutdown" }, "error");
        }
      }
      return finished;
    },
  };
}
