import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { center } from "@/content/center";
import { inquiryText } from "@/lib/i18n/inquiry.en";
import { openInquiryStore } from "@/lib/inquiries/store/open";
import { sampleInquiry, waitFor, type NextServer } from "../helpers/next-server";
import type { SmtpSink } from "../helpers/smtp-sink";
import { countRows, inquiryRows } from "../helpers/inquiry-db";
import { innerTextById, tags } from "../helpers/html";
import { randomHex, rawRequest, startServerWithSink, type RawResponse } from "./helpers";

/**
 * What the form refuses or ignores never reaches the database, the logs or the staff email:
 * - a professional's message that looks like it carries a patient identifier (a date of birth, a record number, an
 *   SSN) is refused with a 400 naming the message field and saying where records go (the secure fax and referral
 *   line of center.referrals), and a canary in it appears nowhere;
 * - an organization is required of professionals only, and anyone else's is not stored (nor mailed).
 *
 * Port: 4454 (the SMTP sink takes an ephemeral port).
 */
const PORT = 4454;
const letters = () => randomHex(8).replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]);
/** In every refused post: it must never be written anywhere. */
const CANARY = `CANARY${letters()}`;
/** In the organization of people who are not professionals: accepted posts, but the organization is not kept. */
const ORG_CANARY = `ORGCANARY${letters()}`;

const m = inquiryText.errors;
const { secureFax, phone: referralLine } = center.referrals;
const recordsMessage = m.message.patient_identifiers(secureFax.display, referralLine.display);

let sink: SmtpSink;
let server: NextServer;

beforeAll(async () => {
  ({ server, sink } = await startServerWithSink(PORT, {
    MAIL_FROM: "website-records@iop-test.example.net",
    MAIL_TO: "intake-records@iop-test.example.net",
    RATE_LIMIT_MAX: "1000",
  }));
});

afterAll(async () => {
  await server?.stop("SIGKILL");
  await sink?.close();
});

function post(contentType: string, body: string): Promise<RawResponse> {
  return rawRequest(`${server.url}/api/inquiries`, {
    method: "POST",
    headers: { origin: server.url, "sec-fetch-site": "same-origin", "content-type": contentType },
    body,
  });
}
const postJson = (body: Record<string, unknown>) => post("application/json", JSON.stringify(body));
/** As a browser without JavaScript posts the form: checkboxes only when ticked, as the form's "yes". */
const postForm = (body: Record<string, unknown>) =>
  post(
    "application/x-www-form-urlencoded",
    new URLSearchParams(Object.entries(body).flatMap(([k, v]) => (v === false ? [] : [[k, v === true ? "yes" : String(v)]]))).toString(),
  );

const referral = (message: string, extra: Record<string, unknown> = {}) =>
  sampleInquiry({
    role: "professional",
    name: `Dr ${CANARY}`,
    organization: `Clinic ${CANARY}`,
    email: `${CANARY}@example.org`,
    contactMethod: "email",
    message,
    ...extra,
  });

const identifierMessages = [
  `Referral for ${CANARY}, DOB 1/2/1990, evenings preferred.`,
  `${CANARY} was born 01-02-1990.`,
  `Patient ${CANARY}\nMRN 4471234`,
  `${CANARY} medical record number 4471234`,
  `${CANARY} SSN 123-45-6789`,
];

/** Everything the server wrote to disk, raw. */
function dataFiles(dir: string): { name: string; bytes: Buffer }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const p = path.join(e.parentPath, e.name);
      return { name: path.relative(dir, p), bytes: fs.readFileSync(p) };
    });
}

