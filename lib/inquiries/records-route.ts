import { center } from "@/content/center";
import type { RecordsRoute } from "./schema";

/**
 * Where a professional sends patient records instead of the form, as people read the numbers: the referral line and
 * secure fax of the center's config. Server side only (the config and its validation stay out of the browser), so the
 * form carries them to its browser module in data attributes (InquiryForm.tsx).
 */
export const recordsRoute: RecordsRoute = { fax: center.referrals.secureFax.display, line: center.referrals.phone.display };
