import { contactMethods, roles, type FieldErrors, type InquiryField } from "@/lib/inquiries/schema";

/**
 * What the form's server markup and its browser script must agree on: element ids and the classes of the
 * elements the script creates. Plain TypeScript, so the browser bundle carries no React.
 */
export const FORM_ID = "inquiry-form";
export const SUMMARY_ID = "error-summary";
export const SUMMARY_HEADING_ID = "error-summary-heading";
/** The role="alert" region for a failed send (network, rate limit). */
export const NOTICE_ID = "inquiry-notice";
export const UNAVAILABLE_TEMPLATE_ID = "inquiry-unavailable-notice";
/** A polite live region that says "Sending…". */
export const PROGRESS_ID = "inquiry-progress";

export const fieldId = (f: InquiryField | string) => `inquiry-${f}`;
export const errorId = (f: InquiryField) => `${fieldId(f)}-error`;
/** The element an error summary link points at (the first option of a radio group). */
export const fieldTarget = (f: InquiryField) =>
  f === "role" ? fieldId(`role-${roles[0]}`) : f === "contactMethod" ? fieldId(`contactMethod-${contactMethods[0]}`) : fieldId(f);

/**
 * The fields in the order the form shows them (InquiryFields.tsx), which the error summary follows: a person reads
 * the problems in the order they meet the fields. The schema's own order is not the form's.
 */
export const formOrder = [
  "role",
  "organization",
  "name",
  "phone",
  "email",
  "contactMethod",
  "textOk",
  "bestTime",
  "voicemailOk",
  "language",
  "insurance",
  "message",
  "consent",
] as const satisfies readonly InquiryField[];

/** Each wrong field and its message, in form order. */
export const inFormOrder = (errors: FieldErrors): [InquiryField, string][] => formOrder.flatMap((f) => (errors[f] ? [[f, errors[f]]] : []));

export const summaryLinkClass = "link font-semibold text-red-800 dark:text-red-300";
export const noticeClass = "mb-6 rounded-lg border-4 border-red-800 p-4 font-semibold dark:border-red-300";
