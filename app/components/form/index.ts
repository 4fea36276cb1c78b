// Componenti dei moduli: markup di Bootstrap Italia, errori alla maniera GOV.UK, tutto funzionante senza JS.
export { ErrorSummary, erroriDaCampi, type VoceErrore, type PropsErrorSummary } from "./ErrorSummary";
export { CampoTesto, type PropsCampoTesto } from "./CampoTesto";
export { CampoData, type PropsCampoData } from "./CampoData";
export { AreaTesto, type PropsAreaTesto } from "./AreaTesto";
export { CampoFile, type PropsCampoFile } from "./CampoFile";
export { InvolucroCampo, type AriaCampo, type PropsInvolucroCampo } from "./InvolucroCampo";
export { Selezione, type Opzione, type PropsSelezione } from "./Selezione";
export { GruppoRadio, type PropsGruppoRadio } from "./GruppoRadio";
export { GruppoCheckbox, type PropsGruppoCheckbox } from "./GruppoCheckbox";
export { idScelta, type Scelta } from "./GruppoScelte";
export { Pulsante, type PropsPulsante } from "./Pulsante";
export { titolo } from "./titolo";
export { daConform, type PropsDaConform } from "./daConform";
export { usaModuloServer } from "./usaModuloServer";
export { idErrore, idSuggerimento, type PropsCampo, type Larghezza } from "./comuni";
