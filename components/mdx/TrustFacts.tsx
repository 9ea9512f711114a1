import { center } from "@/content/center";
import { formatHours } from "@/lib/center/format";
import { inquiryText } from "@/lib/i18n/inquiry.en";
import { PhoneLink } from "@/components/PhoneLink";

/** Facts for the trust pages, read from the center config and the form's own labels so the words never drift. */
export function CenterIdentity() {
  const { address, phones } = center;
  return (
    <dl className="not-prose my-6 grid gap-x-6 gap-y-3 rounded-lg border border-slate-300 p-4 sm:grid-cols-[12rem_1fr] dark:border-slate-700">
      <dt className="font-semibold">Name</dt>
      <dd>
        {center.name} ({center.legalName})
      </dd>
      <dt className="font-semibold">Address</dt>
      <dd>
        {address.street}, {address.city}, {address.region} {address.postalCode}
      </dd>
      <dt className="font-semibold">Admissions phone</dt>
      <dd>
        <PhoneLink tel={phones.admissions.tel} display={phones.admissions.display} />
      </dd>
      <dt className="font-semibold">Email</dt>
      <dd>
        <a className="link" href={`mailto:${center.email}`}>
          {center.email}
        </a>
      </dd>
      <dt className="font-semibold">Hours</dt>
      <dd>{center.hours.map(formatHours).join("; ")}</dd>
      <dt className="font-semibold">Service area</dt>
      <dd>{center.serviceArea}</dd>
      <dt className="font-semibold">Licences</dt>
      <dd>{center.licences.join("; ")}</dd>
      <dt className="font-semibold">Accreditation</dt>
      <dd>{center.accreditation.length ? center.accreditation.join("; ") : "None listed"}</dd>
      <dt className="font-semibold">Level of care</dt>
      <dd>Intensive outpatient (ASAM Level 2.1) for adults: {center.tracks.map((t) => `${t.name}, ${t.hoursPerWeek} hours a week`).join("; ")}</dd>
    </dl>
  );
}

export function RetentionDays() {
  return <>{center.inquiryRetentionDays}</>;
}

export function ResponseTime() {
  return <>{center.responseTimeBusinessHours}</>;
}

export function CenterEmail() {
  return (
    <a className="link" href={`mailto:${center.email}`}>
      {center.email}
    </a>
  );
}

/** What the contact form asks, in the form's own words. */
export function InquiryFieldList() {
  const l = inquiryText.labels;
  const items = [
    `Who the inquiry is about (${Object.values(inquiryText.roles).join("; ")})`,
    l.name,
    `${l.phone} and/or ${l.email.toLowerCase()}`,
    `${l.contactMethod.replace("?", "")} and ${l.bestTime.toLowerCase()}`,
    "Whether we may leave a voicemail or send a text",
    l.language,
    `${l.insurance} (optional, the company's name only)`,
    `${l.organization} (for professionals making a referral)`,
    `A short message (optional; we ask you not to include medical details)`,
    "Your agreement that we may contact you",
  ];
  return (
    <ul>
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

/** A marked gap that the center must fill with its own legal text before launch. */
export function Placeholder({ children }: { children: React.ReactNode }) {
  return (
    <div className="not-prose my-6 rounded-lg border-2 border-dashed border-amber-700 p-4 dark:border-amber-300">
      <p className="font-bold">Placeholder: the center must supply this text</p>
      <div className="mt-2">{children}</div>
    </div>
  );
}
