import { logDetail } from "@/lib/log";

/**
 * What a failed send means for the outbox, judged by the SMTP reply code: nodemailer gives the same err.code
 * (EENVELOPE, EMESSAGE) to 4xx and 5xx replies, so the code alone cannot tell them apart.
 */
export type FailureKind = "transient" | "permanent" | "config";

const AUTH_CODES = new Set([530, 534, 535, 538]);

export function classifyFailure(err: unknown): { kind: FailureKind; code: string; responseCode?: number } {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === "string" ? e.code : "UNKNOWN";
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  // Bad credentials or a server without the required TLS: a fix is needed, but the message itself is fine.
  if (code === "EAUTH" || code === "ENOAUTH" || code === "ETLS" || (responseCode !== undefined && AUTH_CODES.has(responseCode)))
    return { kind: "config", code, responseCode };
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) return { kind: "permanent", code, responseCode };
  // 4xx replies, refused or dropped connections and timeouts: try again later. A timeout after DATA may mean the
  // message did arrive; the stable Message-ID lets the mailbox collapse such a duplicate.
  return { kind: "transient", code, responseCode };
}

/**
 * Why the relay refused, for the operator: the first line of its reply (nodemailer's err.response, e.g.
 * "550 5.1.1 <intake@example.org>: Recipient address rejected"), cleaned by logDetail. Undefined when there was
 * no reply (a refused connection, a timeout).
 */
export function relayReason(err: unknown): string | undefined {
  const response = (err as { response?: unknown } | null | undefined)?.response;
  if (typeof response !== "string") return undefined;
  return logDetail(response) || undefined;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from many entries
 * spread out instead of hammering a recovering server together.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
