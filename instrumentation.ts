/** Runs once when a Node.js server starts (not during the build, not in the edge runtime). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { stampPeerAddresses } = await import("./lib/http/peer-address");
  stampPeerAddresses();
  const { startDelivery } = await import("./lib/inquiries/runtime");
  await startDelivery();
}
