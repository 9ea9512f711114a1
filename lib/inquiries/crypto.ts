import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { log } from "@/lib/log";

/**
 * Encryption at rest for the personal fields of stored inquiries: AES-256-GCM, one random IV per record,
 * the inquiry id as associated data (a record cannot be swapped onto another row). Each record names its key
 * id, so keys can rotate: new records use the first key, old ones still decrypt while their key is listed.
 */
export interface Keyring {
  activeId: string;
  keys: Map<string, Buffer>;
}

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(",")) {
    const [id, b64] = part.split(":");
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) throw new Error(`INQUIRY_KEYS: key "${id}" is not 32 bytes`);
    keys.set(id, key);
  }
  return { activeId: spec.split(":")[0], keys };
}

/** With no configured key, the embedded default keeps one in the data folder, readable by the owner only. */
export function loadOrCreateKeyring(spec: string | undefined, dataDir: string): Keyring {
  if (spec) return parseKeyring(spec);
  const file = path.join(dataDir, "inquiry-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const line = `local-${new Date().toISOString().slice(0, 10).replace(/-/g, "")}:${crypto.randomBytes(32).toString("base64")}\n`;
    // Written in full to a private temporary file, then linked into place: link() fails if the file exists, so
    // a process starting at the same moment sees either no key file or a complete one, never an empty one.
    const tmp = path.join(dataDir, `.inquiry-key.${process.pid}.${crypto.randomBytes(6).toString("hex")}`);
    fs.writeFileSync(tmp, line, { mode: 0o600, flag: "wx" });
    try {
      fs.linkSync(tmp, file);
      log("inquiry-key.generated", { dir: dataDir }, "warn");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another process made it first
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  return parseKeyring(fs.readFileSync(file, "utf8").trim());
}

export function encrypt(keyring: Keyring, aad: string, plaintext: string): { keyId: string; blob: Buffer } {
  const key = keyring.keys.get(keyring.activeId)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { keyId: keyring.activeId, blob: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

export function decrypt(keyring: Keyring, keyId: string, aad: string, blob: Buffer): string {
  const key = keyring.keys.get(keyId);
  if (!key) throw new Error(`no key with id "${keyId}" is configured (INQUIRY_KEYS)`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, blob.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(blob.subarray(12, 28));
  return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString("utf8");
}

/** A keyed fingerprint of content (for double-submit detection) that reveals nothing without the key. */
export function fingerprint(keyring: Keyring, content: string): string {
  const fpKey = crypto.createHmac("sha256", keyring.keys.get(keyring.activeId)!).update("fingerprint-v1").digest();
  return crypto.createHmac("sha256", fpKey).update(content).digest("base64url");
}

/**
 * The key client addresses are hashed with for the rate limit (guard.ts rateLimitBucket). Derived from the active
 * key, like the fingerprint key, so every process sharing a store (and so a keyring) derives the same one; a
 * rotation of the active key starts every address's count afresh once.
 */
export function rateLimitKey(keyring: Keyring): Buffer {
  return crypto.createHmac("sha256", keyring.keys.get(keyring.activeId)!).update("rate-limit-address-v1").digest();
}
