import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { titolo } from "~/components/form";
import { messaggiInterfaccia } from "~/testi/interfaccia";

export const meta: MetaFunction = () => [{ title: titolo(messaggiInterfaccia.titoli.privacy) }];

// I nomi dei cookie sono quelli impostati da app/http/sessione.server.ts e app/http/csrf.server.ts:
// se cambiano lì, va aggiornata questa tabella.
const COOKIE = [
  {
    nome: "omnia_sessione",
    scopo: "Ti riconosce come utente collegato tra una pagina e l'altra (cookie tecnico di sessione).",
    durata:
      "Fino all'uscita dal servizio; la sessione scade comunque dopo 30 minuti di inattività e dopo 12 ore dall'accesso.",
  },
  {
    nome: "omnia_csrf",
    scopo: "Protegge il modulo di accesso da richieste inviate da altri siti (sicurezza).",
    durata: "Fino alla chiusura del browser.",
  },
] as const;

/** Informativa sul trattamento dei dati personali (art. 13 del Regolamento (UE) 2016/679). */
export default function Privacy() {
  return (
    <article className="testo-leggibile">
      <h1>{messaggiInterfaccia.titoli.privacy}</h1>
      <p className="lead">
        Informativa resa ai sensi dell&apos;articolo 13 del Regolamento (UE) 2016/679 (GDPR) a chi usa il servizio
        OMNIA Integrazioni Salariali. Per i dati dei lavoratori che non sono raccolti presso di loro vale anche
        l&apos;articolo 14 del Regolamento.
      </p>

      <h2>Titolare del trattamento</h2>
      <p>
        Il titolare del trattamento è l&apos;Istituto Nazionale della Previdenza Sociale (INPS), con sede in Via
        Ciro il Grande 21, 00144 Roma, nella persona del legale rappresentante pro tempore.
      </p>
      <p>
        Il Responsabile della protezione dei dati (RPD) dell&apos;INPS è raggiungibile ai recapiti pubblicati nella
        sezione Privacy del sito www.inps.it.
      </p>

      <h2>Finalità del trattamento</h2>
      <ul>
        <li>
          ricevere, istruire e decidere le domande di integrazione salariale: cassa integrazione guadagni ordinaria
          (CIGO), assegno di integrazione salariale del Fondo di integrazione salariale e dei Fondi di solidarietà
          bilaterali, cassa integrazione speciale operai agricoli (CISOA);
        </li>
        <li>gestire i flussi e i pagamenti delle prestazioni e le comunicazioni tra l&apos;Istituto e i richiedenti;</li>
        <li>monitorare l&apos;uso delle prestazioni autorizzate e i tempi di lavorazione;</li>
        <li>
          garantire la sicurezza del servizio: autenticare gli utenti, verificare che ciascuno veda solo ciò che gli
          è consentito e registrare le operazioni svolte.
        </li>
      </ul>

      <h2>Base giuridica</h2>
      <p>
        Il trattamento è necessario per adempiere obblighi di legge e per eseguire compiti di interesse pubblico
        connessi all&apos;esercizio di pubblici poteri di cui è investito l&apos;Istituto (articolo 6, paragrafo 1,
        lettere c ed e, del Regolamento; articolo 2-ter del d.lgs. 196/2003), in particolare secondo il d.lgs. 14
        settembre 2015, n. 148, e la legge 8 agosto 1972, n. 457 per la CISOA.
      </p>
      <p>
        Il conferimento dei dati è necessario: senza di essi la domanda non può essere presentata né istruita.
      </p>

      <h2>Dati trattati</h2>
      <ul>
        <li>
          <strong>Utenti del servizio</strong> (datori di lavoro, intermediari, operatori INPS): nome, cognome,
          codice fiscale ricevuti dal gestore dell&apos;identità digitale (SPID, CIE o CNS), ruoli, deleghe, data e
          ora degli accessi e delle operazioni svolte.
        </li>
        <li>
          <strong>Aziende</strong>: dati anagrafici e contributivi già presenti negli archivi dell&apos;Istituto e
          quelli inseriti nella domanda (unità produttive, relazione tecnica, dati di bilancio per l&apos;indice di
          liquidità, allegati).
        </li>
        <li>
          <strong>Lavoratori beneficiari</strong>: codice fiscale, nome e cognome, qualifica, dati del rapporto di
          lavoro e dell&apos;orario, ore di integrazione salariale, dati retributivi delle denunce UniEmens e, in
          caso di pagamento diretto, le coordinate di pagamento. Questi dati provengono dalle denunce UniEmens e dal
          datore di lavoro.
        </li>
      </ul>
      <p>
        Il servizio non richiede categorie particolari di dati (ad esempio dati sulla salute): non inserirli nei
        campi di testo libero né negli allegati se non sono indispensabili.
      </p>

      <h2>Modalità del trattamento e destinatari</h2>
      <p>
        I dati sono trattati con strumenti informatici dal personale dell&apos;Istituto autorizzato e dai fornitori
        di servizi tecnologici nominati responsabili del trattamento (articolo 28 del Regolamento), con misure di
        sicurezza adeguate. Possono essere comunicati ad altre amministrazioni solo nei casi previsti dalla legge.
        I dati non sono trasferiti fuori dall&apos;Unione europea.
      </p>
      <p>
        Il servizio esegue controlli automatici che guidano la compilazione, ad esempio l&apos;indicazione della
        prestazione suggerita e il calcolo dell&apos;indice di liquidità; i dati inseriti e l&apos;esito del
        calcolo restano nella domanda e la decisione sulla domanda è presa dalla sede INPS competente dopo
        l&apos;istruttoria.
      </p>

      <h2>Conservazione</h2>
      <p>
        Le domande, i documenti e i dati delle prestazioni sono conservati per il tempo necessario alla gestione
        della prestazione e, successivamente, per i termini di prescrizione e secondo il piano di conservazione
        dei documenti dell&apos;Istituto. Le registrazioni degli accessi e delle operazioni sono conservate per il
        periodo previsto dalle misure di sicurezza dell&apos;Istituto. I dati della sessione sono cancellati
        all&apos;uscita o alla sua scadenza.
      </p>

      <h2>Cookie</h2>
      <p>
        Il servizio usa solo cookie tecnici, necessari al suo funzionamento, per i quali non è richiesto il
        consenso. Non usa cookie di profilazione né strumenti di analisi o di terze parti.
      </p>
      {/* Alike domande.$id.lavoratori.tsx's and scrivania.carichi.tsx's tables (duplicates): the same table frame; the rows are the cookies the service sets, written out for the privacy notice */}
      <table className="table">
        <caption>Cookie usati dal servizio</caption>
        <thead>
          <tr>
            <th scope="col">Nome</th>
            <th scope="col">Scopo</th>
            <th scope="col">Durata</th>
          </tr>
        </thead>
        <tbody>
          {COOKIE.map((c) => (
            <tr key={c.nome}>
              <th scope="row">
                <code>{c.nome}</code>
              </th>
              <td>{c.scopo}</td>
              <td>{c.durata}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Diritti degli interessati</h2>
      <p>
        Puoi chiedere all&apos;Istituto l&apos;accesso ai tuoi dati, la rettifica di quelli inesatti, la
        limitazione del trattamento e, nei casi previsti, opporti al trattamento (articoli 15, 16, 18 e 21 del
        Regolamento). La cancellazione (articolo 17) non si applica ai dati che l&apos;Istituto deve conservare per
        obbligo di legge. Per esercitare i diritti rivolgiti al Responsabile della protezione dei dati
        dell&apos;INPS.
      </p>
      <p>
        Se ritieni che il trattamento violi il Regolamento puoi proporre reclamo al Garante per la protezione dei
        dati personali (www.garanteprivacy.it), come previsto dall&apos;articolo 77 del Regolamento.
      </p>
      <p>
        Per sapere come usare il servizio leggi il <Link to="/documenti">manuale utente</Link>.
      </p>
    </article>
  );
}
