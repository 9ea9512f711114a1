// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log";
import { strings } from "@/lib/i18n/strings";
import { defaultLocale, localePath, locales, type Locale } from "@/lib/i18n/locales";
import { HONEYPOT_FIELD, SITE_LOCALE_FIELD, formValues, fromFormFields, fromJsonFields, validateInquiry, type FieldErrors } from "./schema";
import { IDEMPOTENCY_KEY, bodyKind, originProblem, readCapped, type BodyKind } from "./guard";
import type { CreateResult, InquiryStore } from "./store/contract";
import { StoreUnavailableError } from "./store/availability";
import { THANKS_PATH } from "./paths";
import { recordsRoute } from "./records-route";

/** The most a legitimate inquiry needs, with room for multipart boundaries. */
const BODY_CAP_BYTES = 32 * 1024;

export interface HandlerDeps {
  store: InquiryStore;
  /** The asker's address for the rate limit, as the server entry determined it (socket, or trusted proxy). */
  clientAddress: string;
  env: Env;
  now: () => number;
  /** Called after an inquiry is committed, to wake delivery. */
  onStored: () => void;
  /** Renders the form again for browsers without JavaScript, in the language of the site it was sent from. */
  renderForm: (input: {
    values: Record<string, string>;
    errors: FieldErrors;
    status: 400 | 429 | 503;
    retryAfterSeconds?: number;
    locale: Locale;
  }) => Promise<string>;
  /**
   * The language to refuse a post in before its body is read (the `lang` of the form's action, from the server entry);
   * once the body is read, its own site-language field decides.
   */
  localeHint?: Locale;
}

/** The site language a form named in its hidden field, or undefined for anything that is not a locale. */
const siteLocaleOf = (value: string | null): Locale | undefined => locales.find((l) => l === value);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

/**
 * POST /api/inquiries: guard → parse → validate → store → answer. Nothing here talks to SMTP, and no response
 * or log line ever contains what the person typed.
 */
export async function handleInquiryPost(request: Request, deps: HandlerDeps): Promise<Response> {
  const { env, store } = deps;
  const words = strings(deps.localeHint ?? defaultLocale).inquiryResponses;
  const kind = bodyKind(request.headers);
  const wantsJson = kind === "json";

  if (originProblem(request.headers, env.allowedOrigins)) {
    log("inquiry.refused", { status: 403, reason: "origin" }, "warn");
    return wantsJson ? json(403, { error: "forbidden" }) : plain(403, words.forbidden);
  }
  if (kind === 415) {
    log("inquiry.refused", { status: 415, reason: "content-type" }, "warn");
    return plain(415, words.unsupportedType);
  }
  const bytes = await readCapped(request, BODY_CAP_BYTES);
  if (bytes === 413) {
    log("inquiry.refused", { status: 413, reason: "too-large" }, "warn");
    return wantsJson ? json(413, { error: "too_large" }) : plain(413, words.tooLarge);
  }

  const parsed = await parseBody(bytes, kind, request.headers.get("content-type") ?? "");
  if (!parsed) return wantsJson ? json(400, { error: "malformed" }) : plain(400, words.malformed);
  const { get, input } = parsed;
  // The edition of the site the form was on: its words answer, and the inquiry records it.
  const locale = siteLocaleOf(get(SITE_LOCALE_FIELD)) ?? deps.localeHint ?? defaultLocale;

  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) return json(400, { error: "bad_idempotency_key" });

  const result = validateInquiry(input, strings(locale).inquiry.errors, recordsRoute);
  if (!result.ok) {
    log("inquiry.invalid", { status: 400, count: Object.keys(result.errors).length });
    if (wantsJson) return json(400, { error: "invalid", fields: result.errors });
    return html(400, await deps.renderForm({ values: formValues(get), errors: result.errors, status: 400, locale }));
  }

  const honeypot = (get(HONEYPOT_FIELD) ?? "").trim() !== "";
  let created: CreateResult;
  try {
    created = await store.create({
      inquiry: result.inquiry,
      siteLocale: locale,
      quarantineReason: honeypot ? "honeypot" : undefined,
      idempotencyKey,
      now: deps.now(),
      dedupeWindowMs: env.DEDUPE_WINDOW_MS,
      // The store keeps only a keyed hash of the bucket: no client address reaches the database.
      rateLimit: { bucket: `ip:${deps.clientAddress}`, windowMs: env.RATE_LIMIT_WINDOW_MS, max: env.RATE_LIMIT_MAX },
    });
  } catch (err) {
    return unavailable(err, wantsJson, () => deps.renderForm({ values: formValues(get), errors: {}, status: 503, locale }));
  }
  if (created.kind === "rate-limited") {
    const retryAfter = String(Math.max(1, Math.ceil(created.retryAfterMs / 1000)));
    log("inquiry.refused", { status: 429, reason: "rate-limit" }, "warn");
    if (wantsJson) return json(429, { error: "rate_limited" }, { "retry-after": retryAfter });
    return html(429, await deps.renderForm({ values: formValues(get), errors: {}, status: 429, retryAfterSeconds: Number(retryAfter), locale }), {
      "retry-after": retryAfter,
    });
  }
  if (created.kind === "key-conflict") {
    log("inquiry.refused", { status: 422, reason: "idempotency-key-reuse" }, "warn");
    return json(422, { error: "idempotency_key_reused" });
  }
  log(created.kind === "created" ? "inquiry.stored" : "inquiry.duplicate", { id: created.id, state: honeypot ? "quarantined" : "accepted" });
  if (created.kind === "created" && !honeypot) deps.onStored();

  // A bot that filled the honeypot sees the same success as a person: it learns nothing.
  if (wantsJson) return json(created.kind === "created" ? 201 : 200, { status: "received" });
  return new Response(null, { status: 303, headers: { location: localePath(locale, THANKS_PATH), "cache-control": "no-store" } });
}

