/**
 * Security headers. Pages stay statically generated, so the Content-Security-Policy allows their inline
 * scripts by sha256 hash (computed from the build output by scripts/csp-hashes.mjs), never by 'unsafe-inline'
 * or a nonce (a nonce would force every page to render on each request).
 */

/** Headers every response carries, pages, assets and API alike (applied in next.config.ts). */
export const baseSecurityHeaders: { key: string; value: string }[] = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
];

const common = ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"];

/** The policy for an HTML page whose inline scripts have these hashes ("sha256-…"). */
export function pageCsp(hashes: readonly string[], dev = false): string {
  const script = dev ? ["'self'", "'unsafe-eval'", "'unsafe-inline'"] : ["'self'", ...hashes.map((h) => `'${h}'`)];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // Inline style attributes are harmless without script and some React output uses them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "manifest-src 'self'",
    ...common,
  ].join("; ");
}

/** API responses run no script at all (the no-JavaScript form page they may return has its scripts removed). */
export const apiCsp = ["default-src 'none'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", ...common].join("; ");

export type CspHashMap = Record<string, string[]>;

/** The hashes for a request path: the page's own, or the not-found page's for paths with no page. */
export function hashesFor(map: CspHashMap, pathname: string): string[] {
  const p = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return map[p] ?? map["/_not-found"] ?? [];
}
