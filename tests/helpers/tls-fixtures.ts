import fs from "node:fs";
import path from "node:path";

/** Test-only certificates (tests/fixtures/tls/README.md): never used outside the test suite. */
const dir = path.resolve(__dirname, "..", "fixtures", "tls");

export const testCaFile = path.join(dir, "ca.crt");

/** key and cert for smtp-server's options. */
export function testCert(name: "loopback" | "wronghost" | "selfsigned"): { key: Buffer; cert: Buffer } {
  return { key: fs.readFileSync(path.join(dir, `${name}.key`)), cert: fs.readFileSync(path.join(dir, `${name}.crt`)) };
}
