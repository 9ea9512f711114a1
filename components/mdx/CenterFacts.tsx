import { center } from "@/content/center";
import { PhoneLink } from "@/components/PhoneLink";

/** Center facts for use inside articles, so that an article never repeats a value the config holds. */
export function CenterName() {
  return <>{center.name}</>;
}

export function CenterPhone() {
  return <PhoneLink tel={center.phones.admissions.tel} display={center.phones.admissions.display} />;
}

export function CenterTracks() {
  return (
    <ul>
      {center.tracks.map((t) => (
        <li key={t.name}>
          <strong>{t.name}:</strong> {t.schedule} ({t.hoursPerWeek} hours a week)
        </li>
      ))}
    </ul>
  );
}

export function CenterMoud() {
  return center.moud === "on-site" ? (
    <>{center.name} offers medications for opioid use disorder on site, alongside counseling.</>
  ) : (
    <>
      {center.name} does not prescribe medications for opioid use disorder on site; it works with partner prescribers and opioid treatment programs so that you
      can start or continue medication while in the program.
    </>
  );
}
