// Messages of the Sede's desk (queue, case page, checklist, internal notes, office manager view).
export const messaggiIstruttoria = {
  checklist: {
    stato: "Scegli l'esito della verifica",
    notaLunga: "La nota può avere al massimo 2.000 caratteri",
    voce: "La voce della checklist non esiste per questa domanda: ricarica la pagina",
  },
  nota: {
    vuota: "Scrivi il testo della nota",
    lunga: "La nota può avere al massimo 4.000 caratteri",
  },
  conflittoPresa:
    "Un altro operatore ha agito su questa domanda dopo che hai aperto la pagina: non l'hai presa in carico. Qui sotto trovi lo stato aggiornato.",
  conflittoChecklist:
    "Questa voce della checklist è stata modificata da un altro operatore dopo che hai aperto la pagina, oppure la domanda non è più in istruttoria. Non abbiamo salvato la tua modifica: qui sotto trovi la versione aggiornata, il testo che avevi scritto è rimasto nel modulo.",
  statoNonModificabile: "La checklist si compila quando la domanda è in istruttoria o sospesa.",
  riservato: "Riservato alla Sede: l'azienda e l'intermediario non vedono la checklist né le note.",
} as const;
