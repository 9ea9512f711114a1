import type { ReactNode } from "react";
import { center } from "@/content/center";
import { languageOptionLabels } from "@/lib/center/format";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { bestTimes, contactMethods, languages, roles, HONEYPOT_FIELD, type FieldErrors, type InquiryField } from "@/lib/inquiries/schema";
import { recordsRoute } from "@/lib/inquiries/records-route";
import { errorId, fieldId, fieldTarget, inFormOrder, SUMMARY_HEADING_ID, SUMMARY_ID, summaryLinkClass } from "./form-dom";

/**
 * The form's fields and error summary, without state. The static page renders them empty; the route renders
 * them again with errors and the person's input for browsers without JavaScript. Every error slot is always
 * present (hidden when empty), so the browser script only fills in text and never builds markup of its own.
 * `data-field` marks the element whose aria-describedby names a field's error.
 *
 * Two parts appear only after a choice: the organization once "professional" is chosen, the permission to text
 * once "Text message" is. app/globals.css hides them with `:has()` until then, so it works without JavaScript; a
 * browser without `:has()` shows them all the time, and the schema ignores an organization from anyone else.
 */
export type FormValues = Partial<Record<string, string>>;

/** The form's words in one locale. */
type Words = Dictionary["inquiry"];

const input =
  "mt-1 block w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-red-300";

