import type { InquiryStore } from "./store/contract";

/** An entry waiting longer than this means delivery is stuck, whatever the reason. */
const STUCK_AFTER_MS = 15 * 60_000;

/**
 * Delivery health in numbers only, never an inquiry's content: 503 when anything is dead, unreadable or stuck,
 * so a monitor that only reads status codes still raises the alarm.
 */
export async function inquiryHealth(store: InquiryStore, now: number): Promise<Response> {
  const counts = await store.counts(now);
  const healthy = counts.dead === 0 && counts.unreadable === 0 && counts.oldestPendingAgeMs < STUCK_AFTER_MS;
  return Response.json({ status: healthy ? "ok" : "attention", ...counts }, { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } });
}
