// Messages of the communications (issue 13): the domanda's thread, the inboxes, the development mail page.
export const messaggiComunicazioni = {
  testoVuoto: "Scrivi il testo del messaggio",
  testoLungo: "Il messaggio può avere al massimo 4.000 caratteri",
  inviato: "Messaggio inviato.",
  lati: { azienda: "Azienda", sede: "Sede INPS", sistema: "OMNIA IS (automatico)" },
  filoVuoto: "Non ci sono ancora messaggi su questa domanda.",
  casellaVuota: "Non ci sono messaggi.",
  casellaVuotaNonLetti: "Non ci sono messaggi da leggere.",
  notaFilo:
    "I messaggi sono visibili all'azienda, agli intermediari con delega e agli operatori della Sede competente. Per rispondere a una richiesta della Sede con documenti usa il modulo della richiesta.",
} as const;
