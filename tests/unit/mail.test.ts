import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { MAIL_SUBJECT, buildMessage, createMailer } from "@/lib/inquiries/mail";
import { parseEnv } from "@/lib/env";
import { validateInquiry, type Inquiry } from "@/lib/inquiries/schema";
import type { StoredInquiry } from "@/lib/inquiries/store/contract";

const FROM = "website@mail.example.org";
const TO = "intake@example.org";
const CREATED = Date.UTC(2026, 10, 27, 14, 30, 0);

const full: Inquiry = {
  role: "professional",
  name: "José Ñúñez",
  organization: "Springfield Clinic",
  phone: "555-010-0100",
  email: "jose@example.com",
  contactMethod: "email",
  bestTime: "morning",
  voicemailOk: false,
  textOk: true,
  language: "es",
  insurance: "Blue Cross Blue Shield",
  message: "Please call after 9.\nThank you.",
  consent: true,
};

const stored = (inquiry: Inquiry, id = "inq_TestId123"): StoredInquiry => ({ id, createdAt: CREATED, status: "accepted", reason: null, inquiry });

const phoneOnly: Inquiry = {
  role: "self",
  name: "Ann",
  phone: "555-010-0101",
  contactMethod: "phone",
  bestTime: "any",
  voicemailOk: true,
  textOk: false,
  language: "en",
  consent: true,
};

describe("buildMessage", () => {
  it("uses the fixed subject, with nothing the person typed", () => {
    const m = buildMessage(stored(full), FROM, TO);
    expect(m.subject).toBe(MAIL_SUBJECT);
    expect(m.subject).toBe("New website inquiry");
    expect(m).toMatchObject({ from: FROM, to: TO, inquiryId: "inq_TestId123", date: new Date(CREATED) });
  });

  it("sets Reply-To as an address object only when an email was given", () => {
    expect(buildMessage(stored(full), FROM, TO).replyTo).toEqual({ name: "", address: "jose@example.com" });
    expect(buildMessage(stored(phoneOnly), FROM, TO)).not.toHaveProperty("replyTo");
  });

  it("gives a stable Message-ID made of the inquiry id and the sender's domain", () => {
    expect(buildMessage(stored(full), FROM, TO).messageId).toBe("<inq_TestId123@mail.example.org>");
    expect(buildMessage(stored(full), FROM, TO).messageId).toBe(buildMessage(stored(full), FROM, TO).messageId);
    expect(buildMessage(stored(full, "inq_Other"), FROM, TO).messageId).toBe("<inq_Other@mail.example.org>");
  });

  it("puts every field in the plain-text body, in words staff can read", () => {
    const text = String(buildMessage(stored(full), FROM, TO).text);
    for (const line of [
      "Inquiry id: inq_TestId123",
      "Received: 2026-11-27T14:30:00.000Z",
      "About: I'm a professional making a referral",
      "Name: José Ñúñez",
      "Organization: Springfield Clinic",
      "Phone: 555-010-0100",
      "Email: jose@example.com",
      "Contact by: Email",
      "Best time: Morning",
      "OK to leave a voicemail: no",
      "OK to text: yes",
      "Language: Spanish (Español)",
      "Insurance: Blue Cross Blue Shield",
      "Please call after 9.\nThank you.",
    ])
      expect(text).toContain(line);
  });

  it("says what is missing instead of leaving blanks", () => {
    const text = String(buildMessage(stored(phoneOnly), FROM, TO).text);
    expect(text).toContain("Email: (none given)");
    expect(text).toContain("Insurance: (not given)");
    expect(text).toContain("Message:\n(none)");
    expect(text).not.toContain("Organization:");
    expect(text).toContain("OK to leave a voicemail: yes");
  });
});

describe("createMailer without SMTP_URL (files)", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-mail-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Sends a message through a file mailer and returns the raw .eml text. */
  async function sendToFile(s: StoredInquiry): Promise<string> {
    const env = parseEnv({ DATA_DIR: dir, MAIL_FROM: FROM, MAIL_TO: TO });
    expect(env.SMTP_URL).toBeUndefined();
    const mailer = createMailer(env);
    try {
      await mailer.send(buildMessage(s, env.MAIL_FROM, env.MAIL_TO));
    } finally {
      mailer.close();
    }
    const file = path.join(dir, "mail", `${s.id}.eml`);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(path.join(dir, "mail"))).toEqual([`${s.id}.eml`]); // no temporary file left behind
    return fs.readFileSync(file, "utf8");
  }

  it("writes one .eml file whose headers are exactly the expected set, with Reply-To when there is an email", async () => {
    const raw = await sendToFile(stored(full));
    const mail = await simpleParser(raw);
    expect(mail.headerLines.map((h) => h.key).sort()).toEqual(
      ["from", "to", "subject", "message-id", "date", "reply-to", "mime-version", "content-type", "content-transfer-encoding"].sort(),
    );
    expect(mail.subject).toBe(MAIL_SUBJECT);
    expect(mail.messageId).toBe("<inq_TestId123@mail.example.org>");
    expect(mail.from?.value).toEqual([{ address: FROM, name: "" }]);
    expect(mail.replyTo?.value).toEqual([{ address: "jose@example.com", name: "" }]);
    expect(mail.date?.getTime()).toBe(CREATED);
    expect(mail.text).toContain("Name: José Ñúñez");
    expect(mail.text).toContain("Please call after 9.\nThank you.");
    expect(mail.html).toBe(false);
    expect(mail.attachments).toEqual([]);
  });

  it("has no Reply-To header when no email was given", async () => {
    const mail = await simpleParser(await sendToFile(stored(phoneOnly, "inq_PhoneOnly")));
    expect(mail.headerLines.map((h) => h.key).sort()).toEqual(
      ["from", "to", "subject", "message-id", "date", "mime-version", "content-type", "content-transfer-encoding"].sort(),
    );
  });

  it("keeps what the person typed out of the headers, even a name carrying CRLF and a Bcc line", async () => {
    const hostile = "Eve\r\nBcc: evil@example.com";
    // The front door: validation refuses it.
    const v = validateInquiry({ ...phoneOnly, name: hostile });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.errors.name).toBe("Use a single line here, without line breaks.");

    // And even if it got through, the name only ever reaches the body.
    const raw = await sendToFile(stored({ ...phoneOnly, name: hostile }, "inq_Hostile"));
    const headerBlock = raw.slice(0, raw.indexOf("\n\n"));
    expect(headerBlock).not.toMatch(/^bcc:/im);
    expect(headerBlock).not.toContain("evil@example.com");
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has("bcc")).toBe(false);
  });
});
