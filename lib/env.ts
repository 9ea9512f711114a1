// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import path from "node:path";
import { z } from "zod";
import { isLoopback } from "@/lib/net/loopback";
import { center } from "@/content/center";

/**
 * Every environment variable the server reads, validated once. Defaults make `npm start` work on a fresh
 * machine: inquiries go to ./.data and staff mail is written as .eml files to ./.data/mail.
 */
const ms = (def: number) => z.coerce.number().int().min(1).default(def);
const boolFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Room for the store's lock wait (busy_timeout, 5 s) when recording the result, and for clocks that differ slightly. */
const LEASE_MARGIN_MS = 5_000;

/**
 * The shortest lease that outlasts a send stalling once at each SMTP limit: the connection (SMTP_CONNECTION_TIMEOUT_MS),
 * the greeting (mail.ts gives it the same timeout), one silent socket (SMTP_SOCKET_TIMEOUT_MS), plus a margin. The
 * worker also renews the lease every third of it while it sends; this rule is what holds if a renewal cannot be
 * written, so a slow relay alone never lets a second server take over an inquiry still being sent.
 */
export function minDeliveryLeaseMs(e: { SMTP_CONNECTION_TIMEOUT_MS: number; SMTP_SOCKET_TIMEOUT_MS: number }): number {
  return 2 * e.SMTP_CONNECTION_TIMEOUT_MS + e.SMTP_SOCKET_TIMEOUT_MS + LEASE_MARGIN_MS;
}

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(1).max(65535).default(4310),
    /** The address to listen on; unset listens on every interface, as `next start` does. */
    HOST: z.string().min(1).optional(),
    /** On SIGTERM: how long in-flight requests and a send in progress may take before the process exits anyway. */
    SHUTDOWN_GRACE_MS: ms(10_000),
    /** How long an inquiry may wait for the store (another process's lock) before the route answers 503. */
    STORE_WAIT_MS: ms(2_000),
    /** How often the background probe writes a test file, checks the store's integrity and takes its write lock. */
    HEALTH_PROBE_MS: ms(30_000),
    /** Bearer token that shows health's problems and counts to a caller not on this machine. */
    HEALTH_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
    /** The exact origin browsers post the form from, e.g. https://iop.example.org. */
    SITE_ORIGIN: z.url().optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    /**
     * postgres://user:password@host:5432/database (or postgresql://): the inquiry store is in PostgreSQL, shared by
     * every instance. Unset: SQLite in DATA_DIR. Never logged (the message below does not quote it).
     */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, "must look like postgres://user:password@host:5432/database (or postgresql://…)")
      .optional(),
    /** PostgreSQL: the wait for a connection (new, or free in a full pool) before the call fails. */
    DATABASE_CONNECT_TIMEOUT_MS: ms(5_000),
    /** PostgreSQL: statement_timeout for the store's sessions. */
    DATABASE_STATEMENT_TIMEOUT_MS: ms(5_000),
    /** PostgreSQL: idle_in_transaction_session_timeout for the store's sessions. */
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: ms(10_000),
    /** PostgreSQL: connections per process. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * How staff are told of an inquiry: "smtp" (SMTP_URL) or "file" (.eml files in DATA_DIR/mail, which nobody is
     * sent: for trying the site only). Unset: smtp when SMTP_URL is set, else file; a public SITE_ORIGIN must
     * choose file explicitly.
     */
    MAIL_TRANSPORT: z.enum(["smtp", "file"]).optional(),
    /** smtp://user:pass@host:587 (STARTTLS required) or smtps://…:465. Unset: write .eml files instead. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "must look like smtp://user:pass@host:587 or smtps://host:465")
      .optional(),
    /** Require TLS to the SMTP server. Defaults to on; only a loopback test server may turn it off. */
    SMTP_REQUIRE_TLS: boolFlag.default(true),
    MAIL_TO: z.email().default(center.email),
    MAIL_FROM: z.email().default("website@example.org"),
    /** Encryption keys for stored inquiries, "id:base64key[,id:base64key…]"; the first encrypts. */
    INQUIRY_KEYS: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{43,44})*$/, "must be id:base64-32-byte-key[,…]")
      .optional(),
    RETRY_BASE_MS: ms(60_000),
    RETRY_MAX_MS: ms(3_600_000),
    /** How long delivery keeps trying before an entry is dead (RFC 5321 suggests at least 4-5 days). */
    RETRY_GIVE_UP_MS: ms(5 * 24 * 3_600_000),
    DELIVERY_POLL_MS: ms(2_000),
    DELIVERY_LEASE_MS: ms(120_000),
    DELIVERY_WORKER: boolFlag.default(true),
    /**
     * Who sends stored inquiries: "in-process" (a worker in each web process, the default), "worker" (web processes
     * send nothing; run `npm run worker` beside them) or "endpoint" (a scheduler POSTs /api/deliver with
     * DELIVERY_SECRET, for platforms without long-lived processes).
     */
    DELIVERY: z.enum(["in-process", "worker", "endpoint"]).default("in-process"),
    /** Bearer secret for POST /api/deliver; without it that path answers 404. */
    DELIVERY_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** At most this many entries per /api/deliver call. */
    DELIVERY_BATCH_MAX: z.coerce.number().int().min(1).max(500).default(25),
    /** /api/deliver claims no new entry after this long (a send already started may finish, within the SMTP timeouts). */
    DELIVERY_DEADLINE_MS: ms(20_000),
    SMTP_CONNECTION_TIMEOUT_MS: ms(10_000),
    SMTP_SOCKET_TIMEOUT_MS: ms(30_000),
    RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(5),
    RATE_LIMIT_WINDOW_MS: ms(600_000),
    /** Double-submit window for posts without an idempotency key. */
    DEDUPE_WINDOW_MS: ms(600_000),
    /** Trust X-Forwarded-For (only behind a proxy that sets it). */
    TRUST_PROXY: boolFlag.default(false),
    RETENTION_DAYS: z.coerce.number().int().min(1).default(center.inquiryRetentionDays),
    /**
     * Show the self-check's USAUDIT on this machine before content/center.ts confirms its license, to see and test
     * the page as it will be (the server then renders /self-check itself). Refused on a public SITE_ORIGIN: the
     * license, not a switch, decides what the public sees (docs/decisions/0006-self-check-instruments.md).
     */
    SELF_CHECK_PREVIEW: boolFlag.default(false),
  })
  .refine((e) => e.RETRY_MAX_MS >= e.RETRY_BASE_MS, { path: ["RETRY_MAX_MS"], message: "must be at least RETRY_BASE_MS" })
  .refine((e) => e.DELIVERY_LEASE_MS >= minDeliveryLeaseMs(e), {
    path: ["DELIVERY_LEASE_MS"],
    message:
      "must outlast a stalled SMTP session: at least 2 × SMTP_CONNECTION_TIMEOUT_MS (connection, then greeting) + SMTP_SOCKET_TIMEOUT_MS + " +
      `${LEASE_MARGIN_MS} ms, or a second server may take over an inquiry while it is still being sent`,
  });