/** How long a person is asked to wait before trying again when the store cannot take their inquiry. */
const UNAVAILABLE_RETRY_AFTER_S = 60;

/**
 * The store could not take the inquiry (locked, full, read-only, damaged, not open). Nothing was stored, so
 * nothing is acknowledged: 503 with Retry-After; the browser module then shows the admissions phone number with
 * everything typed still in place, and a browser without JavaScript gets the form again saying the same.
 */
async function unavailable(err: unknown, wantsJson: boolean, renderForm: () => Promise<string>): Promise<Response> {
  const code = err instanceof StoreUnavailableError ? err.code : String((err as { code?: unknown }).code ?? "UNKNOWN");
  log("inquiry.unavailable", { status: 503, code }, "error");
  const headers = { "retry-after": String(UNAVAILABLE_RETRY_AFTER_S) };
  if (wantsJson) return json(503, { error: "unavailable" }, headers);
  return html(503, await renderForm(), headers);
}

const html = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers } });

/**
 * The body as the schema's input, and a reader of single fields (the honeypot; form values to show again).
 * JSON is taken as it is (fromJsonFields: booleans for checkboxes, strings for the rest, nothing coerced); a form
 * body's strings go through fromFormFields, as in the browser.
 */
async function parseBody(
  bytes: Uint8Array,
  kind: BodyKind,
  contentType: string,
): Promise<{ input: Record<string, unknown>; get: (name: string) => string | null } | null> {
  try {
    if (kind === "json") {
      const data: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
      const record = data as Record<string, unknown>;
      return {
        input: fromJsonFields(record),
        // Only the honeypot is read this way from JSON: any value there but nothing, false or "" counts as filled.
        get: (name) => {
          const v = Object.hasOwn(record, name) ? record[name] : undefined;
          if (v === undefined || v === null || v === false) return null;
          return typeof v === "string" ? v : JSON.stringify(v);
        },
      };
    }
    const form =
      kind === "form"
        ? new URLSearchParams(new TextDecoder("utf-8", { fatal: true }).decode(bytes))
        : await new Response(Buffer.from(bytes), { headers: { "content-type": contentType } }).formData();
    const get = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" ? v : null;
    };
    return { input: fromFormFields(get), get };
  } catch {
    return null;
  }
}
