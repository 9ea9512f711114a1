import type { Env } from "@/lib/env";
import { handleInquiryPost } from "@/lib/inquiries/handle";
import { inquiryHealth } from "@/lib/inquiries/health";
import { INQUIRY_API_PATH } from "@/lib/inquiries/paths";
import type { InquiryStore } from "@/lib/inquiries/store/contract";
import { renderInquiryFormPage } from "./inquiry-form-page";

/**
 * The requests the server entry answers itself, before Next.js sees them: the inquiry flow, which needs the
 * store, the worker and the client's address that only this process holds. Everything else is Next's.
 */
export interface OwnRouteContext {
  env: Env;
  store: InquiryStore;
  /** Wakes this process's delivery worker after an inquiry is committed. */
  kickDelivery: () => void;
  clientAddress: string;
}

type OwnRoute = { methods: readonly string[]; handle: (request: Request, ctx: OwnRouteContext) => Promise<Response> };

const routes: Record<string, OwnRoute> = {
  [INQUIRY_API_PATH]: {
    methods: ["POST"],
    handle: (request, ctx) =>
      handleInquiryPost(request, {
        store: ctx.store,
        env: ctx.env,
        now: Date.now,
        clientAddress: ctx.clientAddress,
        onStored: ctx.kickDelivery,
        renderForm: renderInquiryFormPage,
      }),
  },
  "/api/health": { methods: ["GET", "HEAD"], handle: (_request, ctx) => inquiryHealth(ctx.store, Date.now()) },
};

/** The handler for this path, or undefined when the path is Next's. */
export function ownRoute(pathname: string): ((request: Request, ctx: OwnRouteContext) => Promise<Response>) | undefined {
  const route = routes[pathname];
  if (!route) return undefined;
  return async (request, ctx) => {
    if (!route.methods.includes(request.method)) {
      return new Response(null, { status: 405, headers: { allow: route.methods.join(", "), "cache-control": "no-store" } });
    }
    return route.handle(request, ctx);
  };
}