/** Something start-up goes on with, but says (a log line): a fault on a public origin, a warning elsewhere. */
interface ConfigWarning {
  variable: string;
  code: "RESERVED_DOMAIN";
  message: string;
}

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  allowedOrigins: string[];
  /** MAIL_TRANSPORT, or what it defaults to. */
  mailTransport: "smtp" | "file";
  /** SITE_ORIGIN is set and its host is not loopback: real people use this site, so mail must reach someone. */
  publicOrigin: boolean;
  configWarnings: ConfigWarning[];
  /**
   * Mail settings that would tell nobody of an inquiry on a public origin. The server still serves the pages, but
   * takes no inquiry (503 with the phone number) and health names each, until they are fixed.
   */
  mailFaults: MailFault[];
};

/** A mail setting that would leave an inquiry unseen on a public origin. */
interface MailFault {
  variable: "MAIL_TRANSPORT" | "MAIL_TO" | "MAIL_FROM";
  message: string;
}

export interface ParseEnvOptions {
  /**
   * "server" (the default) refuses mail settings that would tell nobody of an inquiry on a public origin. The
   * operator's store commands ("operator") only report them as warnings: reading and re-queueing stored inquiries
   * must work while the mail settings are being fixed.
   */
  purpose?: "server" | "operator";
}

/**
 * Domains reserved for documentation and testing (RFC 2606, RFC 6761): mail to or from them reaches no one.
 * example.com/.org/.net and their subdomains, example.<country> (example.co.uk …), and the .test, .invalid,
 * .localhost and .example top-level domains.
 */
