/**
 * Sources an article may no longer cite, in one place. The reference gate (lib/content/gates.ts) fails an article
 * whose reference URL is on a retired domain or is listed here as superseded, with the reason given below; add an
 * entry when a publisher retires a site or replaces an edition, and every article that cites it fails the build.
 */

export interface RetiredDomain {
  /** A host name; its subdomains are retired with it. */
  domain: string;
  why: string;
}

export interface SupersededSource {
  /** A URL, or a URL prefix ending at a path segment; scheme, "www." and a trailing slash are ignored. */
  url: string;
  /** What to cite instead (the current edition's exact page). */
  replacedBy: string;
  why: string;
}

/** Domains a publisher has retired: their pages redirect or are frozen archives, never the current edition. */
const retiredDomains: readonly RetiredDomain[] = [
  {
    // Covers www.drugabuse.gov and archives.drugabuse.gov too.
    domain: "drugabuse.gov",
    why: "NIDA's old domain (retired; archives.drugabuse.gov is a frozen archive). Cite the same publication on nida.nih.gov.",
  },
];

export const superseded: readonly SupersededSource[] = [
  {
    url: "https://www.ncbi.nlm.nih.gov/books/NBK535275/",
    replacedBy: "https://www.ncbi.nlm.nih.gov/books/NBK574910/",
    why: 'TIP 63, 2018 edition: NCBI marks this copy "provided for historical reference only"; the 2021 revision (SAMHSA publication PEP21-02-01-002) replaces it.',
  },
  {
    url: "https://store.samhsa.gov/product/TIP-63-Medications-for-Opioid-Use-Disorder-Pharmacotherapy-for-Opioid-Use-Disorder-Part-3-of-5-/SMA18-5063PT3",
    replacedBy: "https://www.ncbi.nlm.nih.gov/books/NBK574910/",
    why: "TIP 63 Part 3 in its 2018 edition (SMA18-5063PT3); the 2021 revision (SAMHSA publication PEP21-02-01-002) replaces it.",
  },
  {
    url: "https://webarchive.library.unt.edu/eot2008/20080916053023/http:/www.drugabusestatistics.samhsa.gov/TEDSdischarges/2k4/",
    replacedBy: "https://www.samhsa.gov/data/report/2021-teds-annual-report",
    why: "The TEDS 2004 discharge report, in a 2008 web archive; SAMHSA's annual TEDS reports of admissions and discharges (2021 and later) replace it: cite the newest year.",
  },
];

/** A URL as compared here: host without "www.", path without a trailing slash, and the query; no scheme or fragment. */
function comparable(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.hostname.toLowerCase().replace(/^www\./, "")}${u.pathname.replace(/\/+$/, "")}${u.search}`;
  } catch {
    return null;
  }
}

/** The retired domain a URL is on, if any. */
export function retiredDomainOf(url: string): RetiredDomain | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return retiredDomains.find((d) => host === d.domain || host.endsWith(`.${d.domain}`));
}

/** The superseded entry a URL falls under: the same URL, or a page below a listed prefix (whole path segments only). */
export function supersededEntryOf(url: string): SupersededSource | undefined {
  const target = comparable(url);
  if (target === null) return undefined;
  return superseded.find((s) => {
    const listed = comparable(s.url);
    return listed !== null && (target === listed || target.startsWith(`${listed}/`));
  });
}

/** A site's bare home page (path "/" or empty, no query): never the exact page of a publication. */
export function isBareHomePage(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.pathname === "/" || u.pathname === "") && u.search === "";
  } catch {
    return false;
  }
}
