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
    {
      days: { en: "Monday to Friday", es: "lunes a viernes" },
      open: "08:00",
      close: "20:00",
      dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    },
    { days: { en: "Saturday", es: "sábado" }, open: "09:00", close: "13:00", dayOfWeek: ["Saturday"] },
  ],
  timeZone: "America/Chicago",
  accessibleContact: { relay: true },
  payment: {
    plansAccepted: ["Example Health Plan (placeholder)", "Sample Insurance Network (placeholder)"],
    medicaid: { accepted: true, programs: ["Example State Medicaid (placeholder)"] },
    medicare: true,
    tricare: false,
    vaCommunityCare: false,
    selfPay: {
      priceUsd: null,
      per: "week",
      covers: {
        en: "All group and individual sessions, and family sessions, for that week (placeholder)",
        es: "Todas las sesiones de grupo, individuales y familiares de esa semana (texto de ejemplo)",
      },
    },
    slidingScale: true,
    freeBenefitsCheck: true,
  },
  referrals: {
    phone: { display: "(555) 010-0103", tel: "+15550100103" },
    secureFax: { display: "(555) 010-0102", tel: "+15550100102" },
    hours: [
      {
        days: { en: "Monday to Friday", es: "lunes a viernes" },
        open: "08:00",
        close: "17:00",
        dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
      },
    ],
    businessDaysToAssessment: 2,
    whatToSend: [
      {
        en: "The patient's signed consent to share records with us (placeholder)",
        es: "El consentimiento firmado del paciente para compartir sus expedientes con nosotros (texto de ejemplo)",
      },
      {
        en: "A short referral note: reason for referral, current medications, recent withdrawal history (placeholder)",
        es: "Una nota breve de referido: motivo, medicamentos actuales y síntomas de abstinencia recientes (texto de ejemplo)",
      },
    ],
    howRecordsTravel: {
      en: "Send records by secure fax or by phone after the patient signs a consent; never through the web form (placeholder)",
      es: "Envíe los expedientes por fax seguro o por teléfono después de que el paciente firme un consentimiento; nunca por el formulario del sitio (texto de ejemplo)",
    },
  },
  families: [
    {
      name: { en: "Family education evenings (placeholder)", es: "Noches de información para familias (texto de ejemplo)" },
      description: {
        en: "A weekly group where families learn about addiction, treatment and how to look after themselves (placeholder)",
        es: "Un grupo semanal donde las familias aprenden sobre la adicción, el tratamiento y cómo cuidarse (texto de ejemplo)",
      },
      openToNonPatientFamilies: true,
    },
  ],
  serves: { minAge: 18, maxAge: null, populations: [] },
  languages: { staffSpeak: ["en"], freeInterpreting: true },
  clinicalLeadership: [],
  reviewers: [],
  tracks: [
    {
      name: { en: "Day track", es: "Turno de la mañana" },
      days: ["Monday", "Wednesday", "Friday"],
      start: "09:00",
      end: "12:00",
      hoursPerWeek: 9,
      format: "in-person",
    },
    {
      name: { en: "Evening track", es: "Turno de la noche" },
      days: ["Monday", "Tuesday", "Thursday"],
      start: "18:00",
      end: "21:00",
      hoursPerWeek: 9,
      format: "hybrid",
    },
  ],
  admissionsAnsweredBy: "center-staff",
  afterHours: { handling: "voicemail", returnCallBusinessHours: 8 },
  telehealth: { regions: ["ZZ"] },
  serviceArea: { en: "Springfield and the surrounding county (placeholder)", es: "Springfield y el condado que la rodea (texto de ejemplo)" },
  licenses: [
    {
      en: "State outpatient substance use disorder treatment license No. EXAMPLE-0000 (placeholder)",
      es: "Licencia estatal de tratamiento ambulatorio de trastornos por consumo de sustancias n.º EXAMPLE-0000 (texto de ejemplo)",
    },
  ],
  accreditation: [
    {
      en: "Accreditation body and status to be supplied by the center (placeholder)",
      es: "El centro debe indicar la entidad que lo acredita y su estado (texto de ejemplo)",
    },
  ],
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
