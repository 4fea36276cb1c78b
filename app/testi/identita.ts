// Sign-in with SPID or CIE over OpenID Connect, and the local test provider's screen (ADR 018).
export const messaggiIdentita = {
  entraConSpidCie: "Entra con SPID o CIE",
  notaLivello: "Serve SPID di livello 2 o superiore, oppure la Carta d'Identità Elettronica.",
  fornitoreProva:
    "In questo ambiente SPID e CIE sono sostituiti da un fornitore di identità locale di prova, che si comporta come quelli nazionali (OpenID Connect). Dopo «Entra con SPID o CIE» scegli una delle identità dimostrative: i dati sono fittizi.",
  fornitoreNonConfigurato:
    "L'accesso con SPID e CIE non è configurato in questo ambiente. Riprova più tardi o contatta l'assistenza.",
  livelloInsufficiente:
    "Hai effettuato l'accesso con SPID di livello 1. Per i servizi OMNIA IS serve SPID di livello 2 o superiore (nome utente, password e un secondo fattore come un codice o l'app del gestore) oppure la CIE. Accedi di nuovo scegliendo il livello 2.",
  livelloAssente:
    "Il gestore dell'identità non ha indicato il livello di sicurezza dell'accesso. Per i servizi OMNIA IS serve SPID di livello 2 o superiore oppure la CIE: accedi di nuovo.",
  codiceFiscaleAssente:
    "Il gestore dell'identità non ha comunicato il tuo codice fiscale, necessario per riconoscerti. Accedi di nuovo e acconsenti all'invio del codice fiscale.",
  utenteSconosciuto:
    "Alla tua identità digitale non è associato alcun profilo dei servizi OMNIA IS. Se sei un datore di lavoro verifica di essere il legale rappresentante registrato presso l'INPS; se sei un intermediario verifica le deleghe.",
  accessoNonRiuscito:
    "L'accesso non è andato a buon fine: la risposta del gestore dell'identità non è valida o è scaduta. Per la tua sicurezza non ti abbiamo fatto entrare. Riprova dall'inizio.",
  federazioneNonValida:
    "Non è stato possibile verificare che il gestore dell'identità faccia parte della federazione SPID o CIE: le sue dichiarazioni non sono valide, sono scadute o non risalgono a un'autorità riconosciuta. Per la tua sicurezza l'accesso è sospeso e non abbiamo registrato nulla. Riprova più tardi; se il problema continua contatta l'assistenza.",
  trustMarkRevocato:
    "Il gestore dell'identità che hai scelto non è più riconosciuto dalla federazione SPID o CIE: l'autorità che lo aveva accreditato ha revocato il suo marchio di fiducia. Per la tua sicurezza l'accesso con questo gestore è sospeso e non abbiamo registrato nulla. Accedi con un altro gestore o con la CIE.",
  trustMarkStatoIgnoto:
    "In questo momento non è possibile verificare con la federazione SPID o CIE che il gestore dell'identità sia ancora accreditato. Per la tua sicurezza l'accesso è sospeso e non abbiamo registrato nulla. Riprova tra qualche minuto; se il problema continua contatta l'assistenza.",
  sceltaFornitore: "Con quale gestore vuoi accedere?",
  sceltaFornitoreSuggerimento:
    "Sono elencati i gestori di identità digitale riconosciuti dalla federazione SPID e CIE. Scegli quello presso cui hai l'identità.",
  fornitoreNonElencato: "Scegli uno dei gestori di identità digitale elencati.",
  nessunFornitoreElencato:
    "In questo momento non è possibile ottenere dalla federazione SPID e CIE l'elenco dei gestori di identità digitale. Riprova tra qualche minuto; se il problema continua contatta l'assistenza.",
  accediCon: "Accederai con",
  troppeRisoluzioni:
    "Troppe richieste di risoluzione da questo indirizzo in poco tempo: la richiesta non è stata eseguita. Riprova dopo il numero di secondi indicato in Retry-After.",
  accessoAnnullato: "Hai annullato l'accesso presso il gestore dell'identità. Puoi riprovare quando vuoi.",
  titoloErrore: "Accesso non riuscito",
  riprova: "Riprova ad accedere",
  // The local provider's own screen.
  prova: {
    titolo: "Fornitore di identità di prova",
    intro:
      "Questa pagina sostituisce il gestore SPID o la CIE nell'ambiente dimostrativo. Scegli con quale identità fittizia accedere al servizio richiedente.",
    servizio: "Servizio che chiede l'accesso",
    consenso:
      "Il servizio chiede i dati seguenti. Scegliendo un'identità acconsenti a trasmetterli al servizio per questo accesso:",
    datiRichiesti: { given_name: "nome", family_name: "cognome", "https://attributes.eid.gov.it/fiscal_number": "codice fiscale" },
    elenco: "Identità dimostrative",
    accediCome: "Accedi come",
    codiceFiscale: "codice fiscale",
    livello1Titolo: "Provare un accesso con SPID di livello 1",
    livello1Intro:
      "Il servizio deve rifiutare un accesso di livello 1. Scegli un'identità e invia: vedrai il messaggio di rifiuto.",
    identita: "Identità",
    accediLivello1: "Accedi con SPID di livello 1",
    annulla: "Annulla e torna al servizio",
    erroreTitolo: "Errore del fornitore di identità di prova",
    erroreTesto:
      "La richiesta di accesso non è valida o è scaduta. Torna al servizio e avvia di nuovo l'accesso.",
    torna: "Torna alla pagina di accesso",
    identitaNonValida: "Scegli una delle identità elencate.",
  },
} as const;
