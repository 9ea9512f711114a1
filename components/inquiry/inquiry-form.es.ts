/** The Spanish pages' form module (public/assets/inquiry-form-es.js): the shared script with the Spanish words. */
import { inquiryText } from "@/lib/i18n/inquiry.es";
import { localePath } from "@/lib/i18n/locales";
import { THANKS_PATH } from "@/lib/inquiries/paths";
import { startInquiryForm } from "./enhance-inquiry-form";

startInquiryForm(inquiryText, localePath("es", THANKS_PATH));
