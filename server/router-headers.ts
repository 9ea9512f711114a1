// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import http from "node:http";
import { ROUTER_REQUEST_HEADERS, ROUTER_RESPONSE_HEADERS, varyWithoutRouter } from "@/lib/build/next-output";

/**
 * Pages ship no client router (docs/decisions/0002-no-client-runtime.md), so nothing of its protocol is left on the
 * wire in production: a request's router headers are removed before Next.js sees it, and a response's headers for the
 * router are removed before they are sent. Every page then has one representation, its HTML, and a cache can key on
 * the URL alone. Which headers those are is in lib/build/next-output.ts, with the rest of what we know about Next.
 */

/** Removes the client router's request headers, so Next answers every request for a page with the page itself. */
export function dropRouterRequestHeaders(req: http.IncomingMessage): void {
  for (const name of ROUTER_REQUEST_HEADERS) delete req.headers[name];
}

function filterHeaderArgument(headers: unknown): unknown {
  if (Array.isArray(headers)) {
    // writeHead's flat [name, value, name, value …] form, or a list of [name, value] pairs.
    if (headers.every((h) => Array.isArray(h))) return headers.filter(([name]) => !isRouterResponseHeader(String(name)));
    const out: unknown[] = [];
    for (let i = 0; i < headers.length; i += 2) if (!isRouterResponseHeader(String(headers[i]))) out.push(headers[i], headers[i + 1]);
    return out;
  }
  if (headers && typeof headers === "object") return Object.fromEntries(Object.entries(headers).filter(([name]) => !isRouterResponseHeader(name)));
  return headers;
}

const routerResponseHeaders = new Set<string>(ROUTER_RESPONSE_HEADERS);
const isRouterResponseHeader = (name: string) => routerResponseHeaders.has(name.toLowerCase());

/**
 * The server's response class (Node's documented `http.createServer({ ServerResponse })` option). Node calls
 * writeHead once per response, also when headers are sent implicitly by write() or end() ("the implicit/mutable
 * headers will be calculated and call this function", Node's http documentation); there, before anything is sent,
 * the router's response headers are removed and Vary loses the router's request headers.
 */
export class RouterFreeResponse<Request extends http.IncomingMessage = http.IncomingMessage> extends http.ServerResponse<Request> {
  override writeHead(statusCode: number, ...rest: unknown[]): this {
    for (const name of this.getHeaderNames()) if (isRouterResponseHeader(name)) this.removeHeader(name);
    const vary = this.getHeader("vary");
    if (vary !== undefined) {
      const kept = varyWithoutRouter(Array.isArray(vary) ? vary.join(", ") : String(vary));
      if (kept) this.setHeader("vary", kept);
      else this.removeHeader("vary");
    }
    const args = rest.map((arg) => (typeof arg === "string" ? arg : filterHeaderArgument(arg)));
    return (super.writeHead as (code: number, ...a: unknown[]) => this)(statusCode, ...args);
  }
}
