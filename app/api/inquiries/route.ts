import { env } from "@/lib/env";
import { handleInquiryPost } from "@/lib/inquiries/handle";
import { inquiryStore, kickDelivery } from "@/lib/inquiries/runtime";
import { renderFormPage } from "@/lib/inquiries/form-page";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleInquiryPost(request, { store: await inquiryStore(), env: env(), now: Date.now, onStored: kickDelivery, renderForm: renderFormPage });
}
