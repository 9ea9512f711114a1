import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { Env } from "@/lib/env";
import type { StoredInquiry } from "./store/contract";
import { inquiryText } from "@/lib/i18n/inquiry.en";

/** The subject is fixed: a mailbox list or a lock screen must not show anything a person typed. */
export const MAIL_SUBJECT = "New website inquiry";

export interface Mailer {
  send(message: Mail.Options & { inquiryId: string }): Promise<void>;
  /** Where mail goes, for the start-up line (no credentials). */
  describe: string;
  close(): void;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** Plain text only: nothing to escape, nothing to render, nothing to inject. */
export function buildMessage(stored: StoredInquiry, from: string, to: string): Mail.Options & { inquiryId: string } {
  const i = stored.inquiry;
  const o = inquiryText.options;
  const lines = [
    `A new inquiry came in through the website.`,
    ``,
    `Inquiry id: ${stored.id}`,
    `Received: ${new Date(stored.createdAt).toISOString()}`,
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

/** SMTP when configured; otherwise each message is written as an .eml file (the embedded default). */
export function createMailer(env: Env): Mailer {
  if (env.SMTP_URL) {
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
        await transport.sendMail(mail);
      },
      close: () => transport.close(),
    };
  }
  const dir = path.join(env.dataDir, "mail");
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: `files in ${dir}`,
    async send(message) {
      const { inquiryId, ...mail } = message;
      const info = await transport.sendMail(mail);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Write then rename, so a reader never sees half a message.
      const tmp = path.join(dir, `.${inquiryId}.eml.tmp`);
      fs.writeFileSync(tmp, info.message as Buffer, { mode: 0o600 });
      fs.renameSync(tmp, path.join(dir, `${inquiryId}.eml`));
    },
    close: () => transport.close(),
  };
}
