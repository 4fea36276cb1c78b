// Testi delle pagine dei flussi UniEmens-Cig (pagamento diretto). Le cause e i rimedi di ogni codice sono nel
// catalogo degli errori (app/domain/flussi/catalogo-errori.ts), pubblicato in docs/flussi.
export const messaggiFlussi = {
  titoloElenco: "Flussi UniEmens-Cig",
  introElenco:
    "Invia qui i dati per il pagamento diretto dell'integrazione salariale: un file XML secondo lo schema pubblicato, o lo stesso contenuto in CSV. Un intermediario può inviare un solo file per tutte le aziende delegate.",
  notaNormativa: "art. 7 c.5-bis d.lgs. 148/2015; msg INPS 2902/2022",
  etichettaFile: "File del flusso",
  suggerimentoFile: "XML o CSV, codifica UTF-8, fino a 50 MB e 100.000 denunce.",
  pulsanteVerifica: "Verifica senza inviare",
  pulsanteInvia: "Invia il flusso",
  pulsanteVerificaCsv: "Verifica e scarica il rapporto (CSV)",
  spiegazioneVerifica:
    "La verifica fa gli stessi controlli dell'invio e non salva nulla. La pagina della verifica elenca i primi 1.000 errori e i primi 1.000 avvisi; il rapporto in CSV li contiene tutti.",
  tipoErrore: "Errore",
  tipoAvviso: "Avviso",
  fileMancante: "Scegli il file del flusso da inviare",
  formatoFile: "Il file deve essere un XML (.xml) o un CSV (.csv)",
  unSoloFile: "Invia un file alla volta",
  nessunFlusso: "Non hai ancora inviato flussi.",
  titoloRapporto: "Esito del flusso",
  titoloVerifica: "Esito della verifica (nulla è stato inviato)",
  scaricaScarti: "Scarica le righe scartate (CSV)",
  /** A dry run's report lists up to `elencate` entries of each kind: how many more it found. */
  scartiNonElencati: (elencate: string, altre: string) =>
    `Sono elencati i primi ${elencate} errori. Il file ne ha altri ${altre}, non elencati qui: per averli tutti scegli di nuovo il file qui sotto e usa «Verifica e scarica il rapporto (CSV)».`,
  avvisiNonElencati: (elencati: string, altri: string) =>
    `Sono elencati i primi ${elencati} avvisi. Il file ne ha altri ${altri}, non elencati qui: non fermano le denunce, e sono tutti nel rapporto in CSV.`,
  tornaAiFlussi: "Torna ai flussi",
  schemaEDocumentazione: "Schema, esempi e catalogo degli errori",
  titoloEliminazione: "Elimina una denuncia",
  introEliminazione:
    "Per eliminare una denuncia già accolta indicala con i dati della sua chiave, come sono scritti nel flusso: matricola, lavoratore, mese di competenza, qualifiche e tipo di contribuzione. Prima di eliminarla ti mostriamo la denuncia trovata.",
  titoloConfermaEliminazione: "Vuoi eliminare questa denuncia?",
  titoloDenunciaEliminata: "Denuncia eliminata",
  spiegazioneEliminazione:
    "Una denuncia eliminata non vale più per il pagamento diretto e le sue ore tornano disponibili; il flusso che l'ha portata resta nel tuo elenco. Puoi inviare la denuncia corretta in un nuovo flusso.",
  denunciaGiaEliminata: "Questa denuncia è già stata eliminata, forse da un'altra finestra o da un'altra persona della tua azienda: non l'abbiamo eliminata una seconda volta.",
  denunciaInPagamento:
    "Questa denuncia è già in un lotto di pagamento della Sede: non si può più eliminare. Se contiene un errore, scrivi alla Sede dalla pagina della domanda.",
  linkEliminazione: "Elimina una denuncia già accolta",
  statoFlusso: { caricamento: "In caricamento", in_coda: "In attesa del controllo", in_corso: "In elaborazione", completato: "Completato", interrotto: "Interrotto" } as const,
  titoloAvanzamento: "Controllo del flusso",
  introAvanzamento:
    "Il file è stato ricevuto e salvato per intero. Poiché contiene più di 10.000 denunce lo controlliamo dopo averlo ricevuto: puoi chiudere questa pagina e tornare più tardi dall'elenco dei flussi.",
  aggiornamentoAutomatico: "Questa pagina si aggiorna da sola ogni 5 secondi, finché il controllo non è concluso.",
  aggiornamentoManuale: "Questa pagina non si aggiorna da sola: aggiornala tu, oppure chiedi di aggiornarla automaticamente ogni 5 secondi.",
  aggiornaOra: "Aggiorna ora",
  attivaAggiornamento: "Aggiorna automaticamente ogni 5 secondi",
  fermaAggiornamento: "Ferma l'aggiornamento automatico",
  controlloConcluso: "Il controllo è concluso.",
  vaiAlRapporto: "Vai all'esito del flusso",
} as const;
