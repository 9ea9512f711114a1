import http from "node:http";
import { startNext, type NextServer } from "../helpers/next-server";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

/**
 * Shared by the security tests. Every server they start takes a free port (other processes may hold any fixed one).
 */
const PUBLIC_ORIGIN = "https://iop.example.org";

/** Every page path in /sitemap.xml, with the public origin mapped onto the test server. */
export async function sitemapPaths(serverUrl: string): Promise<string[]> {
  const res = await fetch(`${serverUrl}/sitemap.xml`);
  if (res.status !== 200) throw new Error(`GET /sitemap.xml answered ${res.status}`);
  const xml = await res.text();
  const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  if (locs.length === 0) throw new Error("the sitemap lists no pages");
  return locs.map((loc) => {
    if (!(loc === PUBLIC_ORIGIN || loc.startsWith(`${PUBLIC_ORIGIN}/`))) throw new Error(`sitemap URL ${loc} is not on ${PUBLIC_ORIGIN}`);
    const u = new URL(loc);
    return u.pathname + u.search;
  });
}

/** The Content-Security-Policy as directive → source list (lower-cased directive names). */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    // A repeated directive is ignored by browsers: keep the first, as they do.
    if (!out.has(name.toLowerCase())) out.set(name.toLowerCase(), values);
  }
  return out;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Header lines exactly as sent (name, value pairs), duplicates kept. */
  rawHeaders: string[];
  body: Buffer;
}

/**
 * One HTTP request with exactly the headers given (node:http adds only Host, Content-Length and Connection;
 * fetch would add Sec-Fetch-Mode and friends), over loopback.
 */
export function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body, "utf8");
    const req = http.request(
      url,
      {
        method: opts.method ?? "GET",
        headers: { ...(body ? { "content-length": String(body.length) } : {}), ...opts.headers },
        agent: false,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`request to ${url} timed out`)));
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** A random hex string of `bytes` bytes. */
export const randomHex = (bytes = 8) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");

/** Header names of an email's header block, in order (folded lines unfolded). */
export function mailHeaderLines(raw: string): { name: string; value: string }[] {
  const head = raw.split(/\r?\n\r?\n/)[0];
  return head
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => {
      const i = line.indexOf(":");
      return { name: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
    });
}

/**
 * The server entry with a real SMTP sink as its relay (plain SMTP on loopback, the worker polling every 100 ms),
 * for tests that follow an inquiry into the mail. `env` adds or overrides settings (addresses, rate limits).
 */
export async function startServerWithSink(port: number, env: Record<string, string>): Promise<{ server: NextServer; sink: SmtpSink }> {
  const sink = await startSmtpSink(0);
  const server = await startNext({ port, env: { SMTP_URL: sink.url, SMTP_REQUIRE_TLS: "false", DELIVERY_POLL_MS: "100", ...env } });
  return { server, sink };
}
