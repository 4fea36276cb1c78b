import type { MetaFunction } from "@remix-run/node";
import { titolo } from "~/components/form";
import { messaggiInterfaccia } from "~/testi/interfaccia";

export const meta: MetaFunction = () => [{ title: titolo(messaggiInterfaccia.titoli.accessibilita) }];

// Recapito per le segnalazioni: indirizzo dell'ambiente dimostrativo (dominio riservato .example), da sostituire
// con il recapito ufficiale dell'Istituto prima della pubblicazione. Non inventiamo un indirizzo inps.it.
const RECAPITO_ACCESSIBILITA = "accessibilita@omnia-is.example";
const URL_AGID = "https://form.agid.gov.it";

/** Dichiarazione di accessibilità secondo il modello AgID (Linee guida sull'accessibilità degli strumenti informatici). */
export default function DichiarazioneAccessibilita() {
  return (
    <article className="testo-leggibile">
      <h1>{messaggiInterfaccia.titoli.accessibilita}</h1>
      <p className="lead">
        L&apos;Istituto Nazionale della Previdenza Sociale (INPS) si impegna a rendere accessibile il servizio OMNIA
        Integrazioni Salariali, conformemente alla legge 9 gennaio 2004, n. 4, e al decreto legislativo 10 agosto
        2018, n. 106, che recepisce la direttiva (UE) 2016/2102.
      </p>
      <p>La presente dichiarazione si applica all&apos;applicazione web OMNIA Integrazioni Salariali (OMNIA IS).</p>

      <h2>Stato di conformità</h2>
      <p>
        Il servizio è <strong>parzialmente conforme</strong> ai requisiti previsti dall&apos;allegato A alla norma
        UNI CEI EN 301549 (che richiama le WCAG 2.1, livello AA), in ragione dei casi di non conformità e delle
        verifiche non ancora svolte elencati di seguito.
      </p>

      <h2>Come è stato verificato</h2>
      <p>Verifiche svolte:</p>
      <ul>
        <li>
          a ogni modifica del software, test automatici con axe-core (regole WCAG 2.0 e 2.1, livelli A e AA) su ogni
          pagina visitata dai test end-to-end dei percorsi utente, sia con JavaScript attivo sia con JavaScript
          disattivato; qualsiasi violazione fa fallire i test;
        </li>
        <li>
          gli stessi percorsi sono eseguiti anche con JavaScript disattivato: ogni funzione è disponibile con
          semplici moduli HTML;
        </li>
        <li>
          test sul codice HTML dei componenti dei moduli: ogni campo ha un&apos;etichetta, suggerimenti ed errori
          sono collegati al campo, gli errori sono riepilogati in cima alla pagina con un collegamento al campo;
        </li>
        <li>
          su uno schermo di telefono largo 360 pixel (360×740), con JavaScript attivo e disattivato, i test percorrono
          ogni pagina della domanda del datore di lavoro (dall&apos;accesso alla ricevuta, al dettaglio e alla
          rinuncia) e le pagine dell&apos;intermediario: ogni pagina è controllata con axe-core e misurata, e il test
          fallisce se la pagina è più larga dello schermo (scorrimento orizzontale, criterio 1.4.10). Le tabelle larghe
          scorrono dentro un riquadro con un nome, raggiungibile da tastiera;
        </li>
        <li>
          il comportamento degli errori è lo stesso con e senza JavaScript ed è verificato nei due casi: il riepilogo
          &quot;C&apos;è un problema&quot; riceve il focus, il titolo della pagina comincia con &quot;Errore:&quot;, ogni
          campo mostra il suo messaggio e conserva quanto scritto;
        </li>
        <li>
          tastiera: i test verificano che il focus vada al riepilogo degli errori e axe-core controlla che ogni area
          scorrevole sia raggiungibile da tastiera; il pulsante &quot;Esci&quot; e i riquadri delle tabelle hanno un
          indicatore di focus visibile (criterio 2.4.7);
        </li>
        <li>
          la ricevuta in PDF è un PDF con struttura (tagged): titoli, paragrafi e tabella dei lavoratori
          nell&apos;ordine di lettura, lingua italiana, titolo del documento, font incorporato. Un test la legge come un
          lettore di PDF (struttura, lingua, titolo, testo di protocollo, azienda e periodo);
        </li>
        <li>rapporto di contrasto dei colori propri del servizio calcolato sui valori di progetto (almeno 4,5:1 per il testo).</li>
      </ul>
      <p>Verifiche non ancora svolte:</p>
      <ul>
        <li>
          non è ancora stata svolta una verifica manuale completa con tecnologie assistive (lettori di schermo come
          NVDA, JAWS, VoiceOver e TalkBack, ingrandimento, comandi vocali) né test con persone con disabilità. I test
          automatici individuano solo una parte dei problemi di accessibilità: per questo il servizio non si dichiara
          pienamente conforme;
        </li>
        <li>non è stata verificata in modo sistematico, tasto per tasto, la navigazione da tastiera di ogni pagina;</li>
        <li>
          non sono stati verificati, pagina per pagina, l&apos;ingrandimento del testo al 200% e gli schermi larghi 320
          pixel (i test automatici usano 360 pixel);
        </li>
        <li>
          la ricevuta in PDF non è stata validata con uno strumento PDF/UA completo (ad esempio veraPDF) né letta con un
          lettore di schermo.
        </li>
      </ul>

      <h2>Contenuti non accessibili</h2>
      <p>Per quanto noto, i contenuti elencati di seguito non sono accessibili o non sono ancora stati verificati.</p>
      <h3>Inosservanza della legge 4/2004</h3>
      <ul>
        <li>
          La ricevuta di invio in PDF ha una struttura accessibile (tagged) ma non è stata validata con uno strumento
          PDF/UA completo; gli altri documenti PDF prodotti dal servizio (provvedimenti) non sono ancora stati
          verificati rispetto ai requisiti di accessibilità dei documenti (PDF/UA). Le stesse informazioni sono
          disponibili in formato HTML nelle pagine della domanda.
        </li>
      </ul>
      <h3>Onere sproporzionato</h3>
      <p>Nessun contenuto è escluso per onere sproporzionato.</p>
      <h3>Contenuti non soggetti alla legge</h3>
      <ul>
        <li>
          Le pagine di autenticazione dei gestori di identità SPID, CIE e CNS sono di terzi e non sono sotto il
          controllo dell&apos;Istituto.
        </li>
        <li>I documenti allegati dagli utenti alle domande.</li>
      </ul>

      <h2>Redazione della dichiarazione di accessibilità</h2>
      <p>
        La presente dichiarazione è stata redatta il <time dateTime="2026-11-26">26 novembre 2026</time>, con
        un&apos;autovalutazione effettuata direttamente dall&apos;Istituto sulla base delle verifiche descritte sopra.
        Sarà riesaminata dopo la verifica manuale con tecnologie assistive e comunque almeno una volta l&apos;anno.
      </p>

      <h2>Feedback e recapiti</h2>
      <p>
        Se incontri un problema di accessibilità o vuoi chiedere informazioni e contenuti esclusi dall&apos;ambito
        della direttiva, scrivi a <a href={`mailto:${RECAPITO_ACCESSIBILITA}`}>{RECAPITO_ACCESSIBILITA}</a>{" "}
        indicando la pagina (indirizzo o titolo), il problema riscontrato e, se vuoi, il browser e la tecnologia
        assistiva che usi. Puoi anche chiamare il Contact Center INPS: 803 164 da rete fissa (gratuito) o 06 164
        164 da cellulare. L&apos;Istituto risponde entro 30 giorni.
      </p>

      <h2>Procedura di attuazione</h2>
      <p>
        In caso di risposta insoddisfacente o di mancata risposta entro trenta giorni dalla segnalazione, puoi
        inoltrare una segnalazione al Difensore civico per il digitale presso l&apos;Agenzia per l&apos;Italia
        Digitale (AgID), ai sensi dell&apos;articolo 3-quinquies, comma 3, della legge 4/2004, con il modulo
        all&apos;indirizzo <a href={URL_AGID}>{URL_AGID}</a>.
      </p>

      <h2>Informazioni sul servizio</h2>
      <ul>
        <li>Tecnologie: HTML, CSS e, dove disponibile, JavaScript come miglioramento; nessuna funzione richiede JavaScript.</li>
        <li>Sistema di progettazione: Bootstrap Italia (Designers Italia), senza i suoi script.</li>
        <li>Standard di riferimento: WCAG 2.1 livello AA, UNI CEI EN 301549.</li>
      </ul>
    </article>
  );
}
