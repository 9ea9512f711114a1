/**
 * This machine, by name or address: localhost and *.localhost (RFC 6761), 127.0.0.0/8, ::1, and 127.0.0.0/8 as
 * an IPv4-mapped IPv6 address (how a dual-stack socket reports a local IPv4 peer). Brackets around an IPv6
 * literal, as in a URL's hostname, are allowed.
 */
export function isLoopback(hostOrAddress: string): boolean {
  const h = hostOrAddress.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
