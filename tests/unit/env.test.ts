import path from "node:path";
import { describe, expect, it } from "vitest";
import { minDeliveryLeaseMs, parseEnv } from "@/lib/env";
import { center } from "@/content/center";

const KEY = Buffer.alloc(32, 7).toString("base64");

/** The message parseEnv throws (fails the test if it accepts the input). */
function errorFor(source: Record<string, string>): string {
  let thrown: unknown;
  try {
    parseEnv(source);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, "parseEnv should have thrown").toBeInstanceOf(Error);
  return (thrown as Error).message;
}

describe("parseEnv defaults", () => {
  const env = parseEnv({});

  it("resolves the data folder to an absolute path", () => {
    expect(path.isAbsolute(env.dataDir)).toBe(true);
    expect(env.dataDir).toBe(path.resolve(".data"));
  });

  it("allows localhost and 127.0.0.1 on the default port", () => {
    expect(env.PORT).toBe(4310);
    expect(env.allowedOrigins).toEqual(["http://localhost:4310", "http://127.0.0.1:4310"]);
  });

  it("follows PORT in the allowed origins", () => {
    expect(parseEnv({ PORT: "8080" }).allowedOrigins).toEqual(["http://localhost:8080", "http://127.0.0.1:8080"]);
  });

  it("writes mail to files, requires TLS, and mails the center's address by default", () => {
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SMTP_REQUIRE_TLS).toBe(true);
    expect(env.MAIL_TO).toBe(center.email);
    expect(env.NODE_ENV).toBe("production");
    expect(env.RETENTION_DAYS).toBe(center.inquiryRetentionDays);
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ PORT: "", SMTP_URL: "", MAIL_TO: "" });
    expect(env.PORT).toBe(4310);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_TO).toBe(center.email);
  });

  it("keeps a relative DATA_DIR relative to the working directory, made absolute", () => {
    expect(parseEnv({ DATA_DIR: "var/inq" }).dataDir).toBe(path.resolve("var/inq"));
  });
});

describe("SITE_ORIGIN", () => {
  // A public origin needs mail that reaches someone (see "on a public origin" below).
  const mail = { SMTP_URL: "smtps://mail.iop.org", MAIL_TO: "intake@iop.org", MAIL_FROM: "website@iop.org" };

  it("gives exactly its origin, without path or trailing slash", () => {
    expect(parseEnv({ ...mail, SITE_ORIGIN: "https://iop.example.org/contact/" }).allowedOrigins).toEqual(["https://iop.example.org"]);
  });

  it("keeps a non-default port", () => {
    expect(parseEnv({ ...mail, SITE_ORIGIN: "https://iop.example.org:8443" }).allowedOrigins).toEqual(["https://iop.example.org:8443"]);
  });
});

