import http from "node:http";

/**
 * Route handlers cannot see the TCP peer, and Next.js only fills X-Forwarded-For when the client did not send
 * one, so a client could claim any address and dodge the rate limit. This stamps every incoming request with
 * the socket's real address in PEER_HEADER, replacing anything a client sent under that name.
 */
export const PEER_HEADER = "x-iop-peer-address";
const PATCHED = Symbol.for("iop.peer-address.patched");

export function stampPeerAddresses() {
  const proto = http.Server.prototype as http.Server & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "unknown";
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
