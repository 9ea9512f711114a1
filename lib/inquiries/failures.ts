import { logDetail } from "@/lib/log";

/**
 * What a failed send means for the outbox, judged by the SMTP reply code: nodemailer gives the same err.code
 * (EENVELOPE, EMESSAGE) to 4xx and 5xx replies, so the code alone cannot tell them apart.
 */
export type FailureKind = "transient" | "permanent" | "config";

const AUTH_CODES = new Set([530, 534, 535, 538]);

/**
 * Node's codes for a certificate the client refused. Waiting does not fix any of them (an operator must: a
 * certificate for the right host name, or NODE_EXTRA_CA_CERTS for a private CA), so they are configuration errors.
 */
const CERT_CODES = [
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
] as const;
const CERT_CODE_SET = new Set<string>(CERT_CODES);

/**
 * Node's (OpenSSL's) messages for the same errors, for when a wrapper keeps only the text, as nodemailer does for a
 * failed STARTTLS ("Error initiating TLS - self-signed certificate"). Most specific first.
 */
const CERT_MESSAGES: [RegExp, string][] = [
  [/self[- ]signed certificate in certificate chain/i, "SELF_SIGNED_CERT_IN_CHAIN"],
  [/self[- ]signed certificate/i, "DEPTH_ZERO_SELF_SIGNED_CERT"],
  [/unable to verify the first certificate/i, "UNABLE_TO_VERIFY_LEAF_SIGNATURE"],
  [/unable to get local issuer certificate/i, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"],
  [/unable to get issuer certificate/i, "UNABLE_TO_GET_ISSUER_CERT"],
  [/certificate has expired/i, "CERT_HAS_EXPIRED"],
  [/certificate is not yet valid/i, "CERT_NOT_YET_VALID"],
  [/does not match certificate's altnames/i, "ERR_TLS_CERT_ALTNAME_INVALID"],
];

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The certificate reason code carried by an error (or its originalCode, its causes or its message), if any. */
function certificateErrorCode(err: unknown): string | undefined {
  let e = err as ErrorLike | undefined;
  // A short walk down the cause chain: bounded, so a cyclic chain cannot hang it.
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    for (const c of [e.code, e.originalCode]) if (typeof c === "string" && CERT_CODE_SET.has(c)) return c;
    if (typeof e.message === "string") for (const [re, code] of CERT_MESSAGES) if (re.test(e.message)) return code;
    e = e.cause as ErrorLike | undefined;
  }
  return undefined;
}

/**
 * `code` is what the outbox records and the logs show: nodemailer's code, or for a refused certificate Node's
 * reason code (DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID …) instead of the bare ESOCKET or ETLS.
 */
export function classifyFailure(err: unknown): { kind: FailureKind; code: string; responseCode?: number } {
  const e = (err ?? {}) as ErrorLike;
  const code = typeof e.code === "string" ? e.code : "UNKNOWN";
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  // A certificate the client refuses: only an operator can fix it, so the message stays pending and an alert goes up.
  const cert = typeof err === "object" && err !== null ? certificateErrorCode(err) : undefined;
  if (cert) return { kind: "config", code: cert, responseCode };
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
