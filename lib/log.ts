/**
 * Structured server logs. Callers pass ids, states and error codes only: never names, contacts or messages.
 * The allow-list below drops any other field, so a mistake cannot leak personal data into logs.
 */
const ALLOWED = new Set([
  "id",
  "state",
  "code",
  "responseCode",
  "attempts",
  "nextAttemptInMs",
  "count",
  "dir",
  "mode",
  "keyId",
  "reason",
  "status",
  "pending",
  "dead",
  "purged",
  "error",
  // An SMTP relay's reply to a refused message (failures.ts relayReason): one line, cleaned below.
  "detail",
]);

/**
 * A relay's reply text as a log field: its first line only, control and text-direction characters removed,
 * at most 200 characters. (Relays answer about the envelope and the session; they never echo our message body.)
 */
export function logDetail(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u0085|\u2028|\u2029/)[0]
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim()
    .slice(0, 200);
}

export function log(event: string, fields: Record<string, string | number | boolean | undefined> = {}, level: "info" | "warn" | "error" = "info") {
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (ALLOWED.has(k) && v !== undefined) safe[k] = k === "detail" ? logDetail(String(v)) : v;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...safe });
  if (level === "info") console.log(line);
  else console.error(line);
}
