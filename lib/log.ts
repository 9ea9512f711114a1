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
]);

export function log(event: string, fields: Record<string, string | number | boolean | undefined> = {}, level: "info" | "warn" | "error" = "info") {
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (ALLOWED.has(k) && v !== undefined) safe[k] = v;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...safe });
  if (level === "info") console.log(line);
  else console.error(line);
}
