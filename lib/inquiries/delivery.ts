import { UnreadableRecordError, type InquiryStore } from "./store/contract";
import type { Mailer } from "./mail";
import { buildMessage } from "./mail";
import { backoffMs, classifyFailure, relayReason } from "./failures";
import { log } from "@/lib/log";

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

export type DeliveryOutcome = "idle" | "sent" | "retry" | "dead" | "config" | "unreadable";

export async function deliverNext(
  store: InquiryStore,
  mailer: Mailer,
  cfg: DeliveryConfig,
  now: () => number = Date.now,
  /** Told which entry this call holds the lease of, so a stopping worker can release it. */
  onClaim: (id: string) => void = () => {},
): Promise<DeliveryOutcome> {
  const entry = await store.claimNext(now(), cfg.leaseMs);
  if (!entry) return "idle";
  onClaim(entry.inquiryId);
  const id = entry.inquiryId;
  let stored;
  try {
    stored = await store.getInquiry(id);
  } catch (err) {
    // Anything else (the store itself failing) leaves the lease to expire, and the entry is tried again then.
    if (!(err instanceof UnreadableRecordError)) throw err;
    return unreadable(store, id, err.code, now() + cfg.retryMaxMs);
  }
  if (!stored) return unreadable(store, id, "ENOROW", now() + cfg.retryMaxMs);
  const message = buildMessage(stored, cfg.from, cfg.to);
  try {
    await mailer.send(message);
    await store.markSent(id, now());
    log("delivery.sent", { id, attempts: entry.attempts });
    return "sent";
  } catch (err) {
    const f = classifyFailure(err);
    const detail = relayReason(err); // the relay's reply, first line only, for the operator's log
    if (f.kind === "permanent") {
      await store.markDead(id, f.code, f.responseCode);
      log("delivery.dead", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts, detail }, "error");
      return "dead";
    }
    if (f.kind === "config") {
      // Not the message's fault: keep it pending however long it takes, and retry at the slowest pace.
      await store.markRetry(id, now() + cfg.retryMaxMs, f.code, f.responseCode);
      log("delivery.config-error", { id, code: f.code, responseCode: f.responseCode, detail }, "error");
      return "config";
    }
    if (now() - entry.firstQueuedAt >= cfg.giveUpMs) {
      await store.markDead(id, f.code, f.responseCode);
      log("delivery.dead", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts, reason: "gave-up", detail }, "error");
      return "dead";
    }
    const wait = backoffMs(entry.attempts, cfg.retryBaseMs, cfg.retryMaxMs);
    await store.markRetry(id, now() + wait, f.code, f.responseCode);
    log("delivery.retry", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts, nextAttemptInMs: wait, detail }, "warn");
    return "retry";
  }
}

/**
 * A record we cannot read (its key was removed, it was damaged, newer code wrote it) is a configuration problem,
 * not the message's: keep it aside as unreadable (never dead, never sent), shout, and let claimNext offer it again
 * at the slowest pace; the operator's `retry` brings it back at once after the fix.
 */
async function unreadable(store: InquiryStore, id: string, code: string, nextAttemptAt: number): Promise<DeliveryOutcome> {
  await store.markUnreadable(id, nextAttemptAt, code);
  log("delivery.unreadable", { id, code }, "error");
  return "unreadable";
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

/** Polls the outbox; sends one entry at a time until nothing is due, then sleeps until the next poll or kick. */
export function startWorker(store: InquiryStore, mailer: Mailer, cfg: DeliveryConfig, pollMs: number): Worker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let inHand: string | undefined;

  const run = async () => {
    do {
      again = false;
      try {
        while (!stopped) {
          const outcome = await deliverNext(store, mailer, cfg, Date.now, (id) => (inHand = id));
          // The entry is settled (sent, retried, dead …): it is no longer ours to release.
          inHand = undefined;
          if (outcome === "idle") break;
        }
      } catch (err) {
        inHand = undefined;
        log("delivery.worker-error", { code: (err as { code?: string }).code ?? "UNKNOWN" }, "error");
      }
    } while (again && !stopped);
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
      if (!stopped) {
        clearTimeout(timer);
        timer = setTimeout(tick, pollMs);
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
      if (!finished && inHand) {
        await store.markRetry(inHand, Date.now(), "ESHUTDOWN");
        log("delivery.released", { id: inHand, reason: "shutdown" }, "warn");
      }
      return finished;
    },
  };
}
