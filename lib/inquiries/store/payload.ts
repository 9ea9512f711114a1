import { decrypt, encrypt, type Keyring } from "../crypto";
import { inquirySchema, type Inquiry } from "../schema";
import type { InquiryStatus } from "./contract";
import { UnreadableRecordError } from "./contract";

/**
 * What a stored record's payload holds, by version, whatever engine stores it. Every record names its payload
 * version; reading decrypts, then validates with the schema of that version, so a record written by newer code
 * (or damaged on disk) is reported as unreadable with a code instead of being handed on half-understood.
 *
 * Version 1: AES-256-GCM (crypto.ts, the inquiry id as associated data) of the inquiry as JSON.
 */
const CURRENT_PAYLOAD_VERSION = 1;

/** The versions this code can read, each with the schema its decrypted JSON must satisfy. */
const READERS: Record<number, (json: unknown) => Inquiry | undefined> = {
  1: (json) => {
    const result = inquirySchema.safeParse(json);
    return result.success ? result.data : undefined;
  },
};

/** An inquiry's row as every engine stores it (the same column names in SQLite and PostgreSQL). */
export interface InquiryRow {
  id: string;
  created_at: number;
  status: InquiryStatus;
  reason: string | null;
  key_id: string;
  payload: Buffer;
  payload_version: number;
  site_locale: string;
}

export interface EncodedPayload {
  payloadVersion: number;
  keyId: string;
  blob: Buffer;
}

/**
 * Encrypts an inquiry for the record `id` in the current payload version, with the keyring's active key. An
 * inquiry the reader would refuse is refused now instead (a programming error: the route stores only validated
 * inquiries), so nothing is ever stored that is unreadable from the start.
 */
export function encodePayload(keyring: Keyring, id: string, inquiry: Inquiry): EncodedPayload {
  if (!READERS[CURRENT_PAYLOAD_VERSION](inquiry))
    throw new TypeError(`Refusing to store an inquiry that does not match the payload version ${CURRENT_PAYLOAD_VERSION} schema.`);
  const { keyId, blob } = encrypt(keyring, id, JSON.stringify(inquiry));
  return { payloadVersion: CURRENT_PAYLOAD_VERSION, keyId, blob };
}

/**
 * Decrypts and validates a stored payload, or throws UnreadableRecordError. Messages name the record, its key id
 * and version only: never anything the payload holds (a JSON parse error could quote it, so none is passed on).
 */
export function decodePayload(keyring: Keyring, id: string, stored: EncodedPayload): Inquiry {
  const read = READERS[stored.payloadVersion];
  if (!read) {
    throw new UnreadableRecordError(
      "EPAYLOAD_VERSION",
      `Inquiry ${id} has payload version ${stored.payloadVersion}, but this code reads versions up to ${CURRENT_PAYLOAD_VERSION}.`,
    );
  }
  if (!keyring.keys.has(stored.keyId)) {
    throw new UnreadableRecordError("ENOKEY", `Inquiry ${id} is encrypted with key "${stored.keyId}", which is not configured (INQUIRY_KEYS).`);
  }
  let plaintext: string;
  try {
    plaintext = decrypt(keyring, stored.keyId, id, stored.blob);
  } catch {
    throw new UnreadableRecordError("EDECRYPT", `Inquiry ${id} does not decrypt with key "${stored.keyId}" (wrong key, or the record is damaged).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    throw new UnreadableRecordError("EPAYLOAD", `Inquiry ${id} decrypts, but its payload (version ${stored.payloadVersion}) is not JSON.`);
  }
  const inquiry = read(json);
  if (!inquiry)
    throw new UnreadableRecordError("EPAYLOAD", `Inquiry ${id} decrypts, but its payload does not match the version ${stored.payloadVersion} schema.`);
  return inquiry;
}
