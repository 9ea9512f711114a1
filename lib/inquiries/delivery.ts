import type { InquiryStore } from "./store";
import type { Mailer } from "./mail";
import { buildMessage } from "./mail";
import { backoffMs, classifyFailure } from "./failures";
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

export type DeliveryOutcome = "idle" | "sent" | "retry" | "dead" | "config";

export async function deliverNext(store: InquiryStore, mailer: Mailer, cfg: DeliveryConfig, now: () => number = Date.now): Promise<DeliveryOutcome> {
  const entry = store.claimNext(now(), cfg.leaseMs);
  if (!entry) return "idle";
  const id = entry.inquiryId;
  let message;
  try {
    const stored = store.getInquiry(id);
    if (!stored) throw Object.assign(new Error("inquiry row missing"), { code: "ENOROW" });
    message = buildMessage(stored, cfg.from, cfg.to);
  } catch (err) {
    // A record we cannot read (e.g. its key was removed) is a configuration problem: keep it, shout, retry slowly.
    store.markRetry(id, now() + cfg.retryMaxMs, (err as { code?: string }).code ?? "EDECRYPT");
    log("delivery.unreadable", { id, code: (err as { code?: string }).code ?? "EDECRYPT" }, "error");
    return "config";
  }
  try {
    await mailer.send(message);
    store.markSent(id, now());
    log("delivery.sent", { id, attempts: entry.attempts });
    return "sent";
  } catch (err) {
    const f = classifyFailure(err);
    if (f.kind === "permanent") {
      store.markDead(id, f.code, f.responseCode);
      log("delivery.dead", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts }, "error");
      return "dead";
    }
    if (f.kind === "config") {
      // Not the message's fault: keep it pending however long it takes, and retry at the slowest pace.
      store.markRetry(id, now() + cfg.retryMaxMs, f.code, f.responseCode);
      log("delivery.config-error", { id, code: f.code, responseCode: f.responseCode }, "error");
      return "config";
    }
    if (now() - entry.firstQueuedAt >= cfg.giveUpMs) {
      store.markDead(id, f.code, f.responseCode);
      log("delivery.dead", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts, reason: "gave-up" }, "error");
      return "dead";
    }
    const wait = backoffMs(entry.attempts, cfg.retryBaseMs, cfg.retryMaxMs);
    store.markRetry(id, now() + wait, f.code, f.responseCode);
    log("delivery.retry", { id, code: f.code, responseCode: f.responseCode, attempts: entry.attempts, nextAttemptInMs: wait }, "warn");
    return "retry";
  }
}

export interface Worker {
  /** Look for work now (called after an inquiry is stored) instead of waiting for the next poll. */
  kick(): void;
  stop(): Promise<void>;
}

/** Polls the outbox; sends one entry at a time until nothing is due, then sleeps until the next poll or kick. */
export function startWorker(store: InquiryStore, mailer: Mailer, cfg: DeliveryConfig, pollMs: number): Worker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const run = async () => {
    do {
      again = false;
      try {
        while (!stopped && (await deliverNext(store, mailer, cfg)) !== "idle") {
          /* keep draining */
        }
      } catch (err) {
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
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
