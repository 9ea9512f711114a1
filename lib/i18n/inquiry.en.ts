import type { IssueMessages } from "@/lib/inquiries/schema";
import { route } from "@/lib/site/routes";

// Validation messages shared by several (field, code) pairs.
const role = "Choose who this inquiry is about.";
const name = "Enter a first name or what we should call you.";
const singleLine = "Use a single line here, without line breaks.";
const phone = "Enter a phone number with 10 digits, like 555-010-0100.";
const email = "Enter an email address like name@example.com.";
const contactMethod = "Choose how we should contact you.";
const bestTime = "Choose the best time to reach you.";
const voicemailOk = "Say whether we may leave a voicemail.";
const textOk = "Say whether we may send a text message.";
const language = "Choose a preferred language.";
const insurance = "Enter only the insurance company's name, not a member or group number.";
const message = "Keep the message to 1,000 characters or fewer.";
const consent = "Tick the box to agree that we may contact you, or call us instead.";
const hiddenChars = "Remove the hidden control or text-direction characters (they often come along with pasted text).";
/** Where a professional sends records: the secure fax and referral line from center.referrals, when known. */
const recordsBy = (fax?: string, line?: string) =>
  `Send records by secure fax${fax ? ` to ${fax}` : ""} or call our referral line${line ? ` at ${line}` : ""}.`;

