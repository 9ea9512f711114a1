import { describe, expect, it, vi } from "vitest";
import { backoffMs, classifyFailure, relayReason } from "@/lib/inquiries/failures";
import { log } from "@/lib/log";

/** An error shaped like nodemailer's: a string code and, for SMTP replies, a numeric responseCode. */
const smtpError = (code: string, responseCode?: number) =>
  Object.assign(new Error("send failed"), { code, ...(responseCode === undefined ? {} : { responseCode }) });

describe("classifyFailure", () => {
  const rows: { what: string; err: unknown; kind: "transient" | "permanent" | "config"; code: string; responseCode?: number }[] = [
    { what: "connection refused (ECONNECTION, no reply code)", err: smtpError("ECONNECTION"), kind: "transient", code: "ECONNECTION" },
    { what: "socket error (ESOCKET, no reply code)", err: smtpError("ESOCKET"), kind: "transient", code: "ESOCKET" },
    { what: "421 service not available", err: smtpError("ECONNECTION", 421), kind: "transient", code: "ECONNECTION", responseCode: 421 },
    { what: "451 local error", err: smtpError("EENVELOPE", 451), kind: "transient", code: "EENVELOPE", responseCode: 451 },
    { what: "452 insufficient storage", err: smtpError("EMESSAGE", 452), kind: "transient", code: "EMESSAGE", responseCode: 452 },
    { what: "550 mailbox unavailable", err: smtpError("EENVELOPE", 550), kind: "permanent", code: "EENVELOPE", responseCode: 550 },
    { what: "554 transaction failed", err: smtpError("EMESSAGE", 554), kind: "permanent", code: "EMESSAGE", responseCode: 554 },
    { what: "EAUTH without a reply code", err: smtpError("EAUTH"), kind: "config", code: "EAUTH" },
    { what: "535 authentication failed (even with another code)", err: smtpError("EENVELOPE", 535), kind: "config", code: "EENVELOPE", responseCode: 535 },
    { what: "530 authentication required", err: smtpError("EENVELOPE", 530), kind: "config", code: "EENVELOPE", responseCode: 530 },
    { what: "ETLS (server cannot do the required TLS)", err: smtpError("ETLS"), kind: "config", code: "ETLS" },
    { what: "ETIMEDOUT", err: smtpError("ETIMEDOUT"), kind: "transient", code: "ETIMEDOUT" },
  ];

  for (const { what, err, ...expected } of rows) {
    it(`${what} → ${expected.kind}`, () => {
      expect(classifyFailure(err)).toEqual({ responseCode: undefined, ...expected });
    });
  }

  describe("certificate errors are configuration errors, named by their reason code", () => {
    /** As nodemailer hands them over: its own code (ESOCKET, ETLS) with the TLS code kept in originalCode, the cause or the message. */
    const tlsRows: { what: string; err: unknown; code: string }[] = [
      ...[
        "DEPTH_ZERO_SELF_SIGNED_CERT",
        "SELF_SIGNED_CERT_IN_CHAIN",
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        "CERT_HAS_EXPIRED",
        "ERR_TLS_CERT_ALTNAME_INVALID",
      ].flatMap((code) => [
        { what: `${code} as Node raises it`, err: Object.assign(new Error("tls"), { code }), code },
        { what: `ESOCKET with originalCode ${code}`, err: Object.assign(new Error("tls"), { code: "ESOCKET", originalCode: code }), code },
        {
          what: `ETLS with cause ${code}`,
          err: Object.assign(new Error("Error initiating TLS"), { code: "ETLS", cause: Object.assign(new Error("x"), { code }) }),
          code,
        },
      ]),
      {
        what: "ETLS naming a self-signed certificate in its message",
        err: Object.assign(new Error("Error initiating TLS - self-signed certificate"), { code: "ETLS" }),
        code: "DEPTH_ZERO_SELF_SIGNED_CERT",
      },
      {
        what: "ESOCKET naming a chain with a self-signed certificate",
        err: Object.assign(new Error("self-signed certificate in certificate chain"), { code: "ESOCKET" }),
        code: "SELF_SIGNED_CERT_IN_CHAIN",
      },
      {
        what: "ESOCKET: unable to verify the first certificate",
        err: Object.assign(new Error("unable to verify the first certificate"), { code: "ESOCKET" }),
        code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      },
      {
        what: "ESOCKET: unable to get local issuer certificate",
        err: Object.assign(new Error("unable to get local issuer certificate"), { code: "ESOCKET" }),
        code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
      },
      { what: "ESOCKET: certificate has expired", err: Object.assign(new Error("certificate has expired"), { code: "ESOCKET" }), code: "CERT_HAS_EXPIRED" },
      {
        what: "ETLS: host name mismatch in the message",
        err: Object.assign(
          new Error("Error initiating TLS - Hostname/IP does not match certificate's altnames: Host: a. is not in the cert's altnames: DNS:b"),
          { code: "ETLS" },
        ),
        code: "ERR_TLS_CERT_ALTNAME_INVALID",
      },
    ];
    for (const { what, err, code } of tlsRows) {
      it(`${what} → config ${code}`, () => {
        expect(classifyFailure(err)).toEqual({ kind: "config", code, responseCode: undefined });
      });
    }

    it("a plain ESOCKET (connection reset) stays transient, and keeps its code", () => {
      expect(classifyFailure(Object.assign(new Error("read ECONNRESET"), { code: "ESOCKET", originalCode: "ECONNRESET" }))).toEqual({
        kind: "transient",
        code: "ESOCKET",
        responseCode: undefined,
      });
    });
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "boom"],
    ["a number", 550],
    ["an object with a numeric code and a string responseCode", { code: 550, responseCode: "550" }],
  ])("treats garbage (%s) as transient with code UNKNOWN", (_label, input) => {
    expect(classifyFailure(input)).toEqual({ kind: "transient", code: "UNKNOWN", responseCode: undefined });
  });
});

