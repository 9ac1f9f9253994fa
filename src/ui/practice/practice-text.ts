/**
 * Every text of the practice view, in English and Dutch.
 *
 * Kept here, apart from src/i18n/messages.ts, because that catalogue belongs to the coaching layer
 * and is not this view's to edit. The keys, the `{name}` placeholders (src/i18n/template.ts, shared
 * by every catalogue) and `pt(locale, key, params)` follow that catalogue's conventions exactly, so
 * moving these entries there is a cut-and-paste plus replacing `pt` by `t`. Texts that the coach
 * produces (tone reasons, event reasons, advice) arrive as Notes and are rendered with src/i18n's
 * `renderNote`, not from here.
 *
 * The agent is addressed as "you"/"je", as in the coach's texts.
 */
import type { Locale } from '../../i18n/messages.ts';
import { fillTemplate, type PlainKeys, type TemplateArgs, type TemplateParams, type TextNote } from '../../i18n/template.ts';

export type { Locale };

const en = {
  'practiceCall.title': 'Practice call',
  'practiceCall.start': 'Start practice call',
  'practiceCall.stop': 'Stop call',
  'practiceCall.starting': 'Starting…',
  'practiceCall.stopping': 'Saving…',
  'practiceCall.status.idle': 'Not in a call',
  'practiceCall.status.live': 'Live',
  'practiceCall.status.suspended': 'Sound paused',
  'practiceCall.elapsed': 'Call time',

  'practiceCall.setup.title': 'Set-up',
  'practiceCall.setup.summary': 'Microphone: {mic} · customer: {customer}',
  'practiceCall.microphone': 'Your microphone',
  'practiceCall.microphone.default': 'Default microphone',
  'practiceCall.microphone.unnamed': 'Microphone {n}',
  'practiceCall.devices.reveal': 'Show my microphones',
  'practiceCall.devices.hint': 'Device names appear once you allow microphone access.',
  'practiceCall.customer': 'Customer source',
  'practiceCall.customer.none': 'None (only me)',
  'practiceCall.customer.device': 'A second input device',
  'practiceCall.customer.tab': 'Audio of a shared browser tab',
  'practiceCall.customer.file': 'A scenario recording (file)',
  'practiceCall.customer.sample': 'The sample call (customer side)',
  'practiceCall.customer.deviceLabel': 'Customer input device',
  'practiceCall.customer.fileLabel': 'Scenario recording',
  'practiceCall.customer.playbackHint':
    'The recording plays through your speakers and is analysed as the customer; of a stereo file the right channel. Use headphones so your microphone does not pick it up.',
  'practiceCall.customer.tabHint': 'Pick the tab with the call and tick "Share tab audio".',
  'practiceCall.processing': 'Microphone processing',
  'practiceCall.processing.hint': 'Off measures your voice as it is. Turn an option on only if your room needs it.',
  'practiceCall.processing.echoCancellation': 'Echo cancellation',
  'practiceCall.processing.noiseSuppression': 'Noise suppression',
  'practiceCall.processing.autoGainControl': 'Automatic gain',

  'practiceCall.tone.title': 'Tone',
  'practiceCall.tone.warm': 'Warm',
  'practiceCall.tone.rushed': 'Rushed',
  'practiceCall.tone.monotone': 'Monotone',
  'practiceCall.tone.neutral': 'Neutral',
  'practiceCall.tone.pending': 'No tone yet',
  'practiceCall.tone.pendingReason': 'The coach judges your tone once you have spoken for about {sec} seconds.',
  'practiceCall.tone.noCoach': 'Tone labels come from the coaching layer, which is not connected here.',
  'practiceCall.tone.moreReasons': 'More measurements ({n})',

  'practiceCall.pitch.title': 'Pitch',
  'practiceCall.pitch.label': 'Your pitch over the last {sec} seconds, in semitones around your own average of {hz} Hz.',
  'practiceCall.pitch.labelPending': 'Your pitch over the last {sec} seconds, in semitones; your average is not known yet.',
  'practiceCall.pitch.reference': '0 = your average, {hz} Hz · st = semitone',
  'practiceCall.pitch.referencePending': '0 = your average (measuring…) · st = semitone',
  'practiceCall.pitch.unit': 'st',

  'practiceCall.pace.title': 'Pace',
  'practiceCall.pace.unit': 'syllables/s',
  'practiceCall.pace.valueText': '{rate} syllables per second, {zone}',
  'practiceCall.pace.none': 'not enough speech in the last {sec} s',
  'practiceCall.pace.calm': 'calm',
  'practiceCall.pace.steady': 'steady',
  'practiceCall.pace.fast': 'fast',

  'practiceCall.level.title': 'Level',
  'practiceCall.level.agent': 'You',
  'practiceCall.level.customer': 'Customer',
  'practiceCall.level.valueText': '{db} dB full scale',
  'practiceCall.level.clipping': 'Too loud: clipping',
  'practiceCall.level.silent': 'No signal',

  'practiceCall.silence.title': 'Silence',
  'practiceCall.silence.waiting': 'Waiting for the first words',
  'practiceCall.silence.agent': 'You are speaking',
  'practiceCall.silence.customer': 'The customer is speaking',
  'practiceCall.silence.both': 'You are both speaking',
  'practiceCall.silence.gap': 'A short pause',
  'practiceCall.silence.space': 'Give room — silence is good',
  'practiceCall.silence.checkIn': 'Long silence: check whether the customer is still with you',
  'practiceCall.silence.think': 'A moment to think is fine',
  'practiceCall.silence.respond': 'The customer is waiting: say what you are doing',
  'practiceCall.silence.listening': 'You are listening — silence is good',
  'practiceCall.silence.seconds': '{sec} s',

  'practiceCall.talkShare.title': 'Talk share',
  'practiceCall.talkShare.value': 'You {agent}% · customer {customer}%',
  'practiceCall.talkShare.none': "Choose a customer source (before the call) to see each speaker's share",
  'practiceCall.talkShare.pending': 'Nobody has spoken yet',

  'practiceCall.feed.title': 'Events',
  'practiceCall.feed.empty': 'Nothing yet',
  'practiceCall.feed.silence': 'Silence of {sec} s after your turn',
  'practiceCall.feed.deadAir': 'Nobody spoke for {sec} s after the customer',
  'practiceCall.event.pause': 'Pause',
  'practiceCall.event.silence': 'Silence',
  'practiceCall.event.sigh': 'Sigh',
  'practiceCall.event.overlap': 'Talking at the same time',
  'practiceCall.event.interruption': 'Interruption',
  'practiceCall.event.backchannel': 'Short response',
  'practiceCall.event.agitation': 'Rising tension',
  'practiceCall.event.dead-air': 'Dead air',
  'practiceCall.event.ongoing': 'now',
  'practiceCall.who.agent': 'you',
  'practiceCall.who.customer': 'customer',

  'practiceCall.error.unsupported': 'This browser cannot analyse a microphone here: it needs a secure (https) page with Web Audio.',
  'practiceCall.error.permission':
    'Microphone access was refused. Allow the microphone for this site (the icon in the address bar) and press Start again.',
  'practiceCall.error.noDevice': 'No microphone was found. Connect one and press Start again.',
  'practiceCall.error.busy': 'The microphone could not be opened; another program may be using it. Close that program and try again.',
  'practiceCall.error.deviceGone': 'The chosen device is no longer available. Pick another one.',
  'practiceCall.error.sameDevice': 'Pick a different device for the customer than your own microphone.',
  'practiceCall.error.tabCancelled': 'Sharing a tab was cancelled. Share a tab again, or pick another customer source.',
  'practiceCall.error.tabNoAudio': 'The shared tab gave no audio. Share it again and tick "Share tab audio".',
  'practiceCall.error.noFile': 'Choose a scenario recording first.',
  'practiceCall.error.file': 'The scenario recording could not be read ({detail}).',
  'practiceCall.error.engine': 'The analysis could not start ({detail}).',
  'practiceCall.error.engineFailed': 'The analysis stopped unexpectedly ({detail}). The call has stopped; the recording up to {time} is kept.',
  'practiceCall.error.unplugged': 'The microphone was disconnected. The call has stopped; the recording up to {time} is kept.',
  'practiceCall.error.storageStart': 'The recording could not be started in this browser\'s storage ({detail}).',
  'practiceCall.error.storageFull':
    'The browser\'s storage is full: the recording up to {time} is saved, the {seconds} s after it not yet. The analysis goes on. Free space by deleting old sessions, or that part is lost.',
  'practiceCall.error.storageFullEnd':
    'The browser\'s storage ran full. The recording up to {time} is saved; the last {seconds} s could not be saved. The report covers the whole call.',
  'practiceCall.spaceLow':
    'Storage space is running out: room for about {minutes} more minutes of recording in this browser. The analysis goes on when it is full, but the recording stops being saved. Free space by deleting old sessions.',
  'practiceCall.error.storageRetry': 'Saving the recording is behind ({detail}); it is kept in memory and retried.',
  'practiceCall.error.storageLost': '{seconds} s of the recording could not be saved ({detail}).',
  'practiceCall.error.storageFinish': 'The recording is saved, but its report could not be stored ({detail}).',
  'practiceCall.suspended': 'The browser paused the sound, for example because the tab was in the background. Press "Resume sound" to go on.',
  'practiceCall.resume': 'Resume sound',
  'practiceCall.customerEnded': 'The customer source stopped; the call goes on with your microphone only.',
  'practiceCall.resumed.hidden':
    'The tab was in the background and the browser paused the sound for {gap} s. The call goes on; the recording has a gap of {gap} s at {time}.',
  'practiceCall.resumed.gap': 'The sound was paused for {gap} s. The call goes on; the recording has a gap of {gap} s at {time}.',
  'practiceCall.resumed.noGap': 'The sound goes on again; the recording has no gap.',
  'practiceCall.dropout.gap':
    'The sound stalled for {gap} s at {time}: the computer was too busy to keep up. The call goes on; the recording skips {missing} s there.',
  'practiceCall.dropout.late': 'The sound stalled for {gap} s at {time}: the computer was too busy to keep up. The call goes on, and the recording is complete.',
  'practiceCall.dropouts':
    'The sound has stalled {count} times, {total} s in all, the last time at {time}: the computer is too busy to keep up. Closing other programs helps. The call goes on; the recording lacks {missing} s.',
  'practiceCall.micSwitched': 'Now listening to {device}. The call and the recording went on without a break.',
  'practiceCall.micSwitchFailed': 'Switching to {device} did not work ({detail}); your previous microphone stays in use.',
  'practiceCall.microphone.inCall': 'Switch microphone',
  'practiceCall.dismiss': 'Dismiss message',

  'practiceCall.announce.started': 'Call started.',
  'practiceCall.announce.finished': 'Call stopped. The report is ready.',
  'practiceCall.finished.saved': 'The call is saved ({time} recorded). Its report is ready.',
  'practiceCall.finished.open': 'View the report',
  'practiceCall.idle.lead': 'Start a practice call: these cards then show, while you talk, your tone, silences, pace, pitch, level, talk share and what happens in the call.',
  'practiceCall.announce.tone': 'Tone: {label}.',
} as const satisfies Record<string, string>;