function describedBy(f: InquiryField, errors: FieldErrors, hint: boolean): string | undefined {
  const ids = [hint ? `${fieldId(f)}-hint` : "", errors[f] ? errorId(f) : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function ErrorText({ t, f, errors }: { t: Words; f: InquiryField; errors: FieldErrors }) {
  const msg = errors[f];
  const errorPrefix = `${t.errorTitlePrefix} `;
  return (
    <p id={errorId(f)} hidden={!msg} className="mt-1 font-semibold text-red-800 dark:text-red-300">
      <span className="sr-only">{errorPrefix}</span>
      <span data-message="">{msg}</span>
    </p>
  );
}

function Hint({ f, children }: { f: string; children: ReactNode }) {
  return (
    <p id={`${fieldId(f)}-hint`} className="mt-1 text-sm text-slate-700 dark:text-slate-300">
      {children}
    </p>
  );
}

function Label({ t, f, children, required }: { t: Words; f: string; children: ReactNode; required?: boolean | string }) {
  return (
    <label htmlFor={fieldId(f)} className="block font-semibold">
      {children}{" "}
      <span className="font-normal text-slate-700 dark:text-slate-300">({typeof required === "string" ? required : required ? t.required : t.optional})</span>
    </label>
  );
}

export function ErrorSummary({ errors, locale }: { errors: FieldErrors; locale: Locale }) {
  const t = strings(locale).inquiry;
  const entries = inFormOrder(errors);
  return (
    <div
      id={SUMMARY_ID}
      hidden={entries.length === 0}
      tabIndex={-1}
      // A named group: focus lands here after a failed send, and the name says how many problems there are.
      role="group"
      aria-labelledby={SUMMARY_HEADING_ID}
      className="mb-6 rounded-lg border-4 border-red-800 p-4 dark:border-red-300"
    >
      <h2 id={SUMMARY_HEADING_ID} className="text-lg font-bold">
        {t.errorCount(entries.length)}
      </h2>
      <p className="mt-1">{t.errorSummary}</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {entries.map(([f, msg]) => (
          <li key={f}>
            <a href={`#${fieldTarget(f)}`} className={summaryLinkClass}>
              {msg}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RadioGroup<T extends string>({
  t,
  f,
  legend,
  options,
  labels,
  value,
  errors,
  hint,
  large,
}: {
  t: Words;
  f: InquiryField;
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  value?: string;
  errors: FieldErrors;
  hint?: ReactNode;
  large?: boolean;
}) {
  return (
    // aria-invalid belongs to the radiogroup, not its radios (ARIA 1.2 defines it for radiogroup, not radio); the group is
    // also described by the error, so a screen reader announces both on entering it (the GOV.UK pattern).
    <fieldset
      role="radiogroup"
      data-field={f}
      aria-invalid={errors[f] ? true : undefined}
      aria-describedby={describedBy(f, errors, Boolean(hint))}
      className={large ? undefined : "mt-4"}
    >
      <legend className={large ? "text-lg font-bold" : "font-semibold"}>
        {legend} <span className="font-normal text-slate-700 dark:text-slate-300">({t.required})</span>
      </legend>
      {hint ? <Hint f={f}>{hint}</Hint> : null}
      <ErrorText t={t} f={f} errors={errors} />
      <div className="mt-2 space-y-2">
        {options.map((o) => (
          <div key={o} className="flex items-start gap-3">
            <input type="radio" id={fieldId(`${f}-${o}`)} name={f} value={o} defaultChecked={value === o} className="mt-1 size-5 shrink-0 accent-brand-800" />
            <label htmlFor={fieldId(`${f}-${o}`)}>{labels[o]}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function Checkbox({
  t,
  f,
  label,
  value,
  errors,
  describedById,
}: {
  t: Words;
  f: InquiryField;
  label: string;
  value?: string;
  errors: FieldErrors;
  describedById?: string;
}) {
  const ids = [describedById, errors[f] ? errorId(f) : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mt-3">
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={fieldId(f)}
          name={f}
          value="yes"
          defaultChecked={value !== undefined && value !== "" && value !== "false"}
          aria-invalid={errors[f] ? true : undefined}
          data-field={f}
          aria-describedby={ids}
          className="mt-1 size-5 shrink-0 accent-brand-800"
        />
        <label htmlFor={fieldId(f)}>{label}</label>
      </div>
      <ErrorText t={t} f={f} errors={errors} />
    </div>
  );
}

function TextField({
  t,
  f,
  label,
  type = "text",
  autoComplete,
  value,
  errors,
  hint,
  required,
  inputMode,
}: {
  t: Words;
  f: InquiryField;
  label: string;
  type?: string;
  autoComplete?: string;
  value?: string;
  errors: FieldErrors;
  hint?: ReactNode;
  /** true, or the words that say when it is required. */
  required?: boolean | string;
  inputMode?: "tel" | "email" | "text";
}) {
  return (
    <div className="mt-4">
      <Label t={t} f={f} required={required}>
        {label}
      </Label>
      {hint ? <Hint f={f}>{hint}</Hint> : null}
      <ErrorText t={t} f={f} errors={errors} />
      <input
        id={fieldId(f)}
        name={f}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        defaultValue={value}
        aria-invalid={errors[f] ? true : undefined}
        aria-required={required === true ? true : undefined}
        data-field={f}
        aria-describedby={describedBy(f, errors, Boolean(hint))}
        className={input}
      />
    </div>
  );
}

function SelectField<T extends string>({
  t,
  f,
  label,
  options,
  labels,
  value,
  errors,
  first,
}: {
  t: Words;
  f: InquiryField;
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: string;
  errors: FieldErrors;
  first?: boolean;
}) {
  return (
    <div className={first ? undefined : "mt-4"}>
      <label htmlFor={fieldId(f)} className="block font-semibold">
        {label}
      </label>
      <ErrorText t={t} f={f} errors={errors} />
      <select
        id={fieldId(f)}
        name={f}
        defaultValue={value}
        aria-invalid={errors[f] ? true : undefined}
        data-field={f}
        aria-describedby={describedBy(f, errors, false)}
        className={input}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function InquiryFields({ values = {}, errors = {}, locale }: { values?: FormValues; errors?: FieldErrors; locale: Locale }) {
  const t = strings(locale).inquiry;
  return (
    <>
      <div className="rounded-lg border border-slate-300 p-4 dark:border-slate-700">
        <RadioGroup t={t} f="role" legend={t.legend.who} options={roles} labels={t.roles} value={values.role} errors={errors} large />
        <div className="inquiry-professional-only">
          <TextField
            t={t}
            f="organization"
            label={t.labels.organization}
            autoComplete="organization"
            value={values.organization}
            errors={errors}
            hint={`${t.hints.organization} ${t.hints.professional(recordsRoute.fax, recordsRoute.line)}`}
            required={t.requiredForReferrals}
          />
        </div>
      </div>

      <fieldset className="mt-6 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
        <legend className="px-1 text-lg font-bold">{t.legend.reach}</legend>
        <TextField t={t} f="name" label={t.labels.name} autoComplete="given-name" value={values.name} errors={errors} hint={t.hints.name} required />
        <p id={`${fieldId("phone")}-hint`} className="mt-4 text-sm text-slate-700 dark:text-slate-300">
          {t.hints.phoneOrEmail}
        </p>
        <div className="mt-4">
          <Label t={t} f="phone">
            {t.labels.phone}
          </Label>
          <ErrorText t={t} f="phone" errors={errors} />
          <input
            id={fieldId("phone")}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            defaultValue={values.phone}
            aria-invalid={errors.phone ? true : undefined}
            data-field="phone"
            aria-describedby={describedBy("phone", errors, true)}
            className={input}
          />
        </div>
        <TextField t={t} f="email" label={t.labels.email} type="email" inputMode="email" autoComplete="email" value={values.email} errors={errors} />
        <RadioGroup
          t={t}
          f="contactMethod"
          legend={t.labels.contactMethod}
          options={contactMethods}
          labels={t.options.contactMethod}
          value={values.contactMethod}
          errors={errors}
        />
        {/* Right under "Text message", the last option, lined up with the options' labels. */}
        <div className="inquiry-text-only pl-8">
          <Checkbox t={t} f="textOk" label={t.labels.textOk} value={values.textOk} errors={errors} />
        </div>
        <SelectField
          t={t}
          f="bestTime"
          label={t.labels.bestTime}
          options={bestTimes}
          labels={t.options.bestTime}
          value={values.bestTime ?? "any"}
          errors={errors}
        />
      </fieldset>

      <fieldset aria-describedby="inquiry-permissions-hint" className="mt-6 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
        <legend className="px-1 text-lg font-bold">{t.legend.permissions}</legend>
        <p id="inquiry-permissions-hint" className="text-sm text-slate-700 dark:text-slate-300">
          {t.hints.voicemail}
        </p>
        <Checkbox t={t} f="voicemailOk" label={t.labels.voicemailOk} value={values.voicemailOk} errors={errors} />
      </fieldset>

      <fieldset className="mt-6 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
        <legend className="px-1 text-lg font-bold">{t.legend.more}</legend>
        <SelectField
          t={t}
          f="language"
          label={t.labels.language}
          options={languages}
          labels={languageOptionLabels(center, locale)}
          // A Spanish page's form starts on Spanish: the language of the page the person chose to read.
          value={values.language ?? locale}
          errors={errors}
          first
        />
        <TextField t={t} f="insurance" label={t.labels.insurance} value={values.insurance} errors={errors} hint={t.hints.insurance} />
        <div className="mt-4">
          <Label t={t} f="message">
            {t.labels.message}
          </Label>
          <Hint f="message">{t.hints.message}</Hint>
          <ErrorText t={t} f="message" errors={errors} />
          <textarea
            id={fieldId("message")}
            name="message"
            rows={4}
            maxLength={1000}
            defaultValue={values.message}
            aria-invalid={errors.message ? true : undefined}
            data-field="message"
            aria-describedby={describedBy("message", errors, true)}
            className={input}
          />
        </div>
      </fieldset>

      <div className="mt-6">
        <Checkbox t={t} f="consent" label={t.labels.consent} value={values.consent} errors={errors} />
      </div>

      {/* Honeypot: off-screen and out of the tab order; people never see it, form-filling bots do. */}
      <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor={fieldId(HONEYPOT_FIELD)}>{t.labels.website}</label>
        <input id={fieldId(HONEYPOT_FIELD)} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </>
  );
}
