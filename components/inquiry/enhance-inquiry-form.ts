/**
 * The inquiry form's browser script: the only JavaScript the site runs (bundled by scripts/build/build-client.mjs,
 * no React, no framework runtime). The form works without it; with it, a person gets:
 * - every mistake at once, checked by the same schema the server uses, without a round trip;
 * - after the first attempt, messages that go as each field is fixed: judged when the person leaves or changes a
 *   field, never on a keystroke, and a fixed message keeps its space until the next attempt, so nothing moves
 *   under their pointer or their typing (new problems, and the summary, wait for the next attempt);
 * - a pending state, and an idempotency key so a double click or a retry never makes a second inquiry;
 * - nothing typed is ever lost: a network failure or a rate limit keeps the form as it is.
 * It only fills in and shows the slots the server rendered, so the markup has one source. Each locale's entry
 * (inquiry-form.en.ts, inquiry-form.es.ts) starts it with its words, so a page loads one language's messages only.
 */
import type { Dictionary } from "@/lib/i18n/dictionary";
import {
  HONEYPOT_FIELD,
  SITE_LOCALE_FIELD,
  fromFormFields,
  inquiryFields,
  validateInquiry,
  type FieldErrors,
  type InquiryField,
  type RecordsRoute,
} from "@/lib/inquiries/schema";
import {
  errorId,
  FORM_ID,
  fieldTarget,
  inFormOrder,
  NOTICE_ID,
  UNAVAILABLE_TEMPLATE_ID,
  noticeClass,
  PROGRESS_ID,
  SUMMARY_HEADING_ID,
  SUMMARY_ID,
  summaryLinkClass,
} from "./form-dom";

/** The form's words in the page's language, passed in by each locale's entry (inquiry-form.en.ts, inquiry-form.es.ts). */
type Words = Dictionary["inquiry"];

const newKey = () =>
  typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

const byId = (id: string) => document.getElementById(id);

/** Adds or removes one id in a space-separated attribute such as aria-describedby. */
function toggleToken(el: Element, attr: string, token: string, on: boolean) {
  const tokens = (el.getAttribute(attr) ?? "").split(/\s+/).filter((x) => x && x !== token);
  if (on) tokens.push(token);
  if (tokens.length) el.setAttribute(attr, tokens.join(" "));
  else el.removeAttribute(attr);
}

/** The element that carries aria-invalid for a field: the control, or for radios their radiogroup (ARIA defines it there). */
function invalidTargetOf(form: HTMLFormElement, f: InquiryField): Element | null {
  const item = form.elements.namedItem(f);
  if (!(item instanceof RadioNodeList)) return item;
  const first = item[0];
  return first instanceof Element ? first.closest('[role="radiogroup"]') : null;
}

/** The slots the server rendered for the script to fill in; null when one is missing (the form then works as plain HTML). */
function findSlots(form: HTMLFormElement) {
  const summary = byId(SUMMARY_ID);
  const heading = byId(SUMMARY_HEADING_ID);
  const list = summary?.querySelector("ul");
  const notice = byId(NOTICE_ID);
  const progress = byId(PROGRESS_ID);
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!summary || !heading || !list || !notice || !progress || !button) return null;
  return { summary, heading, list, notice, progress, button };
}
type Slots = NonNullable<ReturnType<typeof findSlots>>;

/** What the person typed, as the schema reads it, and the raw form data (for the honeypot). */
function readForm(form: HTMLFormElement) {
  const fd = new FormData(form);
  return { fd, input: fromFormFields((n) => (fd.has(n) ? String(fd.get(n)) : null)) };
}

/**
 * Each field's message slot, aria-invalid and aria-describedby, shown or cleared to match `errors`. `inPlace` (after a
 * change) touches only the messages on screen, and a fixed one turns invisible but keeps its space.
 */
function markFields(form: HTMLFormElement, errors: FieldErrors, inPlace = false) {
  for (const f of inquiryFields) {
    const msg = errors[f];
    const slot = byId(errorId(f));
    if (!slot || (inPlace && slot.hidden)) continue;
    slot.hidden = !msg && !inPlace;
    slot.style.visibility = msg || !inPlace ? "" : "hidden";
    const text = slot.querySelector("[data-message]");
    if (text && (msg || !inPlace)) text.textContent = msg ?? "";
    const target = invalidTargetOf(form, f);
    if (msg) target?.setAttribute("aria-invalid", "true");
    else target?.removeAttribute("aria-invalid");
    const described = form.querySelector(`[data-field="${f}"]`);
    if (described) toggleToken(described, "aria-describedby", errorId(f), Boolean(msg));
  }
}

/** The error summary: hidden when there is nothing wrong, else a count and one link per wrong field, in form order. */
function fillSummary({ summary, heading, list }: Slots, errors: FieldErrors, t: Words) {
  const entries = inFormOrder(errors);
  summary.hidden = entries.length === 0;
  heading.textContent = t.errorCount(entries.length);
  list.replaceChildren(
    ...entries.map(([f, msg]) => {
      const a = document.createElement("a");
      a.href = `#${fieldTarget(f)}`;
      a.className = summaryLinkClass;
      a.textContent = msg;
      const li = document.createElement("li");
      li.append(a);
      return li;
    }),
  );
}