/** Words of the inquiry form (English): labels, hints and every validation message. */
export const inquiryText = {
  title: "Contact admissions",
  intro: "Send a short message and our admissions team will call or email you back. You only need to tell us how to reach you.",
  /** After the intro: how soon admissions answers, from config (`when` is responseTimePhrase, as on the thank-you page). */
  responseTime: (when: string) => `We get back to you ${when}.`,
  phoneAlternative: "Would you rather talk now?",
  errorTitlePrefix: "Error:",
  required: "required",
  optional: "optional",
  /** The organization field: asked of professionals only (a browser without `:has()` shows it to everyone). */
  requiredForReferrals: "required for referrals",
  legend: {
    who: "Who is this inquiry about?",
    reach: "How can we reach you?",
    permissions: "Messages",
    more: "A little more (optional)",
  },
  roles: {
    self: "Myself",
    "loved-one": "Someone I care about",
    professional: "I'm a professional making a referral",
  },
  labels: {
    name: "Your first name, or what we should call you",
    organization: "Your organization",
    phone: "Phone number",
    email: "Email address",
    contactMethod: "How should we contact you?",
    bestTime: "Best time to reach you",
    voicemailOk: "It's OK to leave a voicemail at this number",
    textOk: "It's OK to send a text message to this number",
    language: "Preferred language",
    insurance: "Insurance carrier, or self-pay",
    message: "Anything you'd like us to know before we call",
    consent: "I agree that admissions staff may contact me about this inquiry.",
    website: "Leave this field empty",
  },
  hints: {
    name: "A nickname is fine.",
    organization: "Your practice, agency or employer.",
    phoneOrEmail: "Give a phone number, an email address, or both.",
    /** Under the organization, for professionals: the form is not for records, and where they go instead. */
    professional: (fax?: string, line?: string) =>
      `Please give only your own contact details here, with no patient names, dates of birth or record numbers. ${recordsBy(fax, line)}`,
    voicemail: "We leave neutral messages that do not name the program unless you say it's OK. The box is off unless you tick it.",
    insurance: 'Only the company name, like "Medicaid" or "self-pay". Please do not enter a member or group number.',
    message: "Please don't include medical details, diagnoses or medications. We'll talk about those by phone.",
  },
  options: {
    contactMethod: { phone: "Phone call", text: "Text message", email: "Email" },
    bestTime: { any: "Any time", morning: "Morning", afternoon: "Afternoon", evening: "Evening" },
    language: { en: "English", es: "Spanish (Español)", other: "Another language" },
    /** The "other" choice when the config says the center arranges interpreting at no cost. */
    languageOtherWithInterpreter: "Another language (we'll arrange an interpreter)",
  },
  submit: "Send inquiry",
  sending: "Sending…",
  errorSummary: "Please fix the following:",
  errorCount: (n: number) => (n === 1 ? "There is 1 problem with your inquiry" : `There are ${n} problems with your inquiry`),
  networkError: "We couldn't send your inquiry. Nothing you typed has been lost: please try again, or call us.",
  rateLimited: "Too many inquiries have come from this connection. Your details are still here: please try again later, or call us.",
  unavailable: {
    lead: "We can't save your inquiry right now. Nothing you typed has been lost.",
    call: (phone: string) => `Call admissions at ${phone}`,
    retry: "or try sending it again in a few minutes.",
  },
  privacyHeading: "Your privacy",
  /** One line above the form on phones, where the privacy section comes after the form. */
  privacySummary: (days: number) => `Only our admissions staff see what you send, and we delete it ${days} days after it reaches them.`,
  privacySummaryLink: "More about your privacy",
  privacyLink: "Read our full privacy notice",
  privacy: (days: number) =>
    `Only our admissions staff receive your inquiry, by email and in our secure records. We keep it for ${days} days after it reaches them, then delete it. This site uses no ads, trackers or analytics, and we do not sell or share your information.`,
  /** One message per (field, issue code) the schema can produce; see IssueCode in lib/inquiries/schema.ts. */
  errors: {
    role: { required: role, invalid: role, wrong_type: role },
    name: {
      required: name,
      invalid: name,
      wrong_type: name,
      too_long: "Use 80 characters or fewer for your name.",
      single_line: singleLine,
      control_chars: hiddenChars,
    },
    organization: {
      invalid: singleLine,
      wrong_type: "Enter your organization's name as text.",
      too_long: "Use 120 characters or fewer for the organization.",
      single_line: singleLine,
      control_chars: hiddenChars,
      need_organization: "Enter your organization, so we know who is referring.",
    },
    phone: {
      invalid: phone,
      wrong_type: phone,
      too_long: phone,
      control_chars: hiddenChars,
      need_contact: "Enter a phone number or an email address so we can reach you.",
      need_phone: "To be contacted by phone or text, enter a phone number.",
    },
    email: {
      invalid: email,
      wrong_type: email,
      too_long: email,
      control_chars: hiddenChars,
      need_email: "To be contacted by email, enter an email address.",
    },
    contactMethod: { required: contactMethod, invalid: contactMethod, wrong_type: contactMethod },
    bestTime: { required: bestTime, invalid: bestTime, wrong_type: bestTime },
    // A checkbox sent with a value the form never sends ("no", 0, "false"): ask again rather than guess.
    voicemailOk: { required: voicemailOk, invalid: voicemailOk, wrong_type: voicemailOk },
    textOk: {
      required: textOk,
      invalid: textOk,
      wrong_type: textOk,
      need_text_ok: 'To be contacted by text, tick "It\'s OK to send a text message".',
    },
    language: { required: language, invalid: language, wrong_type: language },
    insurance: {
      invalid: insurance,
      wrong_type: "Enter the insurance company's name as text, or leave it empty.",
      too_long: "Use 80 characters or fewer for the insurance carrier.",
      single_line: singleLine,
      control_chars: hiddenChars,
      member_id: insurance,
    },
    message: {
      invalid: message,
      wrong_type: "Write your message as plain text.",
      too_long: message,
      control_chars: hiddenChars,
      // A professional's message that looks like it names a patient's date of birth, record number or SSN.
      patient_identifiers: (fax?: string, line?: string) =>
        `Remove the date of birth, record number or Social Security number from your message. ${recordsBy(fax, line)}`,
    },
    consent: { required: consent, invalid: consent, wrong_type: consent },
  } satisfies IssueMessages,
  thanks: {
    title: "Thank you. We have your inquiry.",
    next: (when: string) =>
      `A member of our admissions team will contact you ${when}, in the way you asked. If you said it's not OK to leave a voicemail, we won't.`,
    callInstead: "If you would rather not wait, call admissions:",
    hoursHeading: "Admissions hours",
    meanwhile: "While you wait, you may find these helpful:",
    links: [
      { href: route("/articles/admissions-what-to-expect"), label: "What happens after you reach out" },
      { href: route("/articles/what-is-iop"), label: "What is an intensive outpatient program?" },
      { href: route("/articles/cost-and-insurance"), label: "Paying for IOP" },
    ],
    notEmergency: "This form is not for emergencies. If you need help now, the numbers under “Need help right now?” at the foot of this page work any time.",
  },
} as const;
