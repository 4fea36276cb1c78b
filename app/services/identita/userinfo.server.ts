// The provider's userinfo answer as SPID and CIE send it (SPID/CIE OpenID Connect technical rules, "UserInfo
// Endpoint": «Il contenuto del corpo della Response DEVE essere un JWT firmato e cifrato»; "Algoritmi crittografici"):
// a JWE (key management RSA-OAEP-256 or RSA-OAEP, content A256CBC-HS512 or A128CBC-HS256) to the platform's `cifratura`
// key, holding a JWS signed by the provider with a key of its federation metadata (`openid_provider.jwks`), whose
// `iss` is the provider, `aud` the platform's client_id and `sub` the ID token's. Anything else — plain JSON, a JWS
// not encrypted, another algorithm, a key the provider's metadata do not list — is refused. jose does the work.
import { compactDecrypt, createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { chiaveDiDecifratura } from "./chiavi.server";

export const ALGORITMI_CHIAVE = ["RSA-OAEP-256", "RSA-OAEP"];
export const ALGORITMI_CONTENUTO = ["A256CBC-HS512", "A128CBC-HS256"];
const ALGORITMI_FIRMA = ["RS256", "RS512"];

export type MotivoUserinfo = "non_cifrato" | "cifratura" | "firma";

export class ErroreUserinfo extends Error {
  constructor(
    readonly motivo: MotivoUserinfo,
    messaggio: string,
  ) {
    super(messaggio);
    this.name = "ErroreUserinfo";
  }
}

export interface AttesaUserinfo {
  emittente: string;
  idCliente: string;
  /** The provider's signing keys from its trust chain's metadata. */
  jwks: JSONWebKeySet;
  /** The ID token's subject. */
  sub: string;
}

/** The claims of a userinfo answer (its body), or ErroreUserinfo. */
export async function leggiUserinfo(corpo: string, attesa: AttesaUserinfo, adesso = new Date()): Promise<Record<string, unknown>> {
  const jwe = corpo.trim();
  if (jwe.split(".").length !== 5) throw new ErroreUserinfo("non_cifrato", "la risposta userinfo non è un JWE");
  let interno: string;
  try {
    const intestazione = decodeProtectedHeader(jwe);
    if (typeof intestazione.kid !== "string") throw new Error("JWE senza kid");
    const { plaintext } = await compactDecrypt(
      jwe,
      async (h) => {
        const chiave = await chiaveDiDecifratura(String(h.kid), String(h.alg), adesso);
        if (!chiave) throw new Error(`chiave di cifratura ${String(h.kid)} sconosciuta`);
        return chiave;
      },
      { keyManagementAlgorithms: ALGORITMI_CHIAVE, contentEncryptionAlgorithms: ALGORITMI_CONTENUTO },
    );
    interno = new TextDecoder().decode(plaintext);
  } catch (e) {
    throw new ErroreUserinfo("cifratura", `userinfo non decifrabile: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const { payload } = await jwtVerify(interno, createLocalJWKSet(attesa.jwks), {
      algorithms: ALGORITMI_FIRMA,
      issuer: attesa.emittente,
      audience: attesa.idCliente,
      subject: attesa.sub,
      currentDate: adesso,
    });
    return payload as Record<string, unknown>;
  } catch (e) {
    throw new ErroreUserinfo("firma", `userinfo non firmato dal fornitore: ${e instanceof Error ? e.message : String(e)}`);
  }
}
