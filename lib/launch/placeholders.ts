import type { Center } from "@/lib/center/schema";
import { locales } from "@/lib/i18n/locales";
import { REVIEW_MAX_AGE_MONTHS, reviewDue } from "@/lib/content/freshness";
import { componentCount } from "@/lib/content/markdown";

/**
 * What still has to be filled in before the site can go live. The shipped config is a fictional center; each
 * rule here recognises one kind of stand-in the config uses, so `npm run launch-check` and a server on a public
 * origin can say exactly which value is left.
 */
export interface LaunchFinding {
  /** Where the value lives, e.g. "content/center.ts: phones.admissions". */
  where: string;
  what: string;
}

const CONFIG = "content/center.ts";

/** A North American number in the fictional ranges: area code 555, or exchange 555 with a line of 0100–0199. */
function fictionalPhone(tel: string): boolean {
  const digits = tel.replace(/\D/g, "").replace(/^1/, "");
  return digits.startsWith("555") || (digits.slice(3, 6) === "555" && digits.slice(6, 8) === "01");
}

/** Domains reserved for examples (RFC 2606): never a real center's address. */
const EXAMPLE_DOMAIN = /(^|[@./])example\.(org|com|net)$|\.(example|test|invalid)$/i;

function stringFinding(path: string, value: string): string | undefined {
  // English text marks a stand-in "(placeholder)", Spanish text "(texto de ejemplo)".
  if (/\bplaceholder\b|\(texto de ejemplo\)/i.test(value)) return `"${value}" is marked as a placeholder`;
  const host = value.includes("@") ? value.split("@").pop()! : /^https?:\/\//.test(value) ? new URL(value).hostname : undefined;
  if (host && EXAMPLE_DOMAIN.test(host)) return `${value} is on a domain reserved for examples`;
  if (path.endsWith("address.region") && value === "ZZ") return `"ZZ" is not a state`;
  if (path.endsWith("address.postalCode") && /^0{5}/.test(value)) return `${value} is not a real ZIP code`;
  return undefined;
}

function walk(value: unknown, path: string, out: LaunchFinding[]): void {
  if (typeof value === "string") {
    const what = stringFinding(path, value);
    if (what) out.push({ where: `${CONFIG}: ${path}`, what });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, path ? `${path}.${i}` : String(i), out));
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.tel === "string" && fictionalPhone(record.tel)) {
      out.push({ where: `${CONFIG}: ${path}`, what: `${String(record.display ?? record.tel)} is a fictional phone number` });
      return;
    }
    for (const [k, v] of Object.entries(record)) walk(v, path ? `${path}.${k}` : k, out);
  }
}

/** Every stand-in value left in the center config, and every fact the config must still name. */
export function configFindings(center: Center): LaunchFinding[] {
  const out: LaunchFinding[] = [];
  if (center.isPlaceholder) out.push({ where: `${CONFIG}: isPlaceholder`, what: "is true: the footer says this is a fictional center" });
  walk(center, "", out);
  if (center.clinicalLeadership.length === 0) out.push({ where: `${CONFIG}: clinicalLeadership`, what: "names no one: name the clinical lead and credential" });
  if (center.reviewers.length === 0) out.push({ where: `${CONFIG}: reviewers`, what: "names no clinical reviewer for the articles" });
  // Each edition needs a named reviewer who reads it: the Spanish pages a Spanish-speaking one.
  for (const locale of locales) {
    if (center.reviewers.some((r) => r.languages.includes(locale))) continue;
    const language = new Intl.DisplayNames("en", { type: "language" }).of(locale) ?? locale;
    out.push({
      where: `${CONFIG}: reviewers`,
      what: `names no ${language} reviewer: the ${language} pages need a named reviewer who reads ${language} (a reviewer with "${locale}" in languages)`,
    });
  }
  if (center.payment.selfPay.priceUsd === null) out.push({ where: `${CONFIG}: payment.selfPay.priceUsd`, what: "no self-pay price is set" });
  if (!center.selfCheck.usauditLicenseConfirmed)
    out.push({
      where: `${CONFIG}: selfCheck.usauditLicenseConfirmed`,
      what: "decision pending: the USAUDIT's use on a public page is not confirmed, so the self-check offers no scored check (docs/decisions/0006-self-check-instruments.md)",
    });
  return out;
}

/** Articles with no named clinical reviewer, or last checked against their sources too long ago. */
export function articleFindings(articles: readonly { file: string; reviewer?: unknown; lastReviewed: string }[], today: Date): LaunchFinding[] {
  const day = today.toISOString().slice(0, 10);
  const out: LaunchFinding[] = [];
  for (const a of articles) {
    if (!a.reviewer) out.push({ where: a.file, what: "has no named clinical reviewer" });
    if (day > reviewDue(a.lastReviewed))
      out.push({ where: a.file, what: `was last checked against its sources on ${a.lastReviewed}, more than ${REVIEW_MAX_AGE_MONTHS} months ago` });
  }
  return out;
}

/** Pages that still hold a <Placeholder> box: legal or center text the center must write before launch. */
export function placeholderBoxFindings(pages: readonly { file: string; source: string }[]): LaunchFinding[] {
  return pages.flatMap(({ file, source }) => {
    const boxes = componentCount(source, "Placeholder");
    return boxes > 0 ? [{ where: file, what: `has ${boxes} placeholder box${boxes === 1 ? "" : "es"} to replace with the center's own text` }] : [];
  });
}
