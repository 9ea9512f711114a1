import { parseCenter } from "@/lib/center/schema";

/**
 * The center's identity: the one place for its name, phones, address, hours, licenses and accreditation.
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
  timeZone: "America/Chicago",
  accessibleContact: { relay: true },
  payment: {
    plansAccepted: ["Example Health Plan (placeholder)", "Sample Insurance Network (placeholder)"],
    medicaid: { accepted: true, programs: ["Example State Medicaid (placeholder)"] },
    medicare: true,
    tricare: false,
    vaCommunityCare: false,
    selfPay: { priceUsd: null, per: "week", covers: { en: "All group and individual sessions, and family sessions, for that week (placeholder)" } },
    slidingScale: true,
    freeBenefitsCheck: true,
  },
  referrals: {
    phone: { display: "(555) 010-0103", tel: "+15550100103" },
    secureFax: { display: "(555) 010-0102", tel: "+15550100102" },
    hours: [{ days: "Monday to Friday", open: "08:00", close: "17:00", dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] }],
    businessDaysToAssessment: 2,
    whatToSend: [
      { en: "The patient's signed consent to share records with us (placeholder)" },
      { en: "A short referral note: reason for referral, current medications, recent withdrawal history (placeholder)" },
    ],
    howRecordsTravel: { en: "Send records by secure fax or by phone after the patient signs a consent; never through the web form (placeholder)" },
  },
  families: [
    {
      name: { en: "Family education evenings (placeholder)" },
      description: { en: "A weekly group where families learn about addiction, treatment and how to look after themselves (placeholder)" },
      openToNonPatientFamilies: true,
    },
  ],
  serves: { minAge: 18, maxAge: null, populations: [] },
  languages: { staffSpeak: ["en"], freeInterpreting: true },
  clinicalLeadership: [],
  reviewers: [],
  tracks: [
    { name: "Day track", days: ["Monday", "Wednesday", "Friday"], start: "09:00", end: "12:00", hoursPerWeek: 9, format: "in-person" },
    { name: "Evening track", days: ["Monday", "Tuesday", "Thursday"], start: "18:00", end: "21:00", hoursPerWeek: 9, format: "hybrid" },
  ],
  admissionsAnsweredBy: "center-staff",
  afterHours: { handling: "voicemail", returnCallBusinessHours: 8 },
  telehealth: { regions: ["ZZ"] },
  serviceArea: "Springfield and the surrounding county (placeholder)",
  licenses: ["State outpatient substance use disorder treatment license No. EXAMPLE-0000 (placeholder)"],
  accreditation: ["Accreditation body and status to be supplied by the center (placeholder)"],
  medications: {
    onSite: ["buprenorphine", "naltrexone", "acamprosate"],
    isOpioidTreatmentProgram: false,
    partners: [{ name: "Example Opioid Treatment Program (placeholder)", offers: ["methadone", "buprenorphine"] }],
  },
  drugTesting: { tests: true, samples: ["urine"], timing: "random", positiveResultEndsCare: false },
  responseTimeBusinessHours: 24,
  inquiryRetentionDays: 90,
  // Not confirmed: see docs/decisions/0006-self-check-instruments.md before changing this.
  selfCheck: { usauditLicenseConfirmed: false },
});
