// Server code: a browser bundle that imports it fails to build.
import "server-only";
import { bodyKind, originProblem, readCapped } from "@/lib/inquiries/guard";
import { defaultLocale, locales, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PROFILE_FIELDS, parseAnswers } from "@/lib/self-check/answers";
import { offeredUsaudit } from "@/lib/self-check/instruments";
import { outcome as score } from "@/lib/self-check/score";
import { SelfCheckPage } from "@/components/pages/SelfCheckPage";
import type { FormState } from "@/components/self-check/SelfCheckForm";
import { renderPage } from "./render-page";

/** Far more than 12 short answers need. */
const BODY_CAP_BYTES = 4 * 1024;
/** The form's hidden field naming its language (a path prefix would need the Referer, which our policy never sends). */
const LOCALE_FIELD = "lang";

const html = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * POST /self-check/result, for browsers without JavaScript: the same guard as the inquiry route (same-origin posts
 * only, a form body, a small cap), then the answers are scored and the page is answered at once through the shared
 * renderer, `no-store`, without a cookie. Nothing of the answers is stored or logged, here or anywhere: this
 * function writes no log line at all, and its only output is the response.
 */
export async function handleSelfCheckPost(request: Request, opts: { allowedOrigins: readonly string[]; preview: boolean }): Promise<Response> {
  if (originProblem(request.headers, opts.allowedOrigins)) return plain(403, strings(defaultLocale).inquiryResponses.forbidden);
  if (bodyKind(request.headers) !== "form") return plain(415, strings(defaultLocale).inquiryResponses.unsupportedType);
  const bytes = await readCapped(request, BODY_CAP_BYTES);
  if (bytes === 413) return plain(413, strings(defaultLocale).inquiryResponses.tooLarge);
  const form = new URLSearchParams(new TextDecoder().decode(bytes));
  const locale = locales.find((l) => l === form.get(LOCALE_FIELD)) ?? defaultLocale;
  const instrument = offeredUsaudit(locale, { preview: opts.preview });
  // No scored check is offered in this language (or not yet): there is nothing to score.
  if (!instrument) return plain(404, "Not found");

  const parsed = parseAnswers(form, instrument.items);
  const values: Record<string, string> = {};
  // Only the form's own fields go back into the page, to keep the answers given checked.
  for (const name of [PROFILE_FIELDS.age, PROFILE_FIELDS.sex, ...instrument.items.map((i) => i.id)]) {
    const v = form.get(name);
    if (v !== null) values[name] = v;
  }
  if (parsed.minor) return html(200, page(locale, { values: {}, missing: [], stage: 1 }, "minor"));
  if (!parsed.points || !parsed.profile) return html(422, page(locale, { values, missing: parsed.missing, stage: parsed.stage }));
  const result = score(parsed.points, parsed.profile);
  if (result.kind === "continue") return html(200, page(locale, { values, missing: [], stage: 2 }));
  return html(200, page(locale, { values, missing: [], stage: parsed.stage }, result));
}

function page(locale: Locale, state: FormState, result?: Parameters<typeof SelfCheckPage>[0]["outcome"]): string {
  const t = strings(locale).selfCheck;
  const title = result ? `${t.result.heading}: ${t.title}` : state.missing.length > 0 ? `${t.errorHeading}: ${t.title}` : t.title;
  return renderPage({
    locale,
    title,
    children: <SelfCheckPage locale={locale} instrument={offeredUsaudit(locale, { preview: true })} state={state} outcome={result} enhance={false} />,
  });
}

/** SELF_CHECK_PREVIEW: the page with the USAUDIT and its browser module, rendered here instead of the prerendered one. */
export function renderSelfCheckPreview(locale: Locale): string {
  return renderPage({
    locale,
    title: strings(locale).selfCheck.title,
    children: <SelfCheckPage locale={locale} instrument={offeredUsaudit(locale, { preview: true })} />,
  });
}
