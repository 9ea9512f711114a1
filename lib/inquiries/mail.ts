// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import crypto from "node:crypto";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log";
import type { StoredInquiry } from "./store/contract";
import { inquiryText } from "@/lib/i18n/inquiry.en";
import { defaultLocale, localePath, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";

/** The subject is fixed: a mailbox list or a lock screen must not show anything a person typed. */
export const MAIL_SUBJECT = "New website inquiry";

/** The subject of `npm run inquiries -- test-mail`: fixed, and plainly not an inquiry. */
export const TEST_MAIL_SUBJECT = "Test message from the website (no inquiry)";

/** What a send produced: the relay's reply (SMTP), or the file written (file transport). */
export interface SendResult {
  response?: string;
  file?: string;
}

export interface Mailer {
  /** Resolves once the relay accepted the message (SMTP: its 250 reply) or the file is written: that is all "sent" means. */
  send(message: Mail.Options & { inquiryId: string }): Promise<SendResult | void>;
  /** Where mail goes, for the start-up line (no credentials). */
  describe: string;
  close(): void;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** A site locale as staff read it: its English name, then its own ("Spanish (Español)"). */
function siteLanguage(locale: Locale): string {
  const english = new Intl.DisplayNames("en", { type: "language" }).of(locale) ?? locale;
  const own = strings(locale).languageName;
  return english === own ? english : `${english} (${own})`;
}

/**
 * The first lines of the message, before any field: which edition of the site the person wrote from, and the
 * language to call them back in, said plainly (staff read mail in English; a person on the Spanish site may have
 * typed in Spanish and may need a Spanish speaker or an interpreter).
 */
function languageLines(stored: StoredInquiry): string[] {
  const i = stored.inquiry;
  const site = stored.siteLocale;
  const contactIn = i.language === "other" ? "a language other than English or Spanish: arrange an interpreter" : inquiryText.options.language[i.language];
  return [
    site === defaultLocale
      ? `This person wrote from the ${siteLanguage(site)} website.`
      : `This person wrote from the ${siteLanguage(site).toUpperCase()} website (${localePath(site, "/")}). What they typed below may be in ${siteLanguage(site)}.`,
    `Contact them in: ${contactIn}.`,
  ];
}

/** Plain text only: nothing to escape, nothing to render, nothing to inject. */
export function buildMessage(stored: StoredInquiry, from: string, to: string): Mail.Options & { inquiryId: string } {
  const i = stored.inquiry;
  const o = inquiryText.options;
  const lines = [
    `A new inquiry came in through the website.`,
    ...languageLines(stored),
    ``,
    `Inquiry id: ${stored.id}`,
    `Received: ${new Date(stored.createdAt).toISOString()}`,
    `Website: ${siteLanguage(stored.siteLocale)} (${localePath(stored.siteLocale, "/contact")})`,
    ``,
    `About: ${inquiryText.roles[i.role]}`,
    `Name: ${i.name}`,
    ...(i.organization ? [`Organization: ${i.organization}`] : []),
    `Phone: ${i.phone ?? "(none given)"}`,
    `Email: ${i.email ?? "(none given)"}`,
    `Contact by: ${o.contactMethod[i.contactMethod]}`,
    `Best time: ${o.bestTime[i.bestTime]}`,
    `OK to leave a voicemail: ${yesNo(i.voicemailOk)}`,
    `OK to text: ${yesNo(i.textOk)}`,
    `Language: ${o.language[i.language]}`,
    `Insurance: ${i.insurance ?? "(not given)"}`,
    ``,
    `Message:`,
    i.message ?? "(none)",
    ``,
    `Follow the voicemail and text preferences above: if voicemail is "no", do not leave one.`,
  ];
  const domain = from.split("@")[1];
  return {
    inquiryId: stored.id,
    from,
    to,
    subject: MAIL_SUBJECT,
    text: lines.join("\n"),
    // Only an address that passed validation, and as an object, so no header can be smuggled in.
    ...(i.email ? { replyTo: { name: "", address: i.email } } : {}),
    // Stable per inquiry: a resend after an ambiguous failure is recognisably the same message.
    messageId: `<${stored.id}@${domain}>`,
    date: new Date(stored.createdAt),
  };
}

/**
 * Which transport the configuration selects and where it leads, without credentials: for the start-up line, the
 * operator's test-mail and a health report.
 */
export function describeTransport(env: Env): { kind: "smtp" | "file"; target: string } {
  if (env.mailTransport === "smtp" && env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    const secure = url.protocol === "smtps:";
    return { kind: "smtp", target: `${secure ? "smtps" : "smtp"}://${url.hostname}:${url.port || (secure ? 465 : 587)}` };
  }
  return { kind: "file", target: path.join(/*turbopackIgnore: true*/ env.dataDir, "mail") };
}

/**
 * SMTP (MAIL_TRANSPORT=smtp, from SMTP_URL) or .eml files in DATA_DIR/mail (the embedded default, which emails
 * nobody). Says at once, in the log, what the configuration cannot do: files holding personal data in clear, and
 * mail addresses on reserved domains.
 */
export function createMailer(env: Env): Mailer {
  for (const w of env.configWarnings) log("config.warning", { reason: w.variable, code: w.code }, "warn");
  if (env.mailTransport === "smtp" && env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    const secure = url.protocol === "smtps:";
    const transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      requireTLS: !secure && env.SMTP_REQUIRE_TLS,
      ignoreTLS: !env.SMTP_REQUIRE_TLS && !secure,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      tls: { minVersion: "TLSv1.2", rejectUnauthorized: true },
      connectionTimeout: env.SMTP_CONNECTION_TIMEOUT_MS,
      greetingTimeout: env.SMTP_CONNECTION_TIMEOUT_MS,
      socketTimeout: env.SMTP_SOCKET_TIMEOUT_MS,
      pool: false,
    });
    return {
      describe: `SMTP ${url.hostname}:${url.port || (secure ? 465 : 587)}${env.SMTP_REQUIRE_TLS || secure ? " (TLS required)" : " (no TLS: loopback only)"}`,
      async send(message) {
        const { inquiryId: _id, ...mail } = message;
        const info = await transport.sendMail(mail);
        return { response: info.response };
      },
      close: () => transport.close(),
    };
  }
  const dir = describeTransport(env).target;
  // Loud at every start: these files are the inquiries in clear text, and no person is told of them.
  log("mail.file-transport", { mode: "file", dir, reason: "personal-data-in-clear" }, "warn");
  // With a shared store (DATABASE_URL) every host's worker writes the messages it sends into its own folder: staff
  // would have to look on every host, and a host's folder goes with its disk.
  if (env.DATABASE_URL) log("mail.file-transport-per-host", { mode: "file", dir, reason: "shared-store-each-host-writes-its-own-folder" }, "warn");
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: `files in ${dir} (nobody is emailed; the files hold personal data in clear: for trying the site only)`,
    async send(message) {
      const { inquiryId, ...mail } = message;
      const info = await transport.sendMail(mail);
      fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, mode: 0o700 });
      // Write then rename, so a reader never sees half a message.
      const tmp = path.join(/*turbopackIgnore: true*/ dir, `.${inquiryId}.eml.tmp`);
      const file = path.join(/*turbopackIgnore: true*/ dir, `${inquiryId}.eml`);
      fs.writeFileSync(/*turbopackIgnore: true*/ tmp, info.message as Buffer, { mode: 0o600 });
      fs.renameSync(/*turbopackIgnore: true*/ tmp, file);
      return { file };
    },
    close: () => transport.close(),
  };
}