describe("backoffMs", () => {
  const BASE = 1_000;
  const MAX = 60_000;
  const full = () => 1;
  const none = () => 0;

  it("doubles with each attempt (random 1 gives the full delay)", () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, BASE, MAX, full))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it("random 0 gives half the delay", () => {
    expect([1, 2, 3].map((a) => backoffMs(a, BASE, MAX, none))).toEqual([500, 1_000, 2_000]);
  });

  it("stays within [half, full] of the exponential delay for any random value", () => {
    for (const r of [0, 0.25, 0.5, 0.999]) {
      const d = backoffMs(4, BASE, MAX, () => r);
      expect(d).toBeGreaterThanOrEqual(4_000);
      expect(d).toBeLessThanOrEqual(8_000);
      expect(d).toBe(Math.round(4_000 + 4_000 * r));
    }
  });

  it("is capped at the maximum", () => {
    expect(backoffMs(7, BASE, MAX, full)).toBe(MAX); // 64 s would exceed 60 s
    expect(backoffMs(7, BASE, MAX, none)).toBe(MAX / 2);
    expect(backoffMs(50, BASE, MAX, full)).toBe(MAX);
    expect(backoffMs(5_000, BASE, MAX, full)).toBe(MAX);
  });

  it("never exceeds the maximum, whatever the attempt", () => {
    for (let attempt = 1; attempt <= 100; attempt++) expect(backoffMs(attempt, BASE, MAX, full)).toBeLessThanOrEqual(MAX);
  });

  it("treats attempt 0 or below like the first attempt", () => {
    expect(backoffMs(0, BASE, MAX, full)).toBe(BASE);
    expect(backoffMs(-3, BASE, MAX, full)).toBe(BASE);
  });
});

describe("relayReason: the relay's reply for the operator's log", () => {
  const withResponse = (response: unknown) => Object.assign(new Error("send failed"), { code: "EENVELOPE", responseCode: 550, response });

  it("is the reply's first line, without control or text-direction characters, at most 200 characters", () => {
    expect(relayReason(withResponse("550 5.1.1 <intake@example.org>: Recipient address rejected"))).toBe(
      "550 5.1.1 <intake@example.org>: Recipient address rejected",
    );
    expect(relayReason(withResponse("554 5.7.1 Rejected\r\nline two: anything after the first line\nthree"))).toBe("554 5.7.1 Rejected");
    expect(relayReason(withResponse("451 4.3.0 Try\u0085later"))).toBe("451 4.3.0 Try");
    expect(relayReason(withResponse("550 bad\u0000\u001b[31m\u202eevil\u2066 stuff\t!"))).toBe("550 bad[31mevil stuff!");
    expect(relayReason(withResponse(`550 ${"x".repeat(500)}`))).toHaveLength(200);
  });

  it("is undefined without a reply (refused connection, timeout) or with a reply that is not text", () => {
    for (const err of [new Error("ECONNREFUSED"), null, undefined, "550 x", withResponse(550), withResponse({ text: "x" }), withResponse("\r\n")])
      expect(relayReason(err)).toBeUndefined();
  });

  it("reaches the log as the allow-listed detail field, cleaned there too", () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((l: string) => void lines.push(l));
    try {
      log("delivery.dead", { id: "inq_x", detail: "550 no such user\r\nBcc: evil@example.com", name: "Ann" }, "error");
    } finally {
      spy.mockRestore();
    }
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ event: "delivery.dead", id: "inq_x", detail: "550 no such user" });
    expect(line).not.toHaveProperty("name");
  });
});
