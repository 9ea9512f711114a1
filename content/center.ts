import { parseCenter } from "@/lib/center/schema";

/**
 * The center's identity: the one place for its name, phones, address, hours, licences and accreditation.
 * Every value below is a FICTIONAL PLACEHOLDER (555-01xx numbers, example.org). Replace all of them,
 * and set isPlaceholder to false, before the site goes live.
 */
export const center = parseCenter({
  name: "Example Recovery Center",
  legalName: "Example Recovery Center, LLC (placeholder)",
  isPlaceholder: true,
  siteUrl: "https://iop.example.org",
  phones: {
    admissions: { display: "(555) 010-0100", tel: "+15550100100" },
    main: { display: "(555) 010-0101", tel: "+15550100101" },
    fax: { display: "(555) 010-0102", tel: "+15550100102" },
  },
  email: "intake@example.org",
  address: {
    street: "100 Example Street, Suite 200",
    city: "Springfield",
    region: "ZZ",
    postalCode: "00000",
    country: "US",
  },
  hours: [
    { days: "Monday to Friday", open: "08:00", close: "20:00", dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] },
    { days: "Saturday", open: "09:00", close: "13:00", dayOfWeek: ["Saturday"] },
  ],
  tracks: [
    { name: "Day track", days: ["Monday", "Wednesday", "Friday"], start: "09:00", end: "12:00", hoursPerWeek: 9, format: "in-person" },
    { name: "Evening track", days: ["Monday", "Tuesday", "Thursday"], start: "18:00", end: "21:00", hoursPerWeek: 9, format: "hybrid" },
  ],
  admissionsAnsweredBy: "center-staff",
  afterHours: { handling: "voicemail", returnCallBusinessHours: 8 },
  telehealth: { regions: ["ZZ"] },
  serviceArea: "Springfield and the surrounding county (placeholder)",
  licences: ["State outpatient substance use disorder treatment licence No. EXAMPLE-0000 (placeholder)"],
  accreditation: ["Accreditation body and status to be supplied by the center (placeholder)"],
  medications: {
    onSite: ["buprenorphine", "naltrexone", "acamprosate"],
    isOpioidTreatmentProgram: false,
    partners: [{ name: "Example Opioid Treatment Program (placeholder)", offers: ["methadone", "buprenorphine"] }],
  },
  drugTesting: { tests: true, samples: ["urine"], timing: "random", positiveResultEndsCare: false },
  responseTimeBusinessHours: 24,
  inquiryRetentionDays: 90,
});