/** The alert region above the button: a sentence, or nothing. */
function showNotice({ notice }: Slots, text: string | null) {
  if (!text) return notice.replaceChildren();
  const p = document.createElement("p");
  p.className = noticeClass;
  p.textContent = text;
  notice.replaceChildren(p);
}

/** The store cannot take the inquiry: the server rendered this notice with the phone number as a link; a copy goes into the alert region. */
function showUnavailable(slots: Slots, t: Words) {
  const template = document.getElementById(UNAVAILABLE_TEMPLATE_ID);
  if (template instanceof HTMLTemplateElement) slots.notice.replaceChildren(template.content.cloneNode(true));
  else showNotice(slots, t.networkError);
}

/** The button and the progress line while a post is on its way ("Sending…"), and back. */
function showSending({ button, progress }: Slots, on: boolean, t: Words) {
  button.textContent = on ? t.sending : t.submit;
  if (on) button.setAttribute("aria-disabled", "true");
  else button.removeAttribute("aria-disabled");
  progress.textContent = on ? t.sending : "";
}

/** How the route answered a post: accepted, refused with field errors, or another refusal or failure. */
type Answer = { kind: "accepted" } | { kind: "fields"; errors: FieldErrors } | { kind: "unavailable" } | { kind: "notice"; text: string };

/** Posts the inquiry as JSON with its idempotency key and reads the answer; never throws. */
async function postInquiry(form: HTMLFormElement, body: string, key: string, t: Words): Promise<Answer> {
  try {
    const res = await fetch(form.action, { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key }, body });
    if (res.ok) return { kind: "accepted" };
    const fields = res.status === 400 ? ((await res.json().catch(() => ({}))) as { fields?: FieldErrors }).fields : undefined;
    if (fields) return { kind: "fields", errors: fields };
    if (res.status === 503) return { kind: "unavailable" };
    return { kind: "notice", text: res.status === 429 ? t.rateLimited : t.networkError };
  } catch {
    return { kind: "notice", text: t.networkError };
  }
}

/** Wires the form: checks on submit (and, after the first attempt, as fields change), posts once, shows the answer. */
function enhance(form: HTMLFormElement, t: Words, thanksPath: string) {
  const slots = findSlots(form);
  if (!slots) return;
  // The server rendered these from the center's config: the refusal of patient identifiers says where records go.
  const records: RecordsRoute = { fax: form.dataset.recordsFax, line: form.dataset.recordsLine };

  let submitted = false;
  let sending = false;
  // One key per distinct submission: retrying the same content reuses it, editing the content makes a new one.
  let attempt: { key: string; body: string } | null = null;

  const showErrors = (errors: FieldErrors) => {
    markFields(form, errors);
    fillSummary(slots, errors, t);
  };
  const failWith = (errors: FieldErrors) => {
    showErrors(errors);
    slots.summary.focus();
  };
  const setSending = (on: boolean) => {
    sending = on;
    showSending(slots, on, t);
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (sending) return;
    submitted = true;
    const { fd, input } = readForm(form);
    const v = validateInquiry(input, t.errors, records);
    if (!v.ok) return failWith(v.errors);
    showErrors({});
    const body = JSON.stringify({
      ...input,
      [HONEYPOT_FIELD]: String(fd.get(HONEYPOT_FIELD) ?? ""),
      [SITE_LOCALE_FIELD]: String(fd.get(SITE_LOCALE_FIELD) ?? ""),
    });
    if (!attempt || attempt.body !== body) attempt = { key: newKey(), body };
    showNotice(slots, null);
    setSending(true);
    const answer = await postInquiry(form, body, attempt.key, t);
    // Accepted: stays "Sending…" until the thank-you page replaces this one (an ordinary page load).
    if (answer.kind === "accepted") return window.location.assign(thanksPath);
    setSending(false);
    if (answer.kind === "fields") return failWith(answer.errors);
    if (answer.kind === "unavailable") return showUnavailable(slots, t);
    showNotice(slots, answer.text);
  });

  // "change" comes when a text field is left, or at once for a choice: never on a keystroke.
  form.addEventListener("change", () => {
    if (!submitted) return;
    const v = validateInquiry(readForm(form).input, t.errors, records);
    markFields(form, v.ok ? {} : v.errors, true);
  });

  // Coming back from the thank-you page restores this page from the back/forward cache mid-"Sending…".
  window.addEventListener("pageshow", (e) => {
    if (e.persisted) setSending(false);
  });

  form.dataset.enhanced = "yes";
}

/** Enhances the page's inquiry form, if it has one, with the words of its language and its thank-you page. */
export function startInquiryForm(words: Words, thanksPath: string) {
  const form = byId(FORM_ID);
  if (form instanceof HTMLFormElement) enhance(form, words, thanksPath);
}
