import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

/**
 * A real SMTP server in the test process, with faults on demand:
 * accept | down (refuses connections) | rcpt451 | data452 | rcpt550 | data554 | hang (never answers DATA) | auth535 |
 * slow (accepts, but answers DATA only after `setSlowMs`, default 3 s).
 */
export type SinkMode = "accept" | "down" | "rcpt451" | "data452" | "rcpt550" | "data554" | "hang" | "auth535" | "slow";

export interface SmtpSink {
  port: number;
  url: string;
  /** Every accepted message, in order; `receivedAt` is Date.now() when the sink accepted it. */
  messages: { raw: string; parsed: ParsedMail; receivedAt: number }[];
  setMode: (mode: SinkMode) => void;
  setSlowMs: (ms: number) => void;
  /** Resolves when the next message's data has arrived (before the sink answers it). */
  nextData: () => Promise<void>;
  close: () => Promise<void>;
}

/** `extra` adds smtp-server options the defaults leave unset (e.g. allowInsecureAuth, so AUTH reaches auth535). */
export async function startSmtpSink(port = 0, initial: SinkMode = "accept", extra: Partial<SMTPServerOptions> = {}): Promise<SmtpSink> {
  let mode: SinkMode = initial;
  const messages: SmtpSink["messages"] = [];
  let slowMs = 3_000;
  let dataWaiters: (() => void)[] = [];
  const err = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });
  const options: SMTPServerOptions = {
    ...extra,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onConnect(_session, cb) {
      if (mode === "down") return cb(err(421, "Service not available"));
      cb();
    },
    onAuth(_auth, _session, cb) {
      if (mode === "auth535") return cb(err(535, "Authentication failed"));
      cb(null, { user: "test" });
    },
    onMailFrom(_address, _session, cb) {
      if (mode === "auth535") return cb(err(530, "Authentication required"));
      cb();
    },
    onRcptTo(_address, _session, cb) {
      if (mode === "rcpt451") return cb(err(451, "Try again later"));
      if (mode === "rcpt550") return cb(err(550, "No such user"));
      cb();
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        for (const wake of dataWaiters) wake();
        dataWaiters = [];
        if (mode === "slow") await new Promise((r) => setTimeout(r, slowMs));
        if (mode === "hang") return; // never answer: the client must time out
        if (mode === "data452") return cb(err(452, "Insufficient storage"));
        if (mode === "data554") return cb(err(554, "Rejected"));
        const receivedAt = Date.now();
        const raw = Buffer.concat(chunks).toString("utf8");
        messages.push({ raw, parsed: await simpleParser(raw), receivedAt });
        cb();
      });
    },
  };
  const server = new SMTPServer(options);
  // A client that refuses the sink's TLS certificate hangs up mid-handshake: an event to ignore, not a crash.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages,
    setMode: (m) => (mode = m),
    setSlowMs: (ms) => (slowMs = ms),
    nextData: () => new Promise<void>((resolve) => dataWaiters.push(resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
