// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
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

/** The key file the embedded default keeps in the data folder when INQUIRY_KEYS is not set. */
const keyFilePath = (dataDir: string) => path.join(/*turbopackIgnore: true*/ dataDir, "inquiry-key");

/**
 * No INQUIRY_KEYS and no key file, where a new key must not be made: the store already holds inquiries (a new key
 * would leave every one unreadable, and restoring the old key later would strand the newer ones), or an operator
 * command asked (operator commands never create keys).
 */
export class KeyFileMissingError extends Error {
  readonly code = "KEY_FILE_MISSING";
  constructor(
    readonly file: string,
    readonly stored: { count: number; keyIds: string[] } | undefined,
  ) {
    const what = stored
      ? `${stored.count} stored ${stored.count === 1 ? "inquiry is" : "inquiries are"} encrypted with key id ${stored.keyIds.map((k) => `"${k}"`).join(", ")}, and the key file ${file} is missing (INQUIRY_KEYS is not set). No new key was generated: it would leave them unreadable.`
      : `The key file ${file} is missing and INQUIRY_KEYS is not set. Operator commands never create a key.`;
    super(
      `${what}\nTo fix: restore ${file} from your backup of the key (kept apart from DATA_DIR), readable by the server's user only (chmod 600), ` +
        `or set INQUIRY_KEYS to the same key ("id:base64key", the line the file held). Then start again.`,
    );
    this.name = "KeyFileMissingError";
  }
}

export interface KeyFileOptions {
  /**
   * Whether a missing key file may be generated: only for a store that holds no inquiry (and never for an operator
   * command). Otherwise a missing file is a KeyFileMissingError.
   */
  mayCreate: boolean;
  /** What the store holds, for the refusal's message. */
  stored?: { count: number; keyIds: string[] };
}

/**
 * With no configured key, the embedded default keeps one in the data folder, readable by the owner only. Its id is
 * unique (local-YYYYMMDD-<random>), so a key generated later can never be mistaken for an earlier one.
 */
export function loadOrCreateKeyring(spec: string | undefined, dataDir: string, opts: KeyFileOptions): Keyring {
  if (spec) return parseKeyring(spec);
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    if (!opts.mayCreate) throw new KeyFileMissingError(file, opts.stored);
    fs.mkdirSync(/*turbopackIgnore: true*/ dataDir, { recursive: true, mode: 0o700 });
    const id = `local-${new Date().toISOString().slice(0, 10).replace(/-/g, "")}-${crypto.randomBytes(4).toString("hex")}`;
    const line = `${id}:${crypto.randomBytes(32).toString("base64")}\n`;
    // Written in full to a private temporary file, then linked into place: link() fails if the file exists, so
    // a process starting at the same moment sees either no key file or a complete one, never an empty one.
    const tmp = path.join(/*turbopackIgnore: true*/ dataDir, `.inquiry-key.${process.pid}.${crypto.randomBytes(6).toString("hex")}`);
    fs.writeFileSync(/*turbopackIgnore: true*/ tmp, line, { mode: 0o600, flag: "wx" });
    try {
      fs.linkSync(/*turbopackIgnore: true*/ tmp, file);
      log("inquiry-key.generated", { dir: dataDir, keyId: id }, "warn");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another process made it first
    } finally {
      fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
    }
  }
  return parseKeyring(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim());
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
 * What the store keeps for a rate-limit bucket ("ip:<address>"): a keyed hash (HMAC-SHA-256), never the address, and
 * without the key it cannot be reversed by trying every IPv4 address. The key is derived from the active key, like
 * the fingerprint's, so every process sharing a store (and so a keyring) counts in the same bucket; rotating the
 * active key starts every count afresh once.
 */
export function rateLimitBucket(keyring: Keyring, bucket: string): string {
  const key = crypto.createHmac("sha256", keyring.keys.get(keyring.activeId)!).update("rate-limit-address-v1").digest();
  return `h:${crypto.createHmac("sha256", key).update(bucket).digest("base64url")}`;
}
