import { it } from "vitest";
import { validateInquiry } from "@/lib/inquiries/schema";
const base = { role: "self", name: "Ann", phone: "555-010-0100", contactMethod: "phone", bestTime: "any", voicemailOk: false, textOk: false, language: "en", consent: true };
it("scratch", () => {
  console.log(JSON.stringify(validateInquiry(base)));
  console.log(JSON.stringify(validateInquiry({ ...base, name: "", phone: undefined, consent: false })));
  console.log(JSON.stringify(validateInquiry({ ...base, role: undefined })));
  for (const v of ["a".repeat(100_000), "a-".repeat(50_000), "1a-".repeat(33_000), "ab12-".repeat(20000)]) {
    for (const f of ["name", "insurance", "organization", "message", "email", "phone"]) {
      const t = Date.now();
      const r = validateInquiry({ ...base, [f]: v });
      console.log(f, v.slice(0, 5), Date.now() - t, JSON.stringify(r).slice(0, 200));
    }
  }
});
