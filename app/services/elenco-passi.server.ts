// The task list of a draft: each step's state from its answers and the open alerts.
import { nomePrestazione, type Fondo } from "~/domain/tipi";
import { statiPassi, type ChiavePasso } from "~/passi";
import { controlliDomanda } from "./controlli-domanda.server";
import type { DomandaCaricata } from "./domande.server";

export function didascaliaDomanda({ domanda, azienda }: DomandaCaricata): string {
  return `${nomePrestazione(domanda.prestazione, (domanda.fondoCodice?.toUpperCase() as Fondo) ?? null)} — ${azienda.ragioneSociale}`;
}

export async function elencoPassi(caricata: DomandaCaricata) {
  const esiti = await controlliDomanda(caricata);
  const conAvvisi = new Set<ChiavePasso>(esiti.filter((e) => e.gravita !== "informazione").map((e) => e.passo));
  const passi = statiPassi(caricata.risposte, conAvvisi);
  return { passi, esiti, completa: passi.every((p) => p.stato === "completato" || p.stato === "con_avvisi") };
}
