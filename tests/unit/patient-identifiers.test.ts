import { describe, expect, it } from "vitest";
import { looksLikePatientIdentifier } from "@/lib/inquiries/patient-identifiers";

/**
 * The corpus that defines the rule: what a professional's message may not carry (a date of birth, a medical record
 * number, a Social Security number) and what it may (times, phone numbers, ZIP codes, age ranges, a birth year).
 */
const refused = [
  "DOB 1/2/1990",
  "dob: 01/02/90",
  "D.O.B. 1/2/1990",
  "D.O.B.: 1-2-1990",
  "Pt DOB1/2/1990, please call",
  "date of birth 1/2/1990",
  "Date of birth: 01.02.1990",
  "date of birth is 3/15",
  "Birthdate 1990-01-02",
  "birth date: January 2, 1990",
  "Birthday May 3",
  "born 01-02-1990",
  "Born on 1/2/90",
  "born 2 March 1990",
  "born 3rd of March",
  "born 01\u201302\u20131990",
  "MRN 4471234",
  "mrn: 4471234",
  "MRN#447-1234",
  "MRN A4471234",
  "medical record number 4471234",
  "Medical record # 4471234",
  "medical record 4471234",
  "record no. 88123",
  "Med rec 4471234",
  "chart number 55123",
  "patient ID 99812",
  "SSN 123-45-6789",
  "ssn: 123 45 6789",
  "SSN123456789",
  "social security number 123-45-6789",
  "Social Security no. 123456789",
  "her number is 123-45-6789",
  "Referral for J.\nDOB 1/2/1990\nThanks",
];

const accepted = [
  "3/15 after 5 pm",
  "Can she start 3/15? Best after 5 pm.",
  "Call me at (555) 010-0100 or 555-010-0100.",
  "+1 555 010 0100, ext. 12",
  "Our office is in ZIP 60601.",
  "ZIP 60601-1234",
  "Our group sees ages 18–25.",
  "ages 18-25",
  "Patient born in 1990, referred for evening IOP.",
  "born and raised in Springfield",
  "I will fax the DOB and MRN separately.",
  "Records to follow by secure fax.",
  "Seen on 01/02/2026 for follow-up.",
  "Medical records available on request.",
  "Patient is 34.",
  "Fax (555) 010-0102, 9 am to 5 pm",
  "Our practice ID is pending.",
  "Reference 2026-11 cohort",
  "A 30-day supply of naltrexone",
  "",
];

describe("looksLikePatientIdentifier: the corpus", () => {
  it.each(refused)("refuses %j", (text) => {
    expect(looksLikePatientIdentifier(text)).toBe(true);
  });

  it.each(accepted)("accepts %j", (text) => {
    expect(looksLikePatientIdentifier(text)).toBe(false);
  });

  it("answers quickly on long hostile text (no catastrophic backtracking)", () => {
    for (const unit of ["DOB ", "MRN 1-", "born 1/", "1-", "d.o.", "social security ", "12-34-"]) {
      const text = unit.repeat(Math.ceil(50_000 / unit.length));
      const start = performance.now();
      looksLikePatientIdentifier(text);
      expect(performance.now() - start, unit).toBeLessThan(200);
    }
  });
});