describe("each bad variable is named in the message", () => {
  it.each([
    ["SMTP_URL", "http://x"],
    ["MAIL_TO", "nope"],
    ["MAIL_FROM", "website"],
    ["INQUIRY_KEYS", "bad"],
    ["INQUIRY_KEYS", `k1:${Buffer.alloc(16).toString("base64")}`],
    ["PORT", "70000"],
    ["NODE_ENV", "staging"],
    ["SMTP_REQUIRE_TLS", "no"],
    ["SITE_ORIGIN", "not a url"],
  ])("%s=%s", (name, value) => {
    const msg = errorFor({ [name]: value });
    expect(msg).toMatch(/^Invalid server configuration \(environment variables\):\n/);
    expect(msg).toMatch(new RegExp(`^  - ${name}: `, "m"));
    // Only the bad variable is listed.
    expect(msg.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(1);
  });

  it("accepts well-formed keys, one or several", () => {
    expect(parseEnv({ INQUIRY_KEYS: `k1:${KEY}` }).INQUIRY_KEYS).toBe(`k1:${KEY}`);
    expect(() => parseEnv({ INQUIRY_KEYS: `new:${KEY},old:${KEY}` })).not.toThrow();
  });

  it("RETRY_MAX_MS below RETRY_BASE_MS", () => {
    const msg = errorFor({ RETRY_BASE_MS: "60000", RETRY_MAX_MS: "1000" });
    expect(msg).toMatch(/^  - RETRY_MAX_MS: must be at least RETRY_BASE_MS$/m);
    expect(parseEnv({ RETRY_BASE_MS: "1000", RETRY_MAX_MS: "1000" }).RETRY_MAX_MS).toBe(1000);
  });

  it("DELIVERY_LEASE_MS that does not outlast the SMTP timeouts (2 × connection + socket + 5 s), naming the variables", () => {
    const timeouts = { SMTP_CONNECTION_TIMEOUT_MS: "5000", SMTP_SOCKET_TIMEOUT_MS: "10000" };
    const msg = errorFor({ ...timeouts, DELIVERY_LEASE_MS: "24999" });
    expect(msg).toMatch(/^  - DELIVERY_LEASE_MS: must outlast a stalled SMTP session: .*SMTP_CONNECTION_TIMEOUT_MS.*SMTP_SOCKET_TIMEOUT_MS/m);
    expect(parseEnv({ ...timeouts, DELIVERY_LEASE_MS: "25000" }).DELIVERY_LEASE_MS).toBe(25_000);
    // Each timeout counts: raising either one makes the same lease too short.
    expect(errorFor({ ...timeouts, SMTP_CONNECTION_TIMEOUT_MS: "5001", DELIVERY_LEASE_MS: "25000" })).toMatch(/DELIVERY_LEASE_MS/);
    expect(errorFor({ ...timeouts, SMTP_SOCKET_TIMEOUT_MS: "10001", DELIVERY_LEASE_MS: "25000" })).toMatch(/DELIVERY_LEASE_MS/);
    // The defaults (10 s, 30 s, 2 min) fit; so does the lease alone raised.
    expect(minDeliveryLeaseMs(parseEnv({}))).toBe(55_000);
    expect(errorFor({ SMTP_SOCKET_TIMEOUT_MS: "200000" })).toMatch(/^  - DELIVERY_LEASE_MS: /m);
  });

  it("lists several bad variables at once", () => {
    const msg = errorFor({ SMTP_URL: "http://x", MAIL_TO: "nope" });
    expect(msg).toMatch(/^  - SMTP_URL: /m);
    expect(msg).toMatch(/^  - MAIL_TO: /m);
  });
});

describe("SMTP_REQUIRE_TLS=false", () => {
  const refused = /SMTP_REQUIRE_TLS=false is only allowed for a loopback SMTP server in production/;

  it.each(["smtp://mail.example.com:587", "smtp://user:pass@mail.example.com:587", "smtp://127.0.0.1.example.com:25", "smtp://localhost.example.com:25"])(
    "is refused in production for the non-loopback host in %s",
    (url) => {
      expect(() => parseEnv({ SMTP_URL: url, SMTP_REQUIRE_TLS: "false" })).toThrow(refused);
    },
  );

  it("is refused when a loopback-looking user name hides a remote host", () => {
    // The host here is mail.example.com; "127.0.0.1" and "localhost" are only the user name.
    expect(() => parseEnv({ SMTP_URL: "smtp://127.0.0.1:secret@mail.example.com:587", SMTP_REQUIRE_TLS: "false" })).toThrow(refused);
    expect(() => parseEnv({ SMTP_URL: "smtp://localhost:secret@mail.example.com:587", SMTP_REQUIRE_TLS: "false" })).toThrow(refused);
  });

  it.each(["smtp://127.0.0.1:2525", "smtp://user:pass@127.0.0.1:2525", "smtp://localhost:25", "smtp://[::1]:25"])(
    "is allowed in production for the loopback host in %s",
    (url) => {
      const env = parseEnv({ SMTP_URL: url, SMTP_REQUIRE_TLS: "false" });
      expect(env.SMTP_REQUIRE_TLS).toBe(false);
    },
  );

  it("is allowed for a remote host outside production", () => {
    expect(parseEnv({ NODE_ENV: "development", SMTP_URL: "smtp://mail.example.com:587", SMTP_REQUIRE_TLS: "false" }).SMTP_REQUIRE_TLS).toBe(false);
  });

  it('accepts "0" and "1" as well as "false" and "true"', () => {
    expect(parseEnv({ SMTP_REQUIRE_TLS: "0" }).SMTP_REQUIRE_TLS).toBe(false);
    expect(parseEnv({ SMTP_REQUIRE_TLS: "1" }).SMTP_REQUIRE_TLS).toBe(true);
  });
});

describe("MAIL_TRANSPORT", () => {
  it("defaults to smtp when SMTP_URL is set, else to file", () => {
    expect(parseEnv({}).mailTransport).toBe("file");
    expect(parseEnv({ SMTP_URL: "smtp://mail.iop.org:587" }).mailTransport).toBe("smtp");
  });

  it("takes an explicit choice", () => {
    expect(parseEnv({ MAIL_TRANSPORT: "file" }).mailTransport).toBe("file");
    expect(parseEnv({ MAIL_TRANSPORT: "smtp", SMTP_URL: "smtps://mail.iop.org" }).mailTransport).toBe("smtp");
  });

  it("refuses another value, smtp without SMTP_URL, and file with SMTP_URL set (which one was meant?)", () => {
    expect(errorFor({ MAIL_TRANSPORT: "sendmail" })).toMatch(/^  - MAIL_TRANSPORT: /m);
    expect(errorFor({ MAIL_TRANSPORT: "smtp" })).toMatch(/^  - MAIL_TRANSPORT: smtp needs SMTP_URL/m);
    expect(errorFor({ MAIL_TRANSPORT: "file", SMTP_URL: "smtp://mail.iop.org:587" })).toMatch(/^  - MAIL_TRANSPORT: .*SMTP_URL is set/m);
  });
});

/** The mail faults parseEnv reports for a public origin, one "  - VARIABLE: message" line each. */
const mailFaultsOf = (source: Record<string, string>) =>
  parseEnv(source)
    .mailFaults.map((f) => `  - ${f.variable}: ${f.message}`)
    .join("\n");

describe("on a public origin (SITE_ORIGIN not loopback)", () => {
  const publicBase = { SITE_ORIGIN: "https://iop.org", MAIL_TO: "intake@iop.org", MAIL_FROM: "website@iop.org" };

  it("knows which origins are public", () => {
    for (const o of ["https://iop.org", "https://www.iop-center.com:8443", "http://10.0.0.5:4310"])
      expect(parseEnv({ ...publicBase, SITE_ORIGIN: o, MAIL_TRANSPORT: "file" }).publicOrigin, o).toBe(true);
    for (const o of ["http://localhost:4310", "http://127.0.0.1:4310", "http://127.3.4.5", "http://[::1]:4310", "http://app.localhost:3000"])
      expect(parseEnv({ SITE_ORIGIN: o }).publicOrigin, o).toBe(false);
    expect(parseEnv({}).publicOrigin).toBe(false);
  });

  it("faults the file transport unless chosen explicitly, saying that nobody would be emailed", () => {
    const msg = mailFaultsOf(publicBase);
    expect(msg).toMatch(/^  - MAIL_TRANSPORT: /m);
    expect(msg).toMatch(/nobody is emailed/);
    expect(msg).toContain("SMTP_URL");
    expect(parseEnv({ ...publicBase, MAIL_TRANSPORT: "file" }).mailTransport).toBe("file");
    expect(parseEnv({ ...publicBase, SMTP_URL: "smtps://u:p@mail.iop.org" }).mailTransport).toBe("smtp");
  });

  it.each([
    ["MAIL_TO", "intake@example.org"],
    ["MAIL_TO", "intake@example.com"],
    ["MAIL_FROM", "website@example.net"],
    ["MAIL_FROM", "website@mail.example.org"],
    ["MAIL_FROM", "website@example.co.uk"],
    ["MAIL_TO", "a@clinic.test"],
    ["MAIL_TO", "a@clinic.invalid"],
    ["MAIL_TO", "a@clinic.localhost"],
    ["MAIL_TO", "a@clinic.example"],
  ])("faults %s=%s (a reserved domain: nobody reads it)", (name, value) => {
    const msg = mailFaultsOf({ ...publicBase, SMTP_URL: "smtps://mail.iop.org", [name]: value });
    expect(msg).toMatch(new RegExp(`^  - ${name}: .*reserved`, "m"));
    expect(msg.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(1);
  });

  it("faults the defaults, naming both (the center's placeholder intake address and website@example.org)", () => {
    const msg = mailFaultsOf({ SITE_ORIGIN: "https://iop.org", SMTP_URL: "smtps://mail.iop.org" });
    expect(msg).toMatch(/^  - MAIL_FROM: /m);
    if (/@example\./.test(center.email)) expect(msg).toMatch(/^  - MAIL_TO: /m);
  });

  it("accepts real domains that merely contain the word", () => {
    expect(parseEnv({ ...publicBase, SMTP_URL: "smtps://mail.iop.org", MAIL_TO: "a@examples.com", MAIL_FROM: "b@myexample.org" }).mailFaults).toEqual([]);
  });
});

describe("off a public origin, reserved mail domains are warnings", () => {
  it("lists them, and starts", () => {
    const env = parseEnv({ MAIL_TO: "intake@example.org", MAIL_FROM: "website@iop.org" });
    expect(env.configWarnings).toEqual([expect.objectContaining({ variable: "MAIL_TO", code: "RESERVED_DOMAIN" })]);
    expect(parseEnv({ MAIL_TO: "intake@iop.org", MAIL_FROM: "website@iop.org" }).configWarnings).toEqual([]);
  });
});

describe("delivery run modes", () => {
  const SECRET = "s".repeat(32);

  it("defaults to a worker in each web process, with no delivery endpoint", () => {
    const env = parseEnv({});
    expect(env.DELIVERY).toBe("in-process");
    expect(env.DELIVERY_SECRET).toBeUndefined();
  });

  it("accepts the three modes and refuses any other, naming DELIVERY", () => {
    for (const mode of ["in-process", "worker"]) expect(parseEnv({ DELIVERY: mode }).DELIVERY).toBe(mode);
    expect(parseEnv({ DELIVERY: "endpoint", DELIVERY_SECRET: SECRET }).DELIVERY).toBe("endpoint");
    expect(errorFor({ DELIVERY: "cron" })).toMatch(/^  - DELIVERY: /m);
  });

  it("refuses DELIVERY=endpoint without a secret: nothing could call the endpoint, and no inquiry would be sent", () => {
    expect(errorFor({ DELIVERY: "endpoint" })).toMatch(/DELIVERY: endpoint needs DELIVERY_SECRET/);
  });

  it("refuses a secret shorter than 32 characters, without echoing it", () => {
    const msg = errorFor({ DELIVERY: "endpoint", DELIVERY_SECRET: "short-secret-value" });
    expect(msg).toMatch(/^  - DELIVERY_SECRET: must be at least 32 characters/m);
    expect(msg).not.toContain("short-secret-value");
  });

  it("bounds a round of the endpoint by count (1 to 500) and time", () => {
    expect(parseEnv({}).DELIVERY_BATCH_MAX).toBe(25);
    expect(parseEnv({}).DELIVERY_DEADLINE_MS).toBe(20_000);
    expect(errorFor({ DELIVERY_BATCH_MAX: "0" })).toMatch(/DELIVERY_BATCH_MAX/);
    expect(errorFor({ DELIVERY_BATCH_MAX: "501" })).toMatch(/DELIVERY_BATCH_MAX/);
  });
});
