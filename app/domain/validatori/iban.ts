// IBAN (ISO 13616; CIN: norme ABI): italiano = formato + MOD-97 (ISO 13616, via ibantools) + CIN; estero = IBAN SEPA valido.
import { composeIBAN, isSEPACountry, isValidIBAN } from "ibantools";
import { letteraControlloDispariPari } from "./tabelle-controllo";
import { nonValido, valido, type Validazione } from "./risultato";

const IBAN_ITALIANO = /^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/;

function normalizza(iban: string): string {
  return iban.replace(/\s+/g, "").toUpperCase();
}

function verificaParti(abi: string, cab: string, conto: string): void {
  if (!/^\d{5}$/.test(abi)) throw new RangeError("L'ABI deve avere 5 cifre");
  if (!/^\d{5}$/.test(cab)) throw new RangeError("Il CAB deve avere 5 cifre");
  if (!/^[0-9A-Z]{1,12}$/.test(conto)) throw new RangeError("Il conto deve avere da 1 a 12 caratteri alfanumerici");
}

/** CIN italiano: tabelle dispari/pari del codice fiscale sui 22 caratteri ABI+CAB+conto (conto a 12, zeri a sinistra). */
export function calcolaCin(abi: string, cab: string, conto: string): string {
  const c = conto.toUpperCase();
  verificaParti(abi, cab, c);
  return letteraControlloDispariPari(abi + cab + c.padStart(12, "0"));
}

export function componiIbanItaliano(abi: string, cab: string, conto: string): string {
  const c = conto.toUpperCase().padStart(12, "0");
  const bban = calcolaCin(abi, cab, c) + abi + cab + c;
  // composeIBAN calcola le cifre di controllo ISO 13616; su un BBAN italiano ben formato non restituisce mai null.
  return composeIBAN({ countryCode: "IT", bban }) as string;
}

export function validaIban(iban: string): Validazione & { paese: string | null } {
  const i = normalizza(iban);
  const paese = /^[A-Z]{2}/.test(i) ? i.slice(0, 2) : null;
  if (paese === "IT") {
    if (!IBAN_ITALIANO.test(i)) return { ...nonValido("L'IBAN italiano deve avere 27 caratteri nel formato IT00X0000000000XXXXXXXXXXXX"), paese };
    if (!isValidIBAN(i)) return { ...nonValido("Le cifre di controllo dell'IBAN non sono corrette"), paese };
    if (calcolaCin(i.slice(5, 10), i.slice(10, 15), i.slice(15)) !== i[4]) {
      return { ...nonValido("Il CIN dell'IBAN non è corretto"), paese };
    }
    return { ...valido, paese };
  }
  if (paese === null || !isSEPACountry(paese)) {
    return { ...nonValido("L'IBAN deve essere italiano o di un paese dell'area SEPA"), paese };
  }
  if (!isValidIBAN(i)) return { ...nonValido("L'IBAN estero non è valido"), paese };
  return { ...valido, paese };
}
