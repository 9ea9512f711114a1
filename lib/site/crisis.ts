import type { Locale } from "@/lib/i18n/locales";

/**
 * Public crisis and referral lines: the one module for every crisis number, keyword and URL the site shows or dials.
 * Components and dictionary sentences take them from here, never as literals (tests/unit/crisis-literals.test.ts).
 *
 * Checked 2026-11-30 (sources in the crisis notes):
 * - 988lifeline.org/get-help/what-to-expect: a call offers Veterans (press 1) and Spanish (press 2); a text offers
 *   Spanish by texting AYUDA and points veterans to 838255; Spanish text and chat are available.
 * - veteranscrisisline.net: Veterans Crisis Line by dialling 988 then pressing 1, or texting 838255.
 * - fcc.gov/988-suicide-and-crisis-lifeline: Spanish chat at 988lifeline.org/es/chat/; people who use ASL can call 988
 *   directly from a videophone (since September 2023; SAMHSA's announcement also names the "ASL Now" button).
 * 988's former "press 3" option ended on 2025-07-17 and is deliberately not listed.
 */
export const crisisLines = {
  emergency: { tel: "911", display: "911" },
  lifeline: {
    tel: "988",
    sms: "988",
    display: "988",
    chatUrl: "https://988lifeline.org/chat/",
    /** 988's Spanish-language line: press 2 on a call, text the keyword, or chat in Spanish. */
    spanish: { press: "2", textKeyword: "AYUDA", chatUrl: "https://988lifeline.org/es/chat/" },
    /** 988's page for Deaf and hard-of-hearing people: videophone calls and "ASL Now" in American Sign Language. */
    deafUrl: "https://988lifeline.org/help-yourself/for-deaf-hard-of-hearing/",
  },
  /** The Veterans Crisis Line, run by the VA inside 988: press 1 on a 988 call, or text its own short code. */
  veterans: { press: "1", sms: "838255", display: "838255" },
  samhsa: { tel: "+18006624357", display: "1-800-662-4357", ttyTel: "+18004874889", ttyDisplay: "1-800-487-4889" },
} as const;

/** 988's chat in the page's language: Spanish pages link the Spanish chat. */
export const lifelineChatUrl = (locale: Locale) => (locale === "es" ? crisisLines.lifeline.spanish.chatUrl : crisisLines.lifeline.chatUrl);

/** The href that dials a number. */
export const telHref = (number: string) => `tel:${number}`;
/** The href that opens a text message to a number. */
export const smsHref = (number: string) => `sms:${number}`;
