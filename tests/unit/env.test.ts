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
  it("gives exactly its origin, without path or trailing slash", () => {
    expect(parseEnv({ SITE_ORIGIN: "https://iop.example.org/contact/" }).allowedOrigins).toEqual(["https://iop.example.org"]);
  });

  it("keeps a non-default port", () => {
    expect(parseEnv({ SITE_ORIGIN: "https://iop.example.org:8443" }).allowedOrigins).toEqual(["https://iop.example.org:8443"]);
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
