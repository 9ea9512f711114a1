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
