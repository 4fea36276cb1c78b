import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { titolo } from "~/components/form";
import { PERCORSO as PASSI, type SlugPasso } from "~/passi/percorso";
import { messaggiInterfaccia } from "~/testi/interfaccia";

export const meta: MetaFunction = () => [
  { title: titolo(messaggiInterfaccia.titoli.documenti) },
  { name: "description", content: "Manuale utente di OMNIA IS: accesso, nuova domanda passo per passo, le tue domande, deleghe." },
];

// Il manuale è una pagina HTML: si legge con ogni tecnologia assistiva, si stampa o si salva in PDF dal browser
// (gli stili di stampa tolgono intestazione e piè di pagina). Gli id delle sezioni sono stabili: altre pagine
// del servizio possono rimandare a "/documenti#pagamento".
const INDICE = [
  { id: "servizio", titolo: "Il servizio in breve" },
  { id: "accesso", titolo: "Accesso con SPID, CIE o CNS" },
  { id: "profilo", titolo: "Scelta del profilo" },
  { id: "nuova-domanda", titolo: "Nuova domanda passo per passo" },
  { id: "le-tue-domande", titolo: "Le tue domande" },
  { id: "deleghe", titolo: "Deleghe degli intermediari" },
  { id: "accessibilita", titolo: "Accessibilità" },
  { id: "assistenza", titolo: "Assistenza" },
] as const;

// The manual's list of steps comes from the step contract (app/passi): the same titles, in the same order, as the
// task list; the summary and the submission follow the steps.
const PASSI_MANUALE = [
  ...PASSI.map((p) => ({ id: p.slug as string, titolo: p.titolo })),
  { id: "riepilogo", titolo: "Riepilogo e anteprima di stampa" },
  { id: "invio", titolo: "Invio e ricevuta" },
].map((v, i) => ({ ...v, titolo: `${i + 1}. ${v.titolo}` }));

const t = (id: (typeof INDICE)[number]["id"]) => INDICE.find((v) => v.id === id)!.titolo;
const p = (id: SlugPasso | "riepilogo" | "invio") => PASSI_MANUALE.find((v) => v.id === id)?.titolo;

