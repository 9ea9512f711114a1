/**
 * Checks a request must pass before its body is even read. Each returns a status to refuse with, or null.
 * Route handlers get no CSRF protection or body limit from Next.js, so both are done here.
 */

/**
 * Cross-site posts are refused. Fetch Metadata comes first: browsers set Sec-Fetch-Site themselves and no page
 * can forge it, so anything but "same-origin" is refused. The Origin must then match the configured site origin
 * exactly (never the spoofable Host). One exception, forced by our own `Referrer-Policy: no-referrer`: browsers
 * send `Origin: null` on a plain same-origin form post under that policy, so "null" is accepted only together
 * with `Sec-Fetch-Site: same-origin`. Without Fetch Metadata (old browsers, scripts) only an exact match passes.
 */
export function originProblem(headers: Headers, allowedOrigins: readonly string[]): 403 | null {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return 403;
  const origin = headers.get("origin");
  if (origin !== null && allowedOrigins.includes(origin)) return null;
  if (origin === "null" && site === "same-origin") return null;
  return 403;
}

export type BodyKind = "form" | "multipart" | "json";

export function bodyKind(headers: Headers): BodyKind | 415 {
  const type = (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type === "multipart/form-data") return "multipart";
  if (type === "application/json") return "json";
  return 415;
}

/** Reads at most `cap` bytes; a longer body (declared or streamed in chunks) is refused without buffering it. */
export async function readCapped(request: Request, cap: number): Promise<Uint8Array | 413> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > cap) return 413;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => {});
      return 413;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * Who is asking, for rate limiting. Without a trusted proxy it is the TCP peer, which the server entry reads from
 * the socket (a client cannot set it). Behind a proxy we run (TRUST_PROXY), it is the last X-Forwarded-For
 * entry: the one our proxy appended, not one the client wrote.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | null, trustProxy: boolean): string {
  if (trustProxy) {
    const parts = (forwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.length > 0) return parts[parts.length - 1];
  }
  return peer ?? "unknown";
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;
