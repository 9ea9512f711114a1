import type { Locale } from "@/lib/i18n/locales";
import type { InstrumentItem, ScoredCheck } from "@/lib/self-check/instruments/types";
import { PROFILE_FIELDS, STAGE_FIELD } from "@/lib/self-check/answers";
import { ClientScript } from "@/components/ClientScript";
import { FORM_ID, SELF_CHECK_RESULT_PATH, STAGE2_ID, STATUS_ID, SUMMARY_ID, errorId, fieldsetId } from "./dom";

/** What the no-JavaScript route shows again: the answers given, the questions left unanswered, and the stage. */
export interface FormState {
  values: Record<string, string>;
  missing: readonly string[];
  stage: 1 | 2;
}

const summaryLinkClass = "link font-semibold";

/**
 * The questionnaire. Without JavaScript it posts (never GET: answers must not enter a URL) to the server entry's
 * route, which answers with this same form and the result. With JavaScript the module scores it in the page.
 * autoComplete="off" and the module's reset on pageshow keep Back from bringing answers back.
 */
export function SelfCheckForm({ check, locale, state, enhance }: { check: ScoredCheck; locale: Locale; state?: FormState; enhance: boolean }) {
  const { instrument, words: t } = check;
  const values = state?.values ?? {};
  const missing = state?.missing ?? [];
  const stage = state?.stage ?? 1;
  const label = (name: string) =>
    name === PROFILE_FIELDS.age ? t.ageLegend : name === PROFILE_FIELDS.sex ? t.sexLegend : (instrument.items.find((i) => i.id === name)?.question ?? name);
  const all = [PROFILE_FIELDS.age, PROFILE_FIELDS.sex, ...instrument.items.map((i) => i.id)];
  const group = (name: string, legend: string, choices: readonly { value: string; label: string }[], hint?: string) => (
    <RadioGroup
      key={name}
      name={name}
      legend={legend}
      choices={choices}
      value={values[name]}
      error={missing.includes(name)}
      hint={hint}
      errorText={t.errorField}
    />
  );
  const item = (it: InstrumentItem, n: number) =>
    group(
      it.id,
      `${n}. ${it.question}`,
      it.choices.map((c) => ({ value: String(c.points), label: c.label })),
    );
  return (
    <>
      <form
        id={FORM_ID}
        method="post"
        action={SELF_CHECK_RESULT_PATH}
        noValidate
        autoComplete="off"
        aria-labelledby="self-check-form-heading"
        // Which published instrument, in which of its publisher's languages (the parity test reads these).
        data-instrument={instrument.id}
        data-instrument-lang={instrument.language}
      >
        <h2 id="self-check-form-heading" className="text-2xl font-bold">
          {t.formHeading}
        </h2>
        <div
          id={SUMMARY_ID}
          hidden={missing.length === 0}
          tabIndex={-1}
          role="group"
          aria-labelledby={`${SUMMARY_ID}-heading`}
          className="mt-4 rounded-lg border-4 border-red-800 p-4 dark:border-red-300"
        >
          <h3 id={`${SUMMARY_ID}-heading`} className="text-lg font-bold">
            {t.errorHeading}
          </h3>
          <p className="mt-1">{t.errorSummary}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {all.map((name) => (
              <li key={name} data-summary-for={name} hidden={!missing.includes(name)}>
                <a href={`#${fieldsetId(name)}`} className={summaryLinkClass}>
                  {label(name)}
                </a>
              </li>
            ))}
          </ul>
        </div>
        <input type="hidden" name={STAGE_FIELD} value={String(stage)} />
        <input type="hidden" name="lang" value={locale} />
        <div className="mt-4 space-y-6">
          <fieldset className="space-y-6">
            <legend className="text-xl font-bold">{t.aboutYouLegend}</legend>
            {group(
              PROFILE_FIELDS.age,
              t.ageLegend,
              Object.entries(t.ages).map(([value, label]) => ({ value, label })),
            )}
            {group(
              PROFILE_FIELDS.sex,
              t.sexLegend,
              Object.entries(t.sexes).map(([value, label]) => ({ value, label })),
              t.sexHint,
            )}
          </fieldset>
          <div className="space-y-2">
            {instrument.instructions.map((line) => (
              <p key={line} className="font-semibold">
                {line}
              </p>
            ))}
          </div>
          {instrument.items.slice(0, 3).map((it, i) => item(it, i + 1))}
          <div id={STAGE2_ID} hidden={stage !== 2} tabIndex={-1} aria-labelledby={`${STAGE2_ID}-heading`} role="group" className="space-y-6">
            <h3 id={`${STAGE2_ID}-heading`} className="text-xl font-bold">
              {t.stage2Heading}
            </h3>
            <p>{t.stage2Intro}</p>
            {instrument.items.slice(3).map((it, i) => item(it, i + 4))}
          </div>
        </div>
        <div className="mt-6 flex flex-wrap gap-3">
          <button type="submit" className="btn-primary text-lg">
            {t.submit}
          </button>
          <button type="reset" className="btn-secondary text-lg">
            {t.clear}
          </button>
        </div>
        <p id={STATUS_ID} aria-live="polite" className="sr-only" data-cleared={t.cleared} />
      </form>
      {enhance ? <ClientScript name="self-check" /> : null}
    </>
  );
}

function RadioGroup({
  name,
  legend,
  choices,
  value,
  error,
  hint,
  errorText,
}: {
  name: string;
  legend: string;
  choices: readonly { value: string; label: string }[];
  value?: string;
  error: boolean;
  hint?: string;
  errorText: string;
}) {
  const hintId = `${fieldsetId(name)}-hint`;
  const describedBy = [hint ? hintId : undefined, error ? errorId(name) : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      id={fieldsetId(name)}
      tabIndex={-1}
      aria-describedby={describedBy}
      data-hint={hint ? hintId : undefined}
      className="rounded-lg border border-slate-300 p-4 dark:border-slate-700"
    >
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm">
          {hint}
        </p>
      ) : null}
      <p id={errorId(name)} hidden={!error} className="mt-1 font-semibold text-red-800 dark:text-red-300">
        {errorText}
      </p>
      <div className="mt-2 space-y-2">
        {choices.map((c) => {
          const id = `${fieldsetId(name)}-${c.value}`;
          return (
            <div key={c.value} className="flex items-start gap-3">
              <input type="radio" id={id} name={name} value={c.value} defaultChecked={value === c.value} className="mt-1 size-5 shrink-0" />
              <label htmlFor={id}>{c.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
