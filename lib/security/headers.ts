/**
 * Security headers, applied in next.config.ts. Pages are static and carry no inline script (the build removes
 * the framework runtime, see lib/build/next-output.ts), so one policy fits every page: scripts from this
 * origin only. No hashes, no nonce (a nonce would force every page to render on each request).
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

/** The policy for every page. `next dev` hydrates pages with inline scripts and evaluates code, so it relaxes. */
export function pageCsp(dev = false): string {
  const script = dev ? ["'self'", "'unsafe-eval'", "'unsafe-inline'"] : ["'self'"];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // Pages have no style attribute or <style> element (the stylesheet is a file); dev injects styles for reloads.
    `style-src 'self'${dev ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "manifest-src 'self'",
    ...common,
  ].join("; ");
}

/** API responses run no script at all (the no-JavaScript form page they may return has its scripts removed). */
export const apiCsp = ["default-src 'none'", "style-src 'self'", "img-src 'self' data:", ...common].join("; ");
