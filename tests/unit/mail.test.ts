import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { simpleParser } from "mailparser";
import { MAIL_SUBJECT, TEST_MAIL_SUBJECT, buildMessage, createMailer, describeTransport, sendTestMessage } from "@/lib/inquiries/mail";
import { parseEnv } from "@/lib/env";
import { validateInquiry, type Inquiry } from "@/lib/inquiries/schema";
import { inquiryText } from "@/lib/i18n/inquiry.en";
import type { StoredInquiry } from "@/lib/inquiries/store/contract";
import { validInquiry } from "../helpers/fixtures";
import { startSmtpSink } from "../helpers/smtp-sink";

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

const stored = (inquiry: Inquiry, id = "inq_TestId123", siteLocale: StoredInquiry["siteLocale"] = "en"): StoredInquiry => ({
  id,
  createdAt: CREATED,
  status: "accepted",
  reason: null,
  siteLocale,
  inquiry,
});

const phoneOnly: Inquiry = { ...validInquiry, phone: "555-010-0101", voicemailOk: true };

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

  it("says plainly, before any field, which site the person wrote from and the language to contact them in", () => {
    const fromSpanish = String(buildMessage(stored(full, "inq_Es", "es"), FROM, TO).text).split("\n");
    expect(fromSpanish.slice(0, 3)).toEqual([
      "A new inquiry came in through the website.",
      "This person wrote from the SPANISH (ESPAÑOL) website (/es). What they typed below may be in Spanish (Español).",
      "Contact them in: Spanish (Español).",
    ]);
    expect(fromSpanish).toContain("Website: Spanish (Español) (/es/contact)");
    const fromEnglish = String(buildMessage(stored(phoneOnly), FROM, TO).text).split("\n");
    expect(fromEnglish.slice(1, 3)).toEqual(["This person wrote from the English website.", "Contact them in: English."]);
    expect(fromEnglish).toContain("Website: English (/contact)");
    const other = String(buildMessage(stored({ ...phoneOnly, language: "other" }, "inq_Other", "es"), FROM, TO).text);
    expect(other).toContain("Contact them in: a language other than English or Spanish: arrange an interpreter.");
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
    const v = validateInquiry({ ...phoneOnly, name: hostile }, inquiryText.errors);
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

describe("describeTransport", () => {
  it("names the SMTP relay without credentials", () => {
    const env = parseEnv({ SMTP_URL: "smtp://zquser:zqpass%40word@mail.iop.org:2587" });
    expect(describeTransport(env)).toEqual({ kind: "smtp", target: "smtp://mail.iop.org:2587" });
    expect(JSON.stringify(describeTransport(env))).not.toMatch(/zquser|zqpass/);
    expect(describeTransport(parseEnv({ SMTP_URL: "smtps://u:p@mail.iop.org" }))).toEqual({ kind: "smtp", target: "smtps://mail.iop.org:465" });
    expect(describeTransport(parseEnv({ SMTP_URL: "smtp://mail.iop.org" }))).toEqual({ kind: "smtp", target: "smtp://mail.iop.org:587" });
  });

  it("names the folder for the file transport", () => {
    const env = parseEnv({ DATA_DIR: "/srv/iop-data" });
    expect(describeTransport(env)).toEqual({ kind: "file", target: path.join("/srv/iop-data", "mail") });
  });
});

describe("createMailer says at start what it cannot do", () => {
  let dir: string;
  let lines: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-mail-"));
    lines = [];
    for (const level of ["log", "error"] as const) vi.spyOn(console, level).mockImplementation((l: string) => void lines.push(String(l)));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const events = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  it("file transport: a warn line that the files hold personal data in clear and nobody is emailed", () => {
    createMailer(parseEnv({ DATA_DIR: dir, MAIL_TO: TO, MAIL_FROM: FROM })).close();
    expect(events()).toContainEqual(expect.objectContaining({ level: "warn", event: "mail.file-transport", mode: "file", reason: "personal-data-in-clear" }));
  });

  it("SMTP: no such line", () => {
    createMailer(parseEnv({ DATA_DIR: dir, SMTP_URL: "smtps://u:p@mail.iop.org", MAIL_TO: "a@iop.org", MAIL_FROM: "b@iop.org" })).close();
    expect(events().filter((e) => e.level !== "info")).toEqual([]);
  });

  it("a warn line per mail address on a reserved domain, naming the variable", () => {
    createMailer(parseEnv({ DATA_DIR: dir, SMTP_URL: "smtps://u:p@mail.iop.org", MAIL_TO: "intake@example.org", MAIL_FROM: "website@example.org" })).close();
    const warned = events().filter((e) => e.event === "config.warning");
    expect(warned).toEqual([
      expect.objectContaining({ level: "warn", reason: "MAIL_TO", code: "RESERVED_DOMAIN" }),
      expect.objectContaining({ level: "warn", reason: "MAIL_FROM", code: "RESERVED_DOMAIN" }),
    ]);
  });
});

describe("sendTestMessage", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-mail-"));
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("file transport: writes one marked message and returns its path", async () => {
    const r = await sendTestMessage(parseEnv({ DATA_DIR: dir, MAIL_TO: TO, MAIL_FROM: FROM }));
    expect(r.kind).toBe("file");
    expect(path.dirname(r.file!)).toBe(path.join(dir, "mail"));
    const mail = await simpleParser(fs.readFileSync(r.file!, "utf8"));
    expect(mail.subject).toBe(TEST_MAIL_SUBJECT);
    expect(TEST_MAIL_SUBJECT).toBe("Test message from the website (no inquiry)");
    expect(mail.text).toMatch(/no inquiry/i);
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0].address).toBe(TO);
  });

  it("SMTP: returns the relay's reply; a refusal rejects with the relay's error", async () => {
    const sink = await startSmtpSink(0);
    try {
      const env = parseEnv({ DATA_DIR: dir, SMTP_URL: sink.url, SMTP_REQUIRE_TLS: "false", MAIL_TO: TO, MAIL_FROM: FROM });
      const r = await sendTestMessage(env);
      expect(r.kind).toBe("smtp");
      expect(r.response).toMatch(/^250\b/);
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0].parsed.subject).toBe(TEST_MAIL_SUBJECT);
      sink.setMode("rcpt550");
      await expect(sendTestMessage(env)).rejects.toMatchObject({ responseCode: 550 });
    } finally {
      await sink.close();
    }
  });
});
