/** The English pages' form module (public/assets/inquiry-form.js): the shared script with the English words. */
import { inquiryText } from "@/lib/i18n/inquiry.en";
import { THANKS_PATH } from "@/lib/inquiries/paths";
import { startInquiryForm } from "./enhance-inquiry-form";

startInquiryForm(inquiryText, THANKS_PATH);