export type PracticeMessages = typeof en;
export type PracticeTextKey = keyof PracticeMessages;

const nl: Record<PracticeTextKey, string> = {
  'practiceCall.title': 'Oefengesprek',
  'practiceCall.start': 'Start oefengesprek',
  'practiceCall.stop': 'Stop gesprek',
  'practiceCall.starting': 'Bezig met starten…',
  'practiceCall.stopping': 'Bezig met opslaan…',
  'practiceCall.status.idle': 'Niet in gesprek',
  'practiceCall.status.live': 'Live',
  'practiceCall.status.suspended': 'Geluid gepauzeerd',
  'practiceCall.elapsed': 'Gespreksduur',

  'practiceCall.setup.title': 'Instellingen',
  'practiceCall.setup.summary': 'Microfoon: {mic} · klant: {customer}',
  'practiceCall.microphone': 'Jouw microfoon',
  'practiceCall.microphone.default': 'Standaardmicrofoon',
  'practiceCall.microphone.unnamed': 'Microfoon {n}',
  'practiceCall.devices.reveal': 'Toon mijn microfoons',
  'practiceCall.devices.hint': 'De namen van apparaten verschijnen zodra je toegang tot de microfoon geeft.',
  'practiceCall.customer': 'Bron van de klant',
  'practiceCall.customer.none': 'Geen (alleen ik)',
  'practiceCall.customer.device': 'Een tweede invoerapparaat',
  'practiceCall.customer.tab': 'Geluid van een gedeeld tabblad',
  'practiceCall.customer.file': 'Een scenario-opname (bestand)',
  'practiceCall.customer.sample': 'Het voorbeeldgesprek (kant van de klant)',
  'practiceCall.customer.deviceLabel': 'Invoerapparaat van de klant',
  'practiceCall.customer.fileLabel': 'Scenario-opname',
  'practiceCall.customer.playbackHint':
    'De opname speelt af via je speakers en wordt geanalyseerd als de klant; van een stereobestand het rechterkanaal. Gebruik een koptelefoon, zodat je microfoon haar niet oppikt.',
  'practiceCall.customer.tabHint': 'Kies het tabblad met het gesprek en vink "Tabblad-audio delen" aan.',
  'practiceCall.processing': 'Bewerking van de microfoon',
  'practiceCall.processing.hint': 'Uit meet je stem zoals hij is. Zet een optie alleen aan als je ruimte erom vraagt.',
  'practiceCall.processing.echoCancellation': 'Echo-onderdrukking',
  'practiceCall.processing.noiseSuppression': 'Ruisonderdrukking',
  'practiceCall.processing.autoGainControl': 'Automatische versterking',

  'practiceCall.tone.title': 'Toon',
  'practiceCall.tone.warm': 'Warm',
  'practiceCall.tone.rushed': 'Gehaast',
  'practiceCall.tone.monotone': 'Monotoon',
  'practiceCall.tone.neutral': 'Neutraal',
  'practiceCall.tone.pending': 'Nog geen toon',
  'practiceCall.tone.pendingReason': 'De coach beoordeelt je toon zodra je ongeveer {sec} seconden hebt gesproken.',
  'practiceCall.tone.noCoach': 'Toonlabels komen van de coachlaag, en die is hier niet aangesloten.',
  'practiceCall.tone.moreReasons': 'Meer metingen ({n})',

  'practiceCall.pitch.title': 'Toonhoogte',
  'practiceCall.pitch.label': 'Je toonhoogte in de laatste {sec} seconden, in halve tonen rond je eigen gemiddelde van {hz} Hz.',
  'practiceCall.pitch.labelPending': 'Je toonhoogte in de laatste {sec} seconden, in halve tonen; je gemiddelde is nog niet bekend.',
  'practiceCall.pitch.reference': '0 = jouw gemiddelde, {hz} Hz · ht = halve toon',
  'practiceCall.pitch.referencePending': '0 = jouw gemiddelde (wordt gemeten…) · ht = halve toon',
  'practiceCall.pitch.unit': 'ht',

  'practiceCall.pace.title': 'Tempo',
  'practiceCall.pace.unit': 'lettergrepen/s',
  'practiceCall.pace.valueText': '{rate} lettergrepen per seconde, {zone}',
  'practiceCall.pace.none': 'te weinig spraak in de laatste {sec} s',
  'practiceCall.pace.calm': 'rustig',
  'practiceCall.pace.steady': 'gelijkmatig',
  'practiceCall.pace.fast': 'snel',

  'practiceCall.level.title': 'Niveau',
  'practiceCall.level.agent': 'Jij',
  'practiceCall.level.customer': 'Klant',
  'practiceCall.level.valueText': '{db} dB onder vol bereik',
  'practiceCall.level.clipping': 'Te hard: oversturing',
  'practiceCall.level.silent': 'Geen signaal',

  'practiceCall.silence.title': 'Stilte',
  'practiceCall.silence.waiting': 'Wachten op de eerste woorden',
  'practiceCall.silence.agent': 'Jij spreekt',
  'practiceCall.silence.customer': 'De klant spreekt',
  'practiceCall.silence.both': 'Jullie spreken tegelijk',
  'practiceCall.silence.gap': 'Een korte pauze',
  'practiceCall.silence.space': 'Geef ruimte — stilte is goed',
  'practiceCall.silence.checkIn': 'Lange stilte: vraag of de klant er nog is',
  'practiceCall.silence.think': 'Even nadenken mag',
  'practiceCall.silence.respond': 'De klant wacht: zeg wat je aan het doen bent',
  'practiceCall.silence.listening': 'Je luistert — stilte is goed',
  'practiceCall.silence.seconds': '{sec} s',

  'practiceCall.talkShare.title': 'Spreektijd',
  'practiceCall.talkShare.value': 'Jij {agent}% · klant {customer}%',
  'practiceCall.talkShare.none': 'Kies (voor het gesprek) een bron voor de klant om ieders aandeel te zien',
  'practiceCall.talkShare.pending': 'Er is nog niet gesproken',

  'practiceCall.feed.title': 'Gebeurtenissen',
  'practiceCall.feed.empty': 'Nog niets',
  'practiceCall.feed.silence': 'Stilte van {sec} s na jouw beurt',
  'practiceCall.feed.deadAir': 'Niemand sprak {sec} s na de klant',
  'practiceCall.event.pause': 'Pauze',
  'practiceCall.event.silence': 'Stilte',
  'practiceCall.event.sigh': 'Zucht',
  'practiceCall.event.overlap': 'Door elkaar praten',
  'practiceCall.event.interruption': 'Onderbreking',
  'practiceCall.event.backchannel': 'Korte reactie',
  'practiceCall.event.agitation': 'Oplopende spanning',
  'practiceCall.event.dead-air': 'Dode lucht',
  'practiceCall.event.ongoing': 'nu',
  'practiceCall.who.agent': 'jij',
  'practiceCall.who.customer': 'klant',

  'practiceCall.error.unsupported': 'Deze browser kan hier geen microfoon analyseren: daarvoor is een beveiligde (https-)pagina met Web Audio nodig.',
  'practiceCall.error.permission':
    'Toegang tot de microfoon is geweigerd. Sta de microfoon toe voor deze site (het pictogram in de adresbalk) en druk opnieuw op Start.',
  'practiceCall.error.noDevice': 'Er is geen microfoon gevonden. Sluit er een aan en druk opnieuw op Start.',
  'practiceCall.error.busy': 'De microfoon kon niet worden geopend; misschien gebruikt een ander programma hem. Sluit dat programma en probeer het opnieuw.',
  'practiceCall.error.deviceGone': 'Het gekozen apparaat is niet meer beschikbaar. Kies een ander.',
  'practiceCall.error.sameDevice': 'Kies voor de klant een ander apparaat dan je eigen microfoon.',
  'practiceCall.error.tabCancelled': 'Het delen van een tabblad is geannuleerd. Deel opnieuw een tabblad, of kies een andere bron voor de klant.',
  'practiceCall.error.tabNoAudio': 'Het gedeelde tabblad gaf geen geluid. Deel het opnieuw en vink "Tabblad-audio delen" aan.',
  'practiceCall.error.noFile': 'Kies eerst een scenario-opname.',
  'practiceCall.error.file': 'De scenario-opname kon niet worden gelezen ({detail}).',
  'practiceCall.error.engine': 'De analyse kon niet starten ({detail}).',
  'practiceCall.error.engineFailed': 'De analyse is onverwacht gestopt ({detail}). Het gesprek is gestopt; de opname tot {time} is bewaard.',
  'practiceCall.error.unplugged': 'De microfoon is losgekoppeld. Het gesprek is gestopt; de opname tot {time} is bewaard.',
  'practiceCall.error.storageStart': 'De opname kon niet worden gestart in de opslag van deze browser ({detail}).',
  'practiceCall.error.storageFull':
    'De opslag van de browser is vol: de opname tot {time} is bewaard, de {seconds} s daarna nog niet. De analyse loopt door. Maak ruimte door oude sessies te verwijderen, anders gaat dat deel verloren.',
  'practiceCall.error.storageFullEnd':
    'De opslag van de browser raakte vol. De opname tot {time} is bewaard; de laatste {seconds} s konden niet worden bewaard. Het rapport gaat over het hele gesprek.',
  'practiceCall.spaceLow':
    'De opslagruimte raakt op: er is in deze browser nog plaats voor ongeveer {minutes} minuten opname. Als die vol is, loopt de analyse door maar wordt de opname niet meer bewaard. Maak ruimte door oude sessies te verwijderen.',
  'practiceCall.error.storageRetry': 'Het opslaan van de opname loopt achter ({detail}); ze blijft in het geheugen en wordt opnieuw geprobeerd.',
  'practiceCall.error.storageLost': '{seconds} s van de opname kon niet worden bewaard ({detail}).',
  'practiceCall.error.storageFinish': 'De opname is bewaard, maar het rapport kon niet worden opgeslagen ({detail}).',
  'practiceCall.suspended': 'De browser heeft het geluid gepauzeerd, bijvoorbeeld omdat het tabblad op de achtergrond stond. Druk op "Geluid hervatten" om verder te gaan.',
  'practiceCall.resume': 'Geluid hervatten',
  'practiceCall.customerEnded': 'De bron van de klant is gestopt; het gesprek gaat verder met alleen jouw microfoon.',
  'practiceCall.resumed.hidden':
    'Het tabblad stond op de achtergrond en de browser pauzeerde het geluid {gap} s lang. Het gesprek loopt weer; de opname heeft bij {time} een gat van {gap} s.',
  'practiceCall.resumed.gap': 'Het geluid was {gap} s gepauzeerd. Het gesprek loopt weer; de opname heeft bij {time} een gat van {gap} s.',
  'practiceCall.resumed.noGap': 'Het geluid loopt weer; de opname heeft geen gat.',
  'practiceCall.dropout.gap':
    'Het geluid haperde {gap} s bij {time}: de computer had het te druk om bij te blijven. Het gesprek loopt door; de opname slaat daar {missing} s over.',
  'practiceCall.dropout.late': 'Het geluid haperde {gap} s bij {time}: de computer had het te druk om bij te blijven. Het gesprek loopt door en de opname is compleet.',
  'practiceCall.dropouts':
    'Het geluid haperde al {count} keer, samen {total} s, het laatst bij {time}: de computer heeft het te druk om bij te blijven. Andere programma\'s sluiten helpt. Het gesprek loopt door; in de opname ontbreekt {missing} s.',
  'practiceCall.micSwitched': 'Er wordt nu geluisterd naar {device}. Het gesprek en de opname liepen door zonder onderbreking.',
  'practiceCall.micSwitchFailed': 'Wisselen naar {device} lukte niet ({detail}); je vorige microfoon blijft in gebruik.',
  'practiceCall.microphone.inCall': 'Andere microfoon',
  'practiceCall.dismiss': 'Melding sluiten',

  'practiceCall.announce.started': 'Gesprek gestart.',
  'practiceCall.announce.finished': 'Gesprek gestopt. Het rapport staat klaar.',
  'practiceCall.finished.saved': 'Het gesprek is bewaard ({time} opgenomen). Het rapport staat klaar.',
  'practiceCall.finished.open': 'Bekijk het rapport',
  'practiceCall.idle.lead': 'Start een oefengesprek: deze kaarten laten dan, terwijl je praat, je toon, stiltes, tempo, toonhoogte, niveau, spreektijd en gebeurtenissen zien.',
  'practiceCall.announce.tone': 'Toon: {label}.',
};

