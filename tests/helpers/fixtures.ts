import type { Inquiry } from "@/lib/inquiries/schema";

/** The smallest valid inquiry: a phone number and the required choices. Tests override what they exercise. */
export const minimalInquiry: Inquiry = {
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
