import type { AppDeps, Feature } from "../../platform/http/feature";
import { pageContext, sendPage } from "../../platform/http/pages";
import { AccessibilityPage, HomePage, PrivacyPage } from "./views";

function registerRoutes(app: Parameters<Feature["registerRoutes"]>[0], _deps: AppDeps) {
  app.get("/", { config: { access: "signed_in" } }, async (request, reply) =>
    sendPage(reply, HomePage({ ...pageContext(request, reply), role: request.staff!.role })),
  );
  app.get("/accessibility", { config: { access: "public" } }, async (request, reply) =>
    sendPage(reply, AccessibilityPage(pageContext(request, reply))),
  );
  app.get("/privacy", { config: { access: "public" } }, async (request, reply) =>
    sendPage(reply, PrivacyPage(pageContext(request, reply))),
  );
}

export const homeFeature: Feature = {
  name: "home",
  navigation: [{ href: "/", label: "nav.home", requires: "signed_in" }],
  registerRoutes,
};
