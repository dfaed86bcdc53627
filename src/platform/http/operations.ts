import type { Feature } from "./feature";

/** For operators and load balancers: is the process alive, and can it reach its database? */
export const operationsFeature: Feature = {
  name: "operations",
  registerRoutes(app, { ping }) {
    app.get("/healthz", { config: { access: "public", rateLimit: false } }, async () => ({
      status: "alive",
    }));
    app.get("/readyz", { config: { access: "public", rateLimit: false } }, async (_request, reply) => {
      const reachable = await ping();
      return reply
        .code(reachable ? 200 : 503)
        .send({ status: reachable ? "ready" : "database unreachable", database: reachable ? "up" : "down" });
    });
  },
};
