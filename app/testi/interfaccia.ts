// Testi dell'interfaccia: intestazione, piè di pagina, pagine d'errore, componenti dei moduli e titoli delle
// pagine pubbliche. Il testo lungo dei documenti (manuale, dichiarazione di accessibilità, informativa privacy)
// sta nelle rispettive route: è contenuto della pagina, non un messaggio riusato altrove.
export const messaggiInterfaccia = {
  nomeServizio: "OMNIA Integrazioni Salariali",
  siglaServizio: "OMNIA IS",
  ente: "INPS — Istituto Nazionale della Previdenza Sociale",
  enteBreve: "INPS",
  taglineServizio: "Piattaforma unica delle integrazioni salariali",

  intestazione: {
    vaiAlContenuto: "Vai al contenuto principale",
    etichettaAreaUtente: "Utente collegato",
    profilo: "Profilo",
    nessunProfilo: "Nessun profilo scelto",
    cambiaProfilo: "Cambia profilo",
    messaggi: "Messaggi",
    daLeggere: (n: number) => (n === 1 ? "1 da leggere" : `${n} da leggere`),
    esci: "Esci",
    accedi: "Accedi",
    homeServizio: "OMNIA Integrazioni Salariali: pagina iniziale",
  },

  piede: {
    etichettaNavigazione: "Link utili",
    home: "Pagina iniziale",
    documenti: "Documenti e manuale utente",
    accessibilita: "Dichiarazione di accessibilità",
    tempi: "Tempi di risposta delle domande",
    privacy: "Informativa sulla privacy",
    titolare: "Istituto Nazionale della Previdenza Sociale — Via Ciro il Grande, 21 — 00144 Roma",
  },

  titoli: {
    suffisso: " — OMNIA IS",
    prefissoErrore: "Errore: ",
    home: "Integrazioni salariali: CIGO, FIS, fondi di solidarietà e CISOA",
    documenti: "Documenti",
    accessibilita: "Dichiarazione di accessibilità",
    privacy: "Informativa sul trattamento dei dati personali",
  },

  errori: {
    400: {
      titolo: "Richiesta non valida",
      testo: "Il servizio non ha potuto leggere i dati inviati: la richiesta non proviene da un modulo di questo servizio o è arrivata incompleta. Non è stato salvato nulla.",
      suggerimento: "Torna alla pagina precedente, ricaricala e invia di nuovo il modulo.",
    },
    403: {
      titolo: "Accesso non consentito",
      testo: "Non hai i permessi per vedere questa pagina con il profilo che stai usando.",
      suggerimento: "Se pensi di dover accedere, verifica il profilo scelto o le deleghe ricevute.",
    },
    404: {
      titolo: "Pagina non trovata",
      testo: "La pagina che cerchi non esiste o non è più disponibile.",
      suggerimento: "Se hai digitato l'indirizzo, controlla che sia corretto. Se hai seguito un link, la pagina potrebbe essere stata spostata.",
    },
    413: {
      titolo: "Dati inviati troppo grandi",
      testo: "I dati o i file inviati superano la dimensione che il servizio accetta per questa pagina. Non è stato salvato nulla.",
      suggerimento: "Torna alla pagina precedente e invia un file più piccolo (un documento PDF fino a 5 MB, un elenco CSV fino a 1 MB) o un testo più breve.",
    },
    429: {
      titolo: "Troppe richieste",
      testo: "Hai inviato troppe richieste in poco tempo: per proteggere il servizio e il tuo account non abbiamo eseguito l'ultima. Non è stato salvato nulla.",
      suggerimento: "Attendi un minuto e riprova.",
    },
    500: {
      titolo: "Si è verificato un errore",
      testo: "Il servizio ha avuto un problema e non ha potuto completare la richiesta.",
      suggerimento: "Riprova tra qualche minuto. I dati già salvati non sono andati persi. Se il problema continua, contatta l'assistenza indicando data e ora.",
    },
    503: {
      titolo: "Servizio temporaneamente non disponibile",
      testo: "In questo momento il servizio non riesce a raggiungere i propri archivi e non ha potuto completare la richiesta.",
      suggerimento:
        "Riprova tra qualche minuto. I dati già salvati non sono andati persi. Se stavi inviando un modulo, invialo di nuovo: una domanda inviata due volte viene registrata una volta sola.",
    },
    codice: "Codice di errore",
    tornaHome: "Torna alla pagina iniziale",
  },

  moduli: {
    titoloRiepilogoErrori: "C'è un problema",
    prefissoErrore: "Errore:",
    /** Hint of a date field: an example computed from today (never a stale date), or just the format. */
    esempioData: (data: string) => `Nel formato gg/mm/aaaa, ad esempio ${data}.`,
    formatoDataSenzaEsempio: "Nel formato gg/mm/aaaa, con le barre.",
    formatoData: "gg/mm/aaaa",
    selezionaOpzione: "Seleziona",
    facoltativo: "(facoltativo)",
  },

  home: {
    introduzione:
      "OMNIA IS è la piattaforma unica dell'INPS per le integrazioni salariali. Con un solo servizio i datori di lavoro e i loro intermediari presentano le domande di cassa integrazione e di assegno di integrazione salariale, inviano i flussi per il pagamento e seguono lo stato delle domande; gli operatori delle sedi INPS le istruiscono.",
    accedi: "Accedi al servizio",
    accediSpiegazione: "Per usare il servizio accedi con la tua identità digitale: SPID, CIE o CNS.",
    titoloDatori: "Per datori di lavoro e intermediari",
    funzioniDatori: [
      "Presentare la domanda di cassa integrazione ordinaria (CIGO), di assegno di integrazione salariale del Fondo di integrazione salariale (FIS) e dei Fondi di solidarietà bilaterali, e di cassa integrazione salariale operai agricoli (CISOA), con controlli e avvisi che guidano la compilazione.",
      "Conoscere subito la prestazione richiedibile: scegliendo codice fiscale o matricola dell'azienda, il servizio indica come «suggerita» la prestazione coerente con l'inquadramento aziendale registrato all'INPS e come «non compatibile» le altre.",
      "Trovare già compilati i dati anagrafici dell'azienda, scegliere l'unità produttiva da un elenco e selezionare i lavoratori interessati tra quelli in forza all'unità secondo i flussi UniEmens.",
      "Compilare la relazione tecnica e gli indicatori economico-finanziari direttamente nella domanda, anche per trimestri; dichiarare l'avvenuta informativa sindacale; calcolare l'indice di liquidità per chiedere il pagamento diretto.",
      "Inviare i flussi per il pagamento delle prestazioni, con controlli immediati sui dati.",
      "Consultare in «Le tue domande» lo stato e i dettagli delle domande presentate, con i cruscotti di autorizzato e fruito.",
      "Comunicare con la sede INPS su ciascuna domanda.",
    ],
    titoloOperatori: "Per gli operatori delle sedi INPS",
    funzioniOperatori: [
      "Istruire le domande di tutte le prestazioni di integrazione salariale con un solo servizio, con controlli automatici sugli stessi dati e regole usati in compilazione.",
      "Chiedere chiarimenti o documenti al datore di lavoro o all'intermediario direttamente dalla pratica.",
      "Lavorare i flussi di pagamento con ulteriori automatismi.",
    ],
    titoloAiuto: "Serve aiuto?",
    testoAiuto: "Il manuale utente spiega passo per passo come accedere e presentare una domanda.",
    linkManuale: "Leggi il manuale utente",
    testoTempi: "Quanto tempo serve all'INPS per decidere, prestazione per prestazione, negli ultimi 90 giorni:",
    linkTempi: "tempi di risposta delle domande",
  },
} as const;

export type CodiceErrore = 400 | 403 | 404 | 413 | 500 | 503;
