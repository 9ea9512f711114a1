import { inquiryText } from "@/lib/i18n/inquiry.en";

const m = inquiryText.errors;

/** The English validation messages tests assert, by what they say (several (field, code) pairs share one text). */
export const errorMessages = {
  role: m.role.required,
  name: m.name.required,
  nameLong: m.name.too_long,
  singleLine: m.name.single_line,
  organization: m.organization.need_organization,
  organizationLong: m.organization.too_long,
  phone: m.phone.invalid,
  email: m.email.invalid,
  reach: m.phone.need_contact,
  contactMethod: m.contactMethod.required,
  needPhone: m.phone.need_phone,
  needEmail: m.email.need_email,
  needTextOk: m.textOk.need_text_ok,
  bestTime: m.bestTime.required,
  language: m.language.required,
  insurance: m.insurance.member_id,
  insuranceLong: m.insurance.too_long,
  message: m.message.too_long,
  /** C0, C1 and bidi controls, in any text field. */
  controlChars: m.message.control_chars,
  consent: m.consent.required,
};
