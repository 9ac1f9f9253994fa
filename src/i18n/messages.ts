/**
 * Every text the coach shows, in English and Dutch. Reasons state what was measured against which
 * norm (the numbers come from src/coach/norms.ts); advice is one short, concrete step from
 * active-listening practice (Rogers & Farson 1957: listen for feeling as well as content, let the
 * speaker finish, reflect and summarise; open questions; room for silence). The agent is addressed
 * as "you"/"je" (internal coaching), the customer in quoted examples as "u".
 *
 * Placeholders are `{name}`; the Dutch text must use the same ones as the English
 * (tests/unit/coach-i18n.test.ts checks it).
 */

export type Locale = 'en' | 'nl';
export const LOCALES: readonly Locale[] = ['en', 'nl'];
/** BCP 47 tags for Intl and the `lang` attribute. */
export const LANGUAGE_TAGS: Readonly<Record<Locale, string>> = { nl: 'nl-NL', en: 'en-GB' };

const en = {
  // The agent's tone, judged over a rolling window of their speech.
  'tone.monotone.reason': 'pitch varied {sd} semitones (SD) over the last {window} s of speech; lively speech varies {low}–{high}',
  'tone.monotone.own': 'your own usual variation is {own} semitones; flat for you is under {limit}',
  'tone.monotone.advice': 'Let your voice move: stress the word that matters and let questions rise.',
  'tone.rushed.articulation': 'articulation rate {rate} syllables/s over the last {window} s of speech; above {max} sounds rushed',
  'tone.rushed.wordRate': 'about {wpm} words/min including pauses; above {max} is fast',
  'tone.rushed.own': 'your usual rate is {rate} syllables/s',
  'tone.rushed.pauses': 'pauses took {share}% of the time; under {max}% means short or missing pauses',
  'tone.rushed.advice': 'Slow down: finish a sentence, breathe, and leave a pause before the next point.',
  'tone.warm.pitch': 'varied intonation: {sd} semitones (SD), lively is {low}–{high}',
  'tone.warm.rate': 'unhurried: {rate} syllables/s, within {min}–{max}',
  'tone.warm.pauses': 'pauses present: {share}% of the time',
  'tone.warm.loudness': 'steady loudness: speech levels spread over {spread} dB (under {max})',
  'tone.warm.advice': 'This sounds warm and attentive: keep this pace and melody.',
  'tone.neutral.reason': 'pitch {sd} semitones (SD), {rate} syllables/s, pauses {share}% of the time over the last {window} s of speech',
  'tone.quiet.reason': 'you are {db} dB quieter than at the start of the call (flagged from {limit} dB)',
  'tone.quiet.advice': 'Speak up a little: the customer should not have to strain to hear you.',
  'tone.loud.reason': 'you are {db} dB louder than at the start of the call (flagged from {limit} dB)',
  'tone.loud.advice': 'Bring your volume down a little: calm and steady reassures.',

  // The conversation.
  'silence.reason': 'the customer said nothing for {sec} s after your turn (flagged from {min} s)',
  'silence.thenCustomer': 'then the customer spoke',
  'silence.thenAgent': 'then you spoke again',
  'silence.advice': 'After an open question, silence is good listening: give the customer time to think before you add anything.',
  'silence.ongoing': 'The customer is quiet. If you asked an open question, let the silence work.',
  'deadAir.reason': 'nobody spoke for {sec} s after the customer finished (flagged from {min} s; call centres use 3–5 s)',
  'deadAir.advice': 'If you need a moment, say so: "I\'ll just look that up for you."',
  'pause.reason': 'a pause of {sec} s within the turn',
  'overlap.byAgent': 'you started while the customer was talking: {sec} s of talking at the same time',
  'overlap.byCustomer': 'the customer started while you were talking: {sec} s of talking at the same time',
  'overlap.adviceAgent': 'Stop and let the customer finish, then summarise what you heard.',
  'overlap.adviceCustomer': 'The customer wants to say something: pause and let them in.',
  'interruption.byAgent': 'you started {sec} s before the customer had finished and took over the turn',
  'interruption.byCustomer': 'the customer started {sec} s before you had finished and took over the turn',
  'interruption.adviceAgent': 'Let the customer finish. Then summarise in your own words what you heard.',
  'interruption.adviceCustomer': 'The customer cut in: they may not feel heard. Ask what matters most to them.',
  'backchannel.byAgent': 'a short response ({sec} s) while the customer kept the turn',
  'backchannel.byCustomer': 'a short response from the customer ({sec} s) while you kept the turn',
  'backchannel.advice': 'Good: short responses such as "mm-hm" and "yes" show you are listening without taking over.',
  'sigh.reason': '{sec} s of breathy exhalation, fading {decay} dB, its noise falling in pitch',
  'sigh.voicedOnset': 'with a voiced onset',
  'sigh.advice': 'The customer sighed. Name the feeling: "I can hear this is frustrating for you."',
  'agitation.pitch': 'pitch {st} semitones above the customer\'s own start of the call (clear rise from {min})',
  'agitation.loudness': '{db} dB louder than at the start of the call (clear rise from {min})',
  'agitation.rate': 'speaking {pct}% faster than at the start of the call (clear rise from {min}%)',
  'agitation.advice': 'The customer sounds more tense. Stay calm and slow, acknowledge the frustration and summarise.',
  'agitation.ongoing': 'The customer is getting tense: acknowledge how they feel before you explain.',
} as const satisfies Record<string, string>;

export type Messages = typeof en;
export type MessageKey = keyof Messages;

