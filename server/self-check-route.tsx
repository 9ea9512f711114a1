// Server code: a browser bundle that imports it fails to build.
import "server-only";
import { bodyKind, originProblem, readCapped } from "@/lib/inquiries/guard";
import { locales, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PROFILE_FIELDS, parseAnswers } from "@/lib/self-check/answers";
import { offeredCheck } from "@/lib/self-check/instruments";
import { outcome as score } from "@/lib/self-check/score";
import { SELF_CHECK_PATH, SelfCheckBody, selfCheckHead } from "@/components/pages/SelfCheckPage";
import type { FormState } from "@/components/self-check/SelfCheckForm";
import { renderPage } from "./render-page";

/** Far more than 12 short answers need. */
const BODY_CAP_BYTES = 4 * 1024;
/** The form's hidden field naming its language (the Referer, which our policy may not send, is only a fallback). */
const LOCALE_FIELD = "lang";

const html = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * POST /self-check/result, for browsers without JavaScript: the same guard as the inquiry route (same-origin posts
 * only, a form body, a small cap), then the answers are scored and the page is answered at once through the shared
 * renderer, `no-store`, without a cookie. Nothing of the answers is stored or logged, here or anywhere: this
 * function writes no log line at all, and its only output is the response. A post in a language whose page offers no
 * scored check (no publisher's version in that language, or the license not confirmed) is answered with that page,
 * in that language, status 404: there is nothing to score, and it says why.
 */
export async function handleSelfCheckPost(
  request: Request,
  opts: { allowedOrigins: readonly string[]; preview: boolean; localeHint: Locale },
): Promise<Response> {
  const refusals = strings(opts.localeHint).inquiryResponses;
  if (originProblem(request.headers, opts.allowedOrigins)) return plain(403, refusals.forbidden);
  if (bodyKind(request.headers) !== "form") return plain(415, refusals.unsupportedType);
  const bytes = await readCapped(request, BODY_CAP_BYTES);
  if (bytes === 413) return plain(413, refusals.tooLarge);
  const form = new URLSearchParams(new TextDecoder().decode(bytes));
  const locale = locales.find((l) => l === form.get(LOCALE_FIELD)) ?? opts.localeHint;
  const check = offeredCheck(locale, { preview: opts.preview });
  if (!check) return html(404, page(locale, opts.preview));

  const parsed = parseAnswers(form, check.instrument.items);
  const values: Record<string, string> = {};
  // Only the form's own fields go back into the page, to keep the answers given checked.
  for (const name of [PROFILE_FIELDS.age, PROFILE_FIELDS.sex, ...check.instrument.items.map((i) => i.id)]) {
    const v = form.get(name);
    if (v !== null) values[name] = v;
  }
  if (parsed.minor) return html(200, page(locale, opts.preview, { values: {}, missing: [], stage: 1 }, "minor"));
  if (!parsed.points || !parsed.profile) return html(422, page(locale, opts.preview, { values, missing: parsed.missing, stage: parsed.stage }));
  const result = score(parsed.points, parsed.profile);
  if (result.kind === "continue") return html(200, page(locale, opts.preview, { values, missing: [], stage: 2 }));
  return html(200, page(locale, opts.preview, { values, missing: [], stage: parsed.stage }, result));
}

function page(locale: Locale, preview: boolean, state?: FormState, result?: Parameters<typeof SelfCheckBody>[0]["outcome"]): string {
  const { title } = selfCheckHead(locale, { preview });
  const words = offeredCheck(locale, { preview })?.words;
  const prefix = !words ? undefined : result ? words.result.heading : state && state.missing.length > 0 ? words.errorHeading : undefined;
  return renderPage({
    locale,
    title: prefix ? `${prefix}: ${title}` : title,
    path: SELF_CHECK_PATH,
    children: <SelfCheckBody locale={locale} preview={preview} state={state} outcome={result} enhance={false} />,
  });
}

/**
 * SELF_CHECK_PREVIEW: the page with the USAUDIT and its browser module, rendered here instead of the prerendered one,
 * with the prerendered page's description, canonical URL and alternates.
 */
export function renderSelfCheckPreview(locale: Locale): string {
  const head = selfCheckHead(locale, { preview: true });
  return renderPage({
    locale,
    title: head.title,
    path: SELF_CHECK_PATH,
    indexable: { description: head.description },
    children: <SelfCheckBody locale={locale} preview />,
  });
}
