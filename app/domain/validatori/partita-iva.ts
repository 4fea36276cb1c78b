// Partita IVA e codice fiscale numerico delle aziende (D.P.R. 633/1972 art. 35, D.M. 23/12/1976).
import type { DataISO } from "../date";
import { validaCodiceFiscalePersona } from "./codice-fiscale";
import { nonValido, valido, type Validazione } from "./risultato";

/** Cifra di controllo sulle prime 10 cifre: dispari sommate, pari raddoppiate (−9 se > 9); (10 − somma mod 10) mod 10. */
export function cifraControlloPartitaIva(primi10: string): string {
  if (!/^\d{10}$/.test(primi10)) throw new RangeError("Servono le prime 10 cifre della partita IVA");
  let somma = 0;
  for (let i = 0; i < 10; i++) {
    const cifra = Number(primi10[i]);
    if (i % 2 === 0) {
      somma += cifra;
    } else {
      const doppio = cifra * 2;
      somma += doppio > 9 ? doppio - 9 : doppio;
    }
  }
  return String((10 - (somma % 10)) % 10);
}

export function validaPartitaIva(partitaIva: string): Validazione {
  const p = partitaIva.trim();
  if (!/^\d{11}$/.test(p)) return nonValido("La partita IVA deve avere 11 cifre");
  if (cifraControlloPartitaIva(p.slice(0, 10)) !== p[10]) {
    return nonValido("La cifra di controllo della partita IVA non è corretta");
  }
  return valido;
}

export type TipoCodiceFiscaleAzienda = "numerico" | "persona";

/** Il codice fiscale di un'azienda: 11 cifre (società) o 16 caratteri (impresa individuale). */
export function validaCodiceFiscaleAzienda(
  cf: string,
  oggi: DataISO,
): Validazione & { tipo: TipoCodiceFiscaleAzienda | null } {
  const c = cf.trim().toUpperCase();
  if (/^\d{11}$/.test(c)) {
    return { ...validaPartitaIva(c), tipo: "numerico" };
  }
  if (c.length === 16) {
    const esito = validaCodiceFiscalePersona(c, { oggi });
    return esito.valido ? { valido: true, tipo: "persona" } : { valido: false, motivo: esito.motivo, tipo: "persona" };
  }
  return { valido: false, motivo: "Il codice fiscale dell'azienda deve avere 11 cifre o 16 caratteri", tipo: null };
}
