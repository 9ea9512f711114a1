import { inquiryStore } from "@/lib/inquiries/runtime";

export const dynamic = "force-dynamic";

/** Delivery health in numbers only: never an inquiry's content. 503 when anything is dead or stuck. */
export async function GET() {
  const counts = await (await inquiryStore()).counts(Date.now());
  const healthy = counts.dead === 0 && counts.unreadable === 0 && counts.oldestPendingAgeMs < 15 * 60_000;
  return Response.json({ status: healthy ? "ok" : "attention", ...counts }, { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } });
}