/**
 * Sends one marked test message (fixed subject, no inquiry data) from MAIL_FROM to MAIL_TO through the configured
 * transport. Resolves with the relay's reply or the file written; rejects with the transport's error.
 */
export async function sendTestMessage(env: Env): Promise<{ kind: "smtp" | "file"; target: string } & SendResult> {
  const transport = describeTransport(env);
  const stamp = new Date();
  const token = crypto.randomBytes(6).toString("hex");
  const mailer = createMailer(env);
  try {
    const result = await mailer.send({
      inquiryId: `test-${stamp.toISOString().replace(/[:.]/g, "-")}-${token}`,
      from: env.MAIL_FROM,
      to: env.MAIL_TO,
      subject: TEST_MAIL_SUBJECT,
      text: [
        "This is a test message from the website's inquiry mailer (npm run inquiries -- test-mail).",
        "It holds no inquiry. If it reached the intake mailbox, inquiries will reach it too.",
        "",
        `Sent: ${stamp.toISOString()}`,
        `Transport: ${transport.kind} ${transport.target}`,
      ].join("\n"),
      messageId: `<test-${token}@${env.MAIL_FROM.split("@")[1]}>`,
      date: stamp,
    });
    return { ...transport, ...(result ?? {}) };
  } finally {
    mailer.close();
  }
}
