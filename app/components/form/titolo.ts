import { messaggiInterfaccia } from "~/testi/interfaccia";

const t = messaggiInterfaccia.titoli;

/**
 * Titolo del documento per `meta`: "Errore: Accedi — OMNIA IS" quando la pagina mostra errori, così chi usa
 * uno screen reader sa subito, dal titolo, che l'invio non è andato a buon fine (GOV.UK).
 */
export function titolo(base: string, conErrori = false): string {
  return `${conErrori ? t.prefissoErrore : ""}${base}${t.suffisso}`;
}
