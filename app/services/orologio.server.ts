// The platform's "today" for the rules (filing date, delega validity). In tests and demos it can be frozen with
// OMNIA_ORA_FISSA (an ISO instant) so that reference scenarios dated in the past replay as on their day; in
// production it is ignored unless the demo identities are on (DEMO_LOGIN=1, a demo environment). Sessions and the
// audit log always use the real clock.
import { oggiRoma, type DataISO } from "~/domain/date";

export function adesso(env = process.env): Date {
  const fissa = env.OMNIA_ORA_FISSA;
  if (fissa && (env.NODE_ENV !== "production" || env.DEMO_LOGIN === "1")) {
    const d = new Date(fissa);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

export function oggi(env = process.env): DataISO {
  return oggiRoma(adesso(env));
}
