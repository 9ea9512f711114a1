"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { inquiryText as t } from "@/lib/i18n/inquiry.en";
import { HONEYPOT_FIELD, fromFormFields, validateInquiry, type FieldErrors } from "@/lib/inquiries/schema";
import { ErrorSummary, InquiryFields } from "./InquiryFields";

const noopSubscribe = () => () => {};

type Status = "idle" | "sending" | "network" | "rate-limited";

const newKey = () =>
  typeof crypto.randomUUID === "function" ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The inquiry form's small client island. Without JavaScript the same markup posts as a plain form. With it:
 * inline validation by the shared schema, a pending state, and an idempotency key so a double click or a retry
 * never makes a second inquiry. Inputs are uncontrolled, so nothing typed is ever reset by a re-render.
 */
export function InquiryForm({ action }: { action: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>("idle");
  // False in the server render, true once this island runs: tests and styles can tell the two apart.
  const hydrated = useSyncExternalStore(noopSubscribe, () => true, () => false);
  const [submitted, setSubmitted] = useState(false);
  const [focusSummary, setFocusSummary] = useState(0);
  // One key per distinct submission: retrying the same content reuses it, editing the content makes a new one.
  const attempt = useRef<{ key: string; body: string } | null>(null);

  useEffect(() => {
    if (focusSummary) document.getElementById("error-summary")?.focus();
  }, [focusSummary]);

  const currentInput = () => {
    const fd = new FormData(formRef.current!);
    return { fd, input: fromFormFields((n) => (fd.has(n) ? String(fd.get(n)) : null)) };
  };

  /**
   * After a first attempt, re-checks as the person types so each message clears as soon as it is fixed. Before
   * that nothing is judged: a message appearing when a field loses focus shifts the form under the pointer
   * just as the person reaches for the next field.
   */
  const revalidate = () => {
    const v = validateInquiry(currentInput().input);
    setErrors(v.ok ? {} : v.errors);
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (status === "sending") return;
    setSubmitted(true);
    const { fd, input } = currentInput();
    const v = validateInquiry(input);
    if (!v.ok) {
      setErrors(v.errors);
      setFocusSummary((n) => n + 1);
      return;
    }
    setErrors({});
    const body = JSON.stringify({ ...input, [HONEYPOT_FIELD]: String(fd.get(HONEYPOT_FIELD) ?? "") });
    if (!attempt.current || attempt.current.body !== body) attempt.current = { key: newKey(), body };
    setStatus("sending");
    try {
      const res = await fetch(action, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": attempt.current.key },
        body,
      });
      if (res.ok) {
        router.push("/contact/thanks");
        return;
      }
      if (res.status === 400) {
        const data = (await res.json().catch(() => ({}))) as { fields?: FieldErrors };
        if (data.fields) {
          setErrors(data.fields);
          setFocusSummary((n) => n + 1);
          setStatus("idle");
          return;
        }
      }
      setStatus(res.status === 429 ? "rate-limited" : "network");
    } catch {
      setStatus("network");
    }
  };

  return (
    <form
      ref={formRef}
      id="inquiry-form"
      method="post"
      action={action}
      noValidate
      data-hydrated={hydrated ? "yes" : "no"}
      aria-describedby="inquiry-form-intro"
      onSubmit={onSubmit}
      onChange={() => {
        if (submitted) revalidate();
      }}
      className="relative"
    >
      {/* The summary belongs to a submit; while typing, only the field itself shows its message. */}
      <ErrorSummary errors={submitted ? errors : {}} />
      {status === "network" || status === "rate-limited" ? (
        <p role="alert" className="mb-6 rounded-lg border-4 border-red-800 p-4 font-semibold dark:border-red-300">
          {status === "network" ? t.networkError : t.rateLimited}
        </p>
      ) : null}
      <InquiryFields errors={errors} />
      <button type="submit" className="btn-primary mt-6 w-full text-lg sm:w-auto" aria-disabled={status === "sending" ? true : undefined}>
        {status === "sending" ? t.sending : t.submit}
      </button>
      <p aria-live="polite" className="sr-only">
        {status === "sending" ? t.sending : ""}
      </p>
    </form>
  );
}
