import type { Inquiry } from "@/lib/inquiries/schema";

/**
 * The one valid inquiry the tests and benchmarks start from: the smallest one the schema accepts (a phone number and
 * the required choices). Tests override what they exercise; sampleInquiry (tests/helpers/next-server.ts) does so for
 * a JSON post.
 */
export const validInquiry: Inquiry = {
  role: "self",
  name: "Ann",
  phone: "555-010-0100",
  contactMethod: "phone",
  bestTime: "any",
  voicemailOk: false,
  textOk: false,
  language: "en",
  consent: true,
};

/**
 * validInquiry as the page's form posts it (application/x-www-form-urlencoded fields): every value a string, a ticked
 * checkbox as the form's value "yes", an unticked one not sent at all. `overrides` replace or add fields.
 */
export function validInquiryForm(overrides: Record<string, string> = {}): Record<string, string> {
  const fields = Object.entries(validInquiry).flatMap(([name, value]): [string, string][] =>
    value === false ? [] : [[name, value === true ? "yes" : String(value)]],
  );
  return { ...Object.fromEntries(fields), ...overrides };
}
