// Messages of the communications (issue 13): the domanda's thread, the inboxes, the development mail page.
export const messaggiComunicazioni = {
  testoVuoto: "Scrivi il testo del messaggio",
  testoLungo: "Il messaggio può avere al massimo 4.000 caratteri",
  troppiFile: "Puoi allegare al massimo 5 documenti PDF a un messaggio",
  totaleSuperato: "I documenti insieme superano i 20 MB: allega file più piccoli",
  etichettaFile: "Documenti PDF (facoltativo)",
  suggerimentoFile: "Fino a 5 file PDF, ciascuno al massimo di 5 MB e 20 MB in tutto. Puoi sceglierne più di uno insieme.",
  inviato: "Messaggio inviato.",
  lati: { azienda: "Azienda", sede: "Sede INPS", sistema: "OMNIA IS (automatico)" },
  filoVuoto: "Non ci sono ancora messaggi su questa domanda.",
  casellaVuota: "Non ci sono messaggi.",
  casellaVuotaNonLetti: "Non ci sono messaggi da leggere.",
  notaFilo:
    "I messaggi sono visibili all'azienda, agli intermediari con delega e agli operatori della Sede competente. Ai messaggi puoi allegare documenti PDF; per rispondere a una richiesta della Sede usa il modulo della richiesta, che riprende l'istruttoria.",
} as const;