export default function Documenti() {
  return (
    <article className="testo-leggibile">
      <h1>Documenti: manuale utente di OMNIA Integrazioni Salariali</h1>
      <p className="lead">
        Questa guida spiega come accedere al servizio, presentare una domanda di integrazione salariale e seguirla
        fino alla decisione della sede INPS.
      </p>
      <p>
        Versione del 26 novembre 2026. Per stampare il manuale o salvarlo in PDF usa il comando Stampa del browser
        (Ctrl+P, oppure Cmd+P su Mac): la stampa contiene solo il testo del manuale.
      </p>

      <nav className="indice-documento" aria-labelledby="indice-titolo">
        <h2 id="indice-titolo" className="h5 mt-2">
          Indice
        </h2>
        <ol>
          {INDICE.map((v) => (
            <li key={v.id}>
              <a href={`#${v.id}`}>{v.titolo}</a>
              {v.id === "nuova-domanda" ? (
                <ol>
                  {PASSI_MANUALE.map((s) => (
                    <li key={s.id}>
                      <a href={`#${s.id}`}>{s.titolo.replace(/^\d+\. /, "")}</a>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="servizio">
        <h2 id="servizio">{t("servizio")}</h2>
        <p>
          OMNIA IS è la piattaforma unica dell&apos;INPS per le integrazioni salariali in costanza di rapporto di
          lavoro. Con lo stesso servizio puoi presentare la domanda di:
        </p>
        <ul>
          <li>cassa integrazione guadagni ordinaria (CIGO);</li>
          <li>assegno di integrazione salariale erogato dal Fondo di integrazione salariale (FIS);</li>
          <li>assegno di integrazione salariale erogato dai Fondi di solidarietà bilaterali gestiti dall&apos;INPS;</li>
          <li>cassa integrazione speciale operai agricoli (CISOA).</li>
        </ul>
        <p>
          Il servizio legge i dati dell&apos;azienda dalle banche dati dell&apos;Istituto, ti indica la prestazione
          coerente con l&apos;inquadramento aziendale e controlla i dati mentre compili, con messaggi che spiegano
          cosa correggere. La sede INPS competente istruisce la domanda e ti comunica la decisione.
        </p>
        <p>Possono usare il servizio:</p>
        <ul>
          <li>il datore di lavoro (legale rappresentante o titolare) per le proprie aziende;</li>
          <li>
            l&apos;intermediario abilitato (ad esempio il consulente del lavoro) per le aziende che gli hanno
            conferito una delega valida;
          </li>
          <li>gli operatori delle sedi INPS, per istruire le domande della propria sede.</li>
        </ul>
      </section>

      <section aria-labelledby="accesso">
        <h2 id="accesso">{t("accesso")}</h2>
        <p>Per accedere serve una identità digitale personale:</p>
        <ul>
          <li>SPID di livello 2 o superiore;</li>
          <li>CIE, Carta d&apos;Identità Elettronica 3.0;</li>
          <li>CNS, Carta Nazionale dei Servizi.</li>
        </ul>
        <ol>
          <li>
            Nella pagina iniziale scegli <Link to="/accedi">Accedi</Link>.
          </li>
          <li>Scegli come entrare (SPID, CIE o CNS) e segui le istruzioni del tuo gestore di identità.</li>
          <li>Al termine torni in OMNIA IS: in alto a destra vedi il tuo nome e il profilo con cui stai operando.</li>
        </ol>
        <p>
          Per la tua sicurezza la sessione si chiude dopo 30 minuti senza attività e comunque dopo 12 ore. Quando hai
          finito scegli <strong>Esci</strong> in alto a destra, soprattutto se usi un computer condiviso. I dati
          delle pagine già salvate non vanno persi.
        </p>
      </section>

      <section aria-labelledby="profilo">
        <h2 id="profilo">{t("profilo")}</h2>
        <p>
          Se hai più ruoli o rappresenti più aziende, dopo l&apos;accesso il servizio ti chiede per conto di chi vuoi
          operare, ad esempio «Datore di lavoro — Officine Meccaniche Brenta S.r.l.» oppure «Intermediario». Il
          profilo scelto resta indicato nell&apos;intestazione di ogni pagina.
        </p>
        <p>
          Per cambiarlo scegli <strong>Cambia profilo</strong> nell&apos;intestazione. Vedi solo le aziende e le
          domande che il profilo ti consente: quelle di cui sei legale rappresentante, quelle per cui hai una delega
          valida o, per gli operatori, quelle della tua sede.
        </p>
      </section>

      <section aria-labelledby="nuova-domanda">
        <h2 id="nuova-domanda">{t("nuova-domanda")}</h2>
        <p>
          La domanda è divisa in passi. Ogni passo si conferma con <strong>Continua</strong>: i dati vengono salvati
          e la domanda resta in bozza finché non la invii. Puoi interrompere in qualsiasi momento e riprendere da
          «Le tue domande». Se un dato non è corretto, in cima alla pagina compare il riquadro «C&apos;è un problema»
          con l&apos;elenco degli errori: ogni voce porta al campo da correggere.
        </p>
        <p>
          Accanto agli errori, che impediscono di proseguire, il servizio può mostrare <strong>avvisi</strong>: ad
          esempio una domanda presentata oltre il termine o un periodo che si sovrappone a una domanda già
          presentata. Gli avvisi non bloccano l&apos;invio, ma leggili con attenzione: la sede ne terrà conto.
        </p>

        <h3 id="azienda">{p("azienda")}</h3>
        <p>
          Indica l&apos;azienda con il suo codice fiscale o con la matricola INPS (10 cifre). Il servizio compila da
          solo i dati anagrafici (ragione sociale, indirizzo, codice statistico contributivo, codici di
          autorizzazione, legale rappresentante, sede INPS competente) e, in base all&apos;inquadramento registrato
          dall&apos;Istituto, mostra le prestazioni:
        </p>
        <ul>
          <li>
            <strong>suggerita</strong>: la prestazione coerente con l&apos;inquadramento dell&apos;azienda;
          </li>
          <li>
            <strong>non compatibile</strong>: una prestazione che, secondo i dati INPS, non corrisponde
            all&apos;inquadramento.
          </li>
        </ul>
        <p>
          Puoi proseguire anche con una prestazione non suggerita, se ritieni che i dati dell&apos;Istituto non siano
          aggiornati: la sede la valuterà in istruttoria. Se i dati anagrafici sono errati, correggili prima con i
          servizi per le aziende: OMNIA IS li mostra come sono registrati.
        </p>

        <h3 id="unita-produttiva">{p("unita-produttiva")}</h3>
        <p>
          Scegli dall&apos;elenco l&apos;unità produttiva interessata dalla sospensione o riduzione
          dell&apos;attività: l&apos;elenco riporta tutte le unità produttive dell&apos;azienda note all&apos;INPS,
          con indirizzo e attività. I limiti di durata delle prestazioni si calcolano per unità produttiva: per più
          unità presenta domande distinte.
        </p>
        <p>
          Indica il numero medio di lavoratori occupati nell&apos;unità nel semestre precedente, distinti per orario
          contrattuale (tempo pieno e tempo parziale): serve a verificare il limite di un terzo delle ore lavorabili.
        </p>

        <h3 id="periodo">{p("periodo")}</h3>
        <p>
          Scrivi la data di inizio e di fine del periodo nel formato gg/mm/aaaa (ad esempio 02/02/2026) e scegli la
          causale dall&apos;elenco, ad esempio mancanza di lavoro o di commesse, crisi di mercato, mancanza di
          materie prime, eventi meteo, guasti ai macchinari. Per le causali meteo indica i giorni esatti e il tipo di
          lavorazione in corso: i bollettini meteorologici li acquisisce direttamente l&apos;INPS.
        </p>
        <p>
          Indica se si tratta di sospensione (zero ore) o di riduzione dell&apos;orario, il numero di lavoratori e le
          ore richieste. Il servizio mostra subito le settimane e le ore ancora disponibili per l&apos;unità
          produttiva.
        </p>
        <p>
          <strong>Termini:</strong> la domanda di CIGO va presentata entro 15 giorni dall&apos;inizio della
          sospensione o riduzione; per gli eventi oggettivamente non evitabili entro la fine del mese successivo a
          quello dell&apos;evento. Il servizio ti avvisa se la domanda è tardiva.
        </p>

        <h3 id="lavoratori">{p("lavoratori")}</h3>
        <p>
          Seleziona i lavoratori beneficiari dall&apos;elenco di quelli in forza all&apos;unità produttiva, ricavato
          dai flussi UniEmens: per ciascuno vedi codice fiscale, nome, qualifica e data di assunzione. In alternativa
          puoi allegare il consueto elenco dei beneficiari.
        </p>
        <p>
          Il servizio segnala i lavoratori che non hanno i requisiti, ad esempio chi ha meno di 30 giorni di lavoro
          effettivo nell&apos;unità produttiva alla data della domanda (quando il requisito si applica) o i
          dirigenti, che sono esclusi.
        </p>

        <h3 id="relazione-tecnica">{p("relazione-tecnica")}</h3>
        <p>
          La relazione tecnica spiega perché l&apos;attività è stata sospesa o ridotta e dimostra che
          l&apos;azienda prevede di riprendere la normale attività. È resa come dichiarazione sostitutiva di atto di
          notorietà (art. 47 del D.P.R. 445/2000) dal legale rappresentante. Puoi:
        </p>
        <ul>
          <li>
            compilarla direttamente nella domanda, nei campi guidati (attività, cause, misure adottate, prospettive
            di ripresa) e con gli indicatori economico-finanziari, per anni interi oppure per singoli trimestri;
          </li>
          <li>oppure allegare la relazione in un file PDF, come in passato.</li>
        </ul>

        <h3 id="informativa">{p("informativa")}</h3>
        <p>
          Nei casi previsti dall&apos;art. 14 del d.lgs. 148/2015 puoi dichiarare nella domanda di aver svolto la
          procedura di informativa e consultazione sindacale, indicando la data della comunicazione e i destinatari
          (RSA o RSU e organizzazioni sindacali territoriali). Non devi allegare i documenti, ma devi conservarli:
          l&apos;INPS può chiederli per verificare quanto dichiarato.
        </p>

        <h3 id="pagamento">{p("pagamento")}</h3>
        <p>Scegli come sarà pagata la prestazione:</p>
        <ul>
          <li>
            <strong>a conguaglio</strong>: l&apos;azienda anticipa la prestazione ai lavoratori e la recupera nella
            denuncia UniEmens;
          </li>
          <li>
            <strong>pagamento diretto</strong> da parte dell&apos;INPS: è ammesso in caso di serie e documentate
            difficoltà finanziarie dell&apos;azienda.
          </li>
        </ul>
        <p>
          Se chiedi il pagamento diretto, compila la sezione sull&apos;indice di liquidità con i dati di bilancio
          richiesti (ad esempio disponibilità liquide, crediti e debiti a breve termine, rimanenze). Il servizio
          calcola subito l&apos;indice e mostra l&apos;esito della verifica: se è positivo, conferma che la modalità
          di pagamento scelta è accolta. I dati inseriti e l&apos;esito restano nella domanda, a disposizione della
          sede.
        </p>

        <h3 id="allegati">{p("allegati")}</h3>
        <p>
          Allega i documenti che servono per la causale o che hai scelto di non compilare nel modulo: relazione
          tecnica in PDF, elenco dei beneficiari, verbali dei vigili del fuoco, ordinanze della pubblica autorità,
          altri documenti utili. Ogni allegato ha una descrizione; puoi eliminarlo finché la domanda è in bozza.
        </p>

        <h3 id="riepilogo">{p("riepilogo")}</h3>
        <p>
          Prima dell&apos;invio il riepilogo mostra tutti i dati della domanda. Accanto a ogni sezione il link
          <strong> Modifica</strong> ti riporta al passo corrispondente; dopo la modifica torni al riepilogo.
        </p>
        <p>
          L&apos;anteprima di stampa mostra la domanda come sarà trasmessa: stampala o salvala in PDF con il comando
          Stampa del browser per conservarne una copia.
        </p>

        <h3 id="invio">{p("invio")}</h3>
        <p>
          Conferma le dichiarazioni richieste e scegli <strong>Invia la domanda</strong>. Dopo l&apos;invio la
          domanda non è più modificabile e il servizio mostra la ricevuta con il numero di protocollo (ticket), la
          data e l&apos;ora di invio. Conserva il ticket: collega la domanda ai periodi di integrazione salariale che
          dichiarerai nelle denunce UniEmens.
        </p>
      </section>

      <section aria-labelledby="le-tue-domande">
        <h2 id="le-tue-domande">{t("le-tue-domande")}</h2>
        <p>
          In «Le tue domande» trovi tutte le domande delle aziende che puoi gestire, con lo stato di lavorazione. Da
          ogni domanda puoi vedere i dettagli, la cronologia e i messaggi con la sede.
        </p>
        <dl>
          <dt>Bozza</dt>
          <dd>La domanda non è ancora stata inviata: puoi completarla o eliminarla.</dd>
          <dt>Inviata</dt>
          <dd>La domanda è stata protocollata e attende la presa in carico da parte della sede.</dd>
          <dt>In istruttoria</dt>
          <dd>Un operatore della sede sta esaminando la domanda.</dd>
          <dt>Sospesa</dt>
          <dd>
            La sede ti ha chiesto chiarimenti o documenti: rispondi dalla domanda entro il termine indicato nella
            richiesta (di norma 15 giorni).
          </dd>
          <dt>Autorizzata, autorizzata parzialmente o respinta</dt>
          <dd>La sede ha deciso: nella domanda trovi il provvedimento con la motivazione e, se autorizzata, il numero di autorizzazione.</dd>
          <dt>Rinunciata</dt>
          <dd>Hai rinunciato alla domanda dopo averla inviata.</dd>
        </dl>
      </section>

      <section aria-labelledby="deleghe">
        <h2 id="deleghe">{t("deleghe")}</h2>
        <p>
          L&apos;intermediario abilitato (ad esempio il consulente del lavoro) opera per le aziende che gli hanno
          conferito una delega registrata presso l&apos;INPS. In OMNIA IS vede e gestisce solo le aziende con una
          delega valida: per una domanda conta la delega valida alla data della domanda.
        </p>
        <p>
          Se un&apos;azienda non compare nell&apos;elenco, verifica che la delega sia stata registrata e non sia
          scaduta; deleghe nuove o rinnovate si gestiscono con la funzione di gestione delle deleghe dei servizi per
          intermediari.
        </p>
      </section>

      <section aria-labelledby="accessibilita">
        <h2 id="accessibilita">{t("accessibilita")}</h2>
        <p>
          Il servizio funziona anche con JavaScript disattivato, da tastiera e con i lettori di schermo. Il link «Vai
          al contenuto principale», primo elemento di ogni pagina, salta l&apos;intestazione. Puoi ingrandire il
          testo con i comandi del browser.
        </p>
        <p>
          Lo stato di conformità e il modo per segnalarci problemi sono descritti nella{" "}
          <Link to="/dichiarazione-accessibilita">dichiarazione di accessibilità</Link>.
        </p>
      </section>

      <section aria-labelledby="assistenza">
        <h2 id="assistenza">{t("assistenza")}</h2>
        <ul>
          <li>
            Per dubbi sulla domanda o sulla sua lavorazione usa i messaggi della domanda: arrivano alla sede che la
            istruisce.
          </li>
          <li>Per informazioni generali chiama il Contact Center INPS: 803 164 da rete fissa (gratuito) o 06 164 164 da cellulare.</li>
          <li>
            Se segnali un problema tecnico indica data e ora, la pagina in cui eri e, se compare, il codice di
            errore.
          </li>
        </ul>
        <p>
          Per il trattamento dei dati personali leggi l&apos;<Link to="/privacy">informativa sulla privacy</Link>.
        </p>
      </section>
    </article>
  );
}