const nl: Record<MessageKey, string> = {
  'tone.monotone.reason': 'je toonhoogte varieerde {sd} halve tonen (SD) in de laatste {window} s spraak; levendige spraak varieert {low}–{high}',
  'tone.monotone.own': 'zelf varieer je normaal {own} halve tonen; vlak is voor jou minder dan {limit}',
  'tone.monotone.advice': 'Breng meer melodie in je stem: leg de nadruk op het woord dat ertoe doet en laat vragen omhooggaan.',
  'tone.rushed.articulation': 'spreektempo {rate} lettergrepen per seconde in de laatste {window} s spraak; boven {max} klinkt gehaast',
  'tone.rushed.wordRate': 'ongeveer {wpm} woorden per minuut, pauzes meegerekend; boven {max} is snel',
  'tone.rushed.own': 'je eigen tempo is normaal {rate} lettergrepen per seconde',
  'tone.rushed.pauses': 'pauzes namen {share}% van de tijd in; onder {max}% zijn ze te kort of ontbreken ze',
  'tone.rushed.advice': 'Neem de tijd: maak je zin af, adem in en laat een pauze vallen voor je volgende punt.',
  'tone.warm.pitch': 'gevarieerde intonatie: {sd} halve tonen (SD), levendig is {low}–{high}',
  'tone.warm.rate': 'rustig tempo: {rate} lettergrepen per seconde, tussen {min} en {max}',
  'tone.warm.pauses': 'er zijn pauzes: {share}% van de tijd',
  'tone.warm.loudness': 'gelijkmatig volume: spraakniveaus binnen {spread} dB (minder dan {max})',
  'tone.warm.advice': 'Dit klinkt warm en betrokken: houd dit tempo en deze melodie vast.',
  'tone.neutral.reason': 'toonhoogte {sd} halve tonen (SD), {rate} lettergrepen per seconde, pauzes {share}% van de tijd in de laatste {window} s spraak',
  'tone.quiet.reason': 'je spreekt {db} dB zachter dan aan het begin van het gesprek (gemeld vanaf {limit} dB)',
  'tone.quiet.advice': 'Spreek iets luider: de klant moet je zonder moeite kunnen verstaan.',
  'tone.loud.reason': 'je spreekt {db} dB luider dan aan het begin van het gesprek (gemeld vanaf {limit} dB)',
  'tone.loud.advice': 'Zet je stem iets zachter: rustig en gelijkmatig stelt gerust.',

  'silence.reason': 'de klant zei {sec} s niets na jouw beurt (gemeld vanaf {min} s)',
  'silence.thenCustomer': 'daarna sprak de klant',
  'silence.thenAgent': 'daarna sprak jij weer',
  'silence.advice': 'Stilte na een open vraag is goed luisteren: geef de klant de tijd om na te denken voordat je iets toevoegt.',
  'silence.ongoing': 'De klant is stil. Heb je een open vraag gesteld? Laat de stilte dan even vallen.',
  'deadAir.reason': 'niemand sprak {sec} s nadat de klant was uitgesproken (gemeld vanaf {min} s; callcenters hanteren 3–5 s)',
  'deadAir.advice': 'Heb je even nodig? Zeg het hardop: "Ik zoek het even voor u op."',
  'pause.reason': 'een pauze van {sec} s binnen de beurt',
  'overlap.byAgent': 'je begon te praten terwijl de klant nog sprak: {sec} s door elkaar heen',
  'overlap.byCustomer': 'de klant begon te praten terwijl jij nog sprak: {sec} s door elkaar heen',
  'overlap.adviceAgent': 'Stop even en laat de klant uitpraten; vat daarna samen wat je hebt gehoord.',
  'overlap.adviceCustomer': 'De klant wil iets zeggen: houd even in en geef de klant de ruimte.',
  'interruption.byAgent': 'je begon {sec} s voordat de klant was uitgesproken en nam de beurt over',
  'interruption.byCustomer': 'de klant begon {sec} s voordat jij was uitgesproken en nam de beurt over',
  'interruption.adviceAgent': 'Laat de klant uitpraten. Vat daarna in je eigen woorden samen wat je hebt gehoord.',
  'interruption.adviceCustomer': 'De klant viel je in de rede en voelt zich misschien niet gehoord. Vraag wat voor de klant het belangrijkst is.',
  'backchannel.byAgent': 'een korte reactie ({sec} s) terwijl de klant aan het woord bleef',
  'backchannel.byCustomer': 'een korte reactie van de klant ({sec} s) terwijl jij aan het woord bleef',
  'backchannel.advice': 'Goed zo: korte reacties als "hm-hm" en "ja" laten horen dat je luistert, zonder het gesprek over te nemen.',
  'sigh.reason': '{sec} s hoorbaar uitademen, {decay} dB wegstervend, de ruis zakt in toonhoogte',
  'sigh.voicedOnset': 'met een stemhebbend begin',
  'sigh.advice': 'De klant zuchtte. Benoem het gevoel: "Ik hoor dat dit vervelend voor u is."',
  'agitation.pitch': 'toonhoogte {st} halve tonen boven die van de klant aan het begin van het gesprek (duidelijke stijging vanaf {min})',
  'agitation.loudness': '{db} dB luider dan aan het begin van het gesprek (duidelijke stijging vanaf {min})',
  'agitation.rate': 'spreekt {pct}% sneller dan aan het begin van het gesprek (duidelijke stijging vanaf {min}%)',
  'agitation.advice': 'De klant klinkt gespannener. Blijf rustig en praat niet sneller mee, erken de frustratie en vat samen.',
  'agitation.ongoing': 'De klant raakt gespannen: erken eerst het gevoel voordat je iets uitlegt.',
};

export const catalogues: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, nl };