function isReservedMailDomain(address: string): boolean {
  const labels = address
    .slice(address.lastIndexOf("@") + 1)
    .toLowerCase()
    .replace(/\.$/, "")
    .split(".");
  const tld = labels[labels.length - 1];
  if (["test", "invalid", "localhost", "example"].includes(tld)) return true;
  if (labels.length >= 2 && labels[labels.length - 2] === "example") return true;
  // example.co.uk, example.com.au: "example" right under a two-level public suffix of a country.
  return labels.length >= 3 && labels[labels.length - 3] === "example" && tld.length === 2 && labels[labels.length - 2].length <= 3;
}

export function parseEnv(source: Record<string, string | undefined>, opts: ParseEnvOptions = {}): Env {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid server configuration (environment variables):\n${lines.join("\n")}`);
  }
  const env = result.data;
  // Judge the host the mailer will connect to (as mail.ts parses it), not a pattern over the whole URL: in
  // smtp://127.0.0.1:pw@mail.example.com the loopback address is only the user name.
  if (env.SMTP_URL && !env.SMTP_REQUIRE_TLS && env.NODE_ENV === "production" && !isLoopback(new URL(env.SMTP_URL).hostname)) {
    throw new Error("Invalid server configuration: SMTP_REQUIRE_TLS=false is only allowed for a loopback SMTP server in production.");
  }
  const allowedOrigins = env.SITE_ORIGIN ? [new URL(env.SITE_ORIGIN).origin] : [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
  const publicOrigin = env.SITE_ORIGIN !== undefined && !isLoopback(new URL(env.SITE_ORIGIN).hostname);
  const mailTransport = env.MAIL_TRANSPORT ?? (env.SMTP_URL ? "smtp" : "file");

  // Settings that contradict each other are refused before anything starts; settings that would leave an inquiry
  // unseen on a public origin are mail faults (the site serves, the form answers 503, health names them).
  const faults: string[] = [];
  const mailFaults: MailFault[] = [];
  const configWarnings: ConfigWarning[] = [];
  if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) faults.push("MAIL_TRANSPORT: smtp needs SMTP_URL (smtp://user:pass@host:587 or smtps://…:465)");
  if (env.MAIL_TRANSPORT === "file" && env.SMTP_URL)
    faults.push("MAIL_TRANSPORT: file, but SMTP_URL is set: unset SMTP_URL to write files, or MAIL_TRANSPORT to send through SMTP");
  if (publicOrigin && !env.MAIL_TRANSPORT && !env.SMTP_URL)
    mailFaults.push({
      variable: "MAIL_TRANSPORT",
      message:
        `SITE_ORIGIN ${new URL(env.SITE_ORIGIN!).origin} is public and SMTP_URL is not set: inquiries would only be written to files in DATA_DIR/mail and nobody is emailed. ` +
        "Set SMTP_URL (intake staff get each inquiry by email), or MAIL_TRANSPORT=file to try the site without mail",
    });
  for (const variable of ["MAIL_TO", "MAIL_FROM"] as const) {
    if (!isReservedMailDomain(env[variable])) continue;
    const message = `${env[variable]} is on a reserved domain (example.*, .test, .invalid, .localhost, .example): ${
      variable === "MAIL_TO" ? "nobody reads that mailbox" : "relays refuse or bounce mail from it, and bounces reach nobody"
    }. Set ${variable} to a real address${variable === "MAIL_FROM" ? " the SMTP relay is authorised to send from (SPF/DKIM)" : " of intake staff"}`;
    if (publicOrigin && (opts.purpose ?? "server") === "server") mailFaults.push({ variable, message });
    else configWarnings.push({ variable, code: "RESERVED_DOMAIN", message });
  }
  if (env.SELF_CHECK_PREVIEW && publicOrigin)
    faults.push("SELF_CHECK_PREVIEW: only for a loopback SITE_ORIGIN; a public site shows the USAUDIT only once content/center.ts confirms its license");
  if (env.DELIVERY === "endpoint" && !env.DELIVERY_SECRET)
    faults.push("DELIVERY: endpoint needs DELIVERY_SECRET (32+ characters), or nothing could ever call POST /api/deliver and no inquiry would be sent");
  if (faults.length > 0) throw new Error(`Invalid server configuration (environment variables):\n${faults.map((f) => `  - ${f}`).join("\n")}`);
  return { ...env, dataDir: path.resolve(env.DATA_DIR), allowedOrigins, mailTransport, publicOrigin, configWarnings, mailFaults };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
