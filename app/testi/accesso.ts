// Messages of sign-in, profiles, authorisation and CSRF.
export const messaggiAccesso = {
  titoloAccedi: "Accedi",
  accediConIdentitaDigitale: "Accedi con SPID o CIE",
  introAccedi:
    "Per presentare domande, consultarle o istruire pratiche accedi con la tua identità digitale: SPID di livello 2 o superiore oppure Carta d'Identità Elettronica (CIE 3.0).",
  fornitoreDimostrativo: "Ambiente dimostrativo: identità di prova",
  sessioneScaduta: "La sessione è scaduta o non è valida. Accedi di nuovo.",
  titoloProfilo: "Scegli il profilo",
  introProfilo: "Hai più profili. Scegli per conto di chi operare: potrai cambiarlo in ogni momento da \"Cambia profilo\".",
  profiloNonValido: "Scegli uno dei profili elencati.",
  nessunProfilo:
    "Alla tua identità non è associato alcun profilo abilitato ai servizi OMNIA IS. Se sei un datore di lavoro verifica di essere il legale rappresentante registrato presso l'INPS; se sei un intermediario verifica le deleghe.",
  csrfTitolo: "Richiesta non valida",
  csrfTesto:
    "Per la tua sicurezza non abbiamo eseguito l'operazione: la richiesta non proviene da una pagina di questo servizio oppure la pagina era scaduta. Torna indietro, ricarica la pagina e riprova.",
  incaricato: "Incaricato dell'azienda",
  ruoli: {
    datore: "Datore di lavoro",
    intermediario: "Intermediario",
    operatore_sede: "Operatore di sede",
    dirigente_sede: "Dirigente di sede",
  },
} as const;