describe("a professional's message carrying a patient identifier", () => {
  it.each(identifierMessages)("is refused as JSON with a 400 that names the message field and the records route: %j", async (message) => {
    const res = await postJson(referral(message));
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body.toString("utf8")) as { error: string; fields: Record<string, string> };
    expect(body).toEqual({ error: "invalid", fields: { message: recordsMessage } });
    expect(body.fields.message).toContain(secureFax.display);
    expect(body.fields.message).toContain(referralLine.display);
    expect(res.body.toString("utf8")).not.toContain(CANARY);
  });

  it("is refused from a form without JavaScript: the page again, its summary linking to the message and saying where records go", async () => {
    const res = await postForm(referral(identifierMessages[0]));
    expect(res.status).toBe(400);
    const html = res.body.toString("utf8");
    expect(tags(html, "a").some((a) => a.attrs.href === "#inquiry-message")).toBe(true);
    const escaped = recordsMessage.replace(/'/g, "&#x27;");
    // Twice: in the summary, and above the field.
    expect(html.split(escaped).length - 1).toBe(2);
    // What the person typed comes back to them only, in the fields, for them to edit.
    expect(innerTextById(html, "textarea", "inquiry-message")).toMatch(new RegExp(`^Referral for ${CANARY}`));
  });

  it("is accepted from anyone else, and from a professional without identifiers (control)", async () => {
    // Not the rule's business: people writing about themselves or a loved one are not sending records.
    expect((await postJson(sampleInquiry({ role: "self", message: "My DOB is 1/2/1990." }))).status).toBe(201);
    const fine = await postJson(sampleInquiry({ role: "professional", organization: "Lakeside Clinic", message: "Can we talk 3/15 after 5 pm? ZIP 60601." }));
    expect(fine.status).toBe(201);
  });

  it("stores nothing, mails nothing and logs nothing of the refused posts", async () => {
    await waitFor(() => sink.messages.length >= 2, "the two accepted inquiries' emails");
    await new Promise((r) => setTimeout(r, 500));
    expect(countRows(server.dataDir, "inquiries")).toBe(2);
    for (const { parsed, raw } of sink.messages) {
      expect(raw).not.toContain(CANARY);
      expect(parsed.text ?? "").not.toContain(CANARY);
    }
    const out = server.output();
    expect(out).toMatch(/inquiry\.invalid/);
    expect(out).not.toContain(CANARY);
    expect(out.toLowerCase()).not.toContain(CANARY.toLowerCase());
    for (const f of dataFiles(server.dataDir)) expect(f.bytes.includes(Buffer.from(CANARY)), f.name).toBe(false);
  });
});

describe("the organization: required of professionals, not kept from anyone else", () => {
  it("a professional without one is refused, naming the field", async () => {
    const res = await postJson(sampleInquiry({ role: "professional", organization: "  " }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString("utf8"))).toEqual({ error: "invalid", fields: { organization: m.organization.need_organization } });
  });

  it("anyone else's is accepted without a check, and neither stored nor mailed", async () => {
    const before = sink.messages.length;
    expect((await postJson(sampleInquiry({ role: "loved-one", name: "Kim", organization: `${ORG_CANARY}\u0000${"x".repeat(500)}` }))).status).toBe(201);
    expect((await postForm(sampleInquiry({ role: "self", name: "Lou", organization: `Clinic ${ORG_CANARY}` }))).status).toBe(303);
    expect((await postJson(sampleInquiry({ role: "professional", name: "Dr Ode", organization: "Harbor Practice" }))).status).toBe(201);
    await waitFor(() => sink.messages.length >= before + 3, "three more emails");
    const mails = sink.messages.slice(before).map((x) => x.parsed.text ?? "");
    expect(mails.filter((t) => t.includes("Organization: Harbor Practice"))).toHaveLength(1);
    for (const t of mails) expect(t).not.toContain(ORG_CANARY);
    expect(server.output()).not.toContain(ORG_CANARY);
  });

  it("the stored inquiries hold an organization for the professionals only", async () => {
    await server.stop("SIGTERM");
    const store = await openInquiryStore({ dataDir: server.dataDir, mustExist: true });
    try {
      const stored = await Promise.all(inquiryRows(server.dataDir).map((r) => store.getInquiry(r.id)));
      expect(stored).toHaveLength(5);
      for (const s of stored) {
        expect(JSON.stringify(s?.inquiry)).not.toContain(ORG_CANARY);
        if (s?.inquiry.role === "professional") expect(s.inquiry.organization, s.inquiry.name).toBeTruthy();
        else expect(s?.inquiry, s?.inquiry.name).not.toHaveProperty("organization");
      }
    } finally {
      await store.close();
    }
  });
});
