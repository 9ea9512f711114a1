import { describe, expect, it } from "vitest";
import { isLoopback } from "@/lib/net/loopback";

describe("isLoopback", () => {
  it.each(["localhost", "app.localhost", "127.0.0.1", "127.3.4.5", "::1", "[::1]", "::ffff:127.0.0.1", "LOCALHOST"])("%s is this machine", (h) =>
    expect(isLoopback(h)).toBe(true),
  );
  it.each(["203.0.113.5", "::ffff:203.0.113.5", "10.0.0.5", "iop.org", "localhost.example.org", "128.0.0.1", "::2", "127.0.0.1.nip.io"])("%s is not", (h) =>
    expect(isLoopback(h)).toBe(false),
  );
});
