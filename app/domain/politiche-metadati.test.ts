import { describe, expect, it } from "vitest";
import { applicaPolitica, ErrorePoliticaMetadati, operatoriCriticiIgnoti, unisciPolitiche } from "./politiche-metadati";

const op = (metadati: Record<string, unknown>) => ({ openid_provider: metadati });

describe("politiche dei metadati (OpenID Federation 1.0 §6.1)", () => {
  it("value, add, default: impostano, aggiungono, completano", () => {
    const politica = unisciPolitiche([
      {
        openid_provider: {
          id_token_signing_alg_values_supported: { value: ["RS256"] },
          acr_values_supported: { add: ["https://www.spid.gov.it/SpidL3"] },
          ui_locales_supported: { default: ["it"] },
          op_policy_uri: { value: null },
        },
      },
    ]);
    const r = applicaPolitica(
      op({ id_token_signing_alg_values_supported: ["RS256", "HS256"], acr_values_supported: ["https://www.spid.gov.it/SpidL2"], op_policy_uri: "x" }),
      politica,
    );
    expect(r.openid_provider).toEqual({
      id_token_signing_alg_values_supported: ["RS256"],
      acr_values_supported: ["https://www.spid.gov.it/SpidL2", "https://www.spid.gov.it/SpidL3"],
      ui_locales_supported: ["it"],
    });
  });

  it("add su un parametro assente lo crea; default non sovrascrive", () => {
    const r = applicaPolitica(op({ ui_locales_supported: ["en"] }), { openid_provider: { scopes_supported: { add: ["openid"] }, ui_locales_supported: { default: ["it"] } } });
    expect(r.openid_provider).toEqual({ scopes_supported: ["openid"], ui_locales_supported: ["en"] });
  });

  it("subset_of riduce all'intersezione; one_of e superset_of verificano", () => {
    const politica = {
      openid_provider: {
        request_object_signing_alg_values_supported: { subset_of: ["RS256", "RS512"] },
        token_endpoint_auth_methods_supported: { one_of: [["private_key_jwt"]], essential: true },
        response_types_supported: { superset_of: ["code"] },
      },
    };
    const r = applicaPolitica(
      op({ request_object_signing_alg_values_supported: ["RS256", "none"], token_endpoint_auth_methods_supported: ["private_key_jwt"], response_types_supported: ["code", "id_token"] }),
      politica,
    );
    expect(r.openid_provider.request_object_signing_alg_values_supported).toEqual(["RS256"]);
    expect(() => applicaPolitica(op({ token_endpoint_auth_methods_supported: ["client_secret_basic"], response_types_supported: ["code"] }), politica)).toThrow(/one_of/);
    expect(() => applicaPolitica(op({ token_endpoint_auth_methods_supported: ["private_key_jwt"], response_types_supported: ["id_token"] }), politica)).toThrow(/superset_of/);
    expect(() => applicaPolitica(op({ response_types_supported: ["code"] }), politica)).toThrow(/essenziale/);
    expect(() => applicaPolitica(op({ request_object_signing_alg_values_supported: "RS256", token_endpoint_auth_methods_supported: ["private_key_jwt"] }), politica)).toThrow(ErrorePoliticaMetadati);
  });

  it("l'input non cambia; un tipo di entità assente dalla foglia è ignorato", () => {
    const m = op({ a: ["x"] });
    const r = applicaPolitica(m, { openid_provider: { a: { add: ["y"] } }, openid_relying_party: { b: { essential: true } } });
    expect(m.openid_provider.a).toEqual(["x"]);
    expect(r).toEqual({ openid_provider: { a: ["x", "y"] } });
  });

  it("unione lungo la catena: value e default uguali o errore, add e superset_of uniti, one_of e subset_of intersecati, essential in OR", () => {
    const ta = { openid_provider: { a: { value: 1, default: 2, add: ["x"], superset_of: ["p"], one_of: ["k", "l"], subset_of: ["s", "t"], essential: false, x_custom: 1 } } };
    const sotto = { openid_provider: { a: { value: 1, default: 2, add: ["y"], superset_of: ["q"], one_of: ["l", "m"], subset_of: ["t"], essential: true, x_custom: 2 }, b: { value: "n" } } };
    expect(unisciPolitiche([ta, undefined, sotto])).toEqual({
      openid_provider: {
        a: { value: 1, default: 2, add: ["x", "y"], superset_of: ["p", "q"], one_of: ["l"], subset_of: ["t"], essential: true, x_custom: 1 },
        b: { value: "n" },
      },
    });
    expect(() => unisciPolitiche([{ openid_provider: { a: { value: 1 } } }, { openid_provider: { a: { value: 2 } } }])).toThrow(/value/);
    expect(() => unisciPolitiche([{ openid_provider: { a: { one_of: ["x"] } } }, { openid_provider: { a: { one_of: ["y"] } } }])).toThrow(/one_of/);
    expect(() => unisciPolitiche([{ openid_provider: { a: { add: "x" } } }, { openid_provider: { a: { add: ["y"] } } }])).toThrow(/array/);
  });

  it("metadata_policy_crit: gli operatori non standard elencati rendono la catena non valida", () => {
    expect(operatoriCriticiIgnoti(undefined)).toEqual([]);
    expect(operatoriCriticiIgnoti(["value", "subset_of"])).toEqual([]);
    expect(operatoriCriticiIgnoti(["regexp"])).toEqual(["regexp"]);
    expect(operatoriCriticiIgnoti("regexp")).toEqual(["metadata_policy_crit"]);
  });
});