const catalogues: Readonly<Record<Locale, Readonly<Record<PracticeTextKey, string>>>> = { en, nl };

/** The parameters of text `K`: one per placeholder in its English template. */
export type PracticeParams<K extends PracticeTextKey> = TemplateParams<PracticeMessages[K]>;

/** Keys whose text has no placeholders: what lookup tables (label per state) may hold. */
export type PlainTextKey = PlainKeys<PracticeMessages>;

/** A text and its parameters, unrendered, so it can be shown in whatever locale is current. */
export type PracticeNote = TextNote<PracticeTextKey>;

/** The text `key` in `locale`, placeholders filled in; numbers formatted for the locale. */
export function pt<K extends PracticeTextKey>(locale: Locale, key: K, ...params: TemplateArgs<PracticeMessages[K]>): string {
  return fillTemplate(locale, catalogues[locale][key], params[0] ?? {});
}

/** Builds a PracticeNote with the same compile-time checks as `pt`. */
export function pnote<K extends PracticeTextKey>(key: K, ...params: TemplateArgs<PracticeMessages[K]>): PracticeNote {
  return { key, params: params[0] ?? {} };
}

export function renderPracticeNote(locale: Locale, note: PracticeNote): string {
  return fillTemplate(locale, catalogues[locale][note.key], note.params);
}

/** Every key, for the test that both languages fill the same placeholders. */
export const PRACTICE_TEXT_KEYS = Object.keys(en) as PracticeTextKey[];

/** The raw template, for that test only. */
export function practiceTemplate(locale: Locale, key: PracticeTextKey): string {
  return catalogues[locale][key];
}
