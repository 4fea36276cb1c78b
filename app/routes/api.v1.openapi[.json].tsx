// The flows API's OpenAPI document (public: it describes, it holds nothing of anyone).
import { json } from "@remix-run/node";
import { DOCUMENTO_OPENAPI } from "~/http/openapi";

export function loader() {
  return json(DOCUMENTO_OPENAPI, { headers: { "Cache-Control": "public, max-age=3600" } });
}
