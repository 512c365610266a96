/**
 * Word lists for attribution. Kept as data in one place so the extractors stay generic; every list
 * is lower-case and matched against lower-cased text.
 */

/**
 * Reporting verbs by lemma (PARC 3.0 / PolNeAR attribution cues: verbs of saying, claiming, announcing,
 * arguing, warning, telling, confirming, denying, admitting, adding, explaining, recommending, writing, posting).
 * Cognitive verbs (believe, think, hope, expect) are left out: they are seldom annotated as attributions in news
 * and would over-generate. Inflected forms are generated (regular morphology plus the irregular table below), so
 * a lemma is all a new verb needs; with the tagger's lemma on tokens the forms are not needed at all.
 */
const SPEECH_LEMMAS: readonly string[] = [
  'say', 'tell', 'state', 'add', 'stress', 'warn', 'argue', 'announce', 'insist', 'claim', 'allege', 'report', 'write',
  'tweet', 'post', 'remark', 'reveal', 'confirm', 'note', 'explain', 'acknowledge', 'admit', 'indicate', 'suggest',
  'estimate', 'declare', 'assert', 'predict', 'promise', 'respond', 'reply', 'comment', 'recall', 'concede', 'observe',
  'emphasize', 'emphasise', 'urge', 'ask', 'contend', 'mention', 'reiterate', 'repeat', 'disclose', 'deny',
  'complain', 'assure', 'reassure', 'vow', 'pledge', 'threaten', 'caution', 'advise', 'recommend', 'propose', 'testify',
  'answer', 'retort', 'counter', 'agree', 'accuse', 'joke', 'quip', 'exclaim', 'shout', 'yell', 'scream', 'whisper',
  'mutter', 'conclude', 'underline', 'underscore', 'highlight', 'affirm', 'reaffirm', 'specify', 'clarify', 'elaborate',
  'summarize', 'summarise', 'detail', 'relay', 'recount', 'inform', 'notify', 'brief', 'remind', 'boast', 'brag', 'signal',
  'hint', 'imply', 'proclaim', 'publish', 'broadcast', 'forecast', 'speculate', 'wonder', 'question', 'demand', 'request',
  'instruct', 'plead', 'appeal', 'beg', 'concur', 'object', 'protest', 'lament', 'regret', 'swear', 'guarantee', 'certify',
  'attest', 'confess', 'continue', 'offer', 'express', 'voice', 'speak', 'talk', 'posit', 'write', 'blog',
  'text', 'email', 'cable', 'telegraph', 'preach', 'lecture', 'read', 'dispute', 'rebut', 'refute', 'contradict', 'explain',
  'concede', 'theorize', 'theorise', 'surmise', 'hypothesize', 'muse', 'allow', 'counsel', 'whine', 'sigh', 'cry',
];

/** Verbs that are cues only with an explicit “that” clause (“investigators found that …”, not “found the body”). */
const THAT_ONLY_LEMMAS: readonly string[] = ['find', 'show', 'determine', 'establish', 'learn', 'point', 'allow', 'maintain'];

/** Verbs that characterise something with a quoted term in their object: “called it "a non-starter"”. */
const CHARACTERISING_LEMMAS: readonly string[] = [
  'call', 'describe', 'characterise', 'characterize', 'label', 'blame', 'term', 'dub', 'brand', 'hail', 'decry', 'condemn',
  'denounce', 'deride', 'praise', 'slam', 'criticise', 'criticize', 'dismiss', 'cite', 'thank',
  'welcome', 'applaud', 'liken', 'compare', 'suppose',
];

/** Irregular or consonant-doubling forms: lemma → [3sg, past, past participle, gerund] (blank = regular). */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['says', 'said', 'said', 'saying'], tell: ['', 'told', 'told', ''], write: ['', 'wrote', 'written', 'writing'],
  speak: ['', 'spoke', 'spoken', ''], read: ['', 'read', 'read', ''], find: ['', 'found', 'found', ''],
  show: ['', 'showed', 'shown', ''], swear: ['', 'swore', 'sworn', ''], broadcast: ['', 'broadcast', 'broadcast', ''],
  forecast: ['', 'forecast', 'forecast', ''], learn: ['', 'learned', 'learnt', ''], admit: ['', 'admitted', 'admitted', 'admitting'],
  regret: ['', 'regretted', 'regretted', 'regretting'], concur: ['', 'concurred', 'concurred', 'concurring'],
  refer: ['', 'referred', 'referred', 'referring'], label: ['', 'labelled', 'labeled', 'labelling'],
  counsel: ['', 'counselled', 'counseled', 'counselling'], beg: ['', 'begged', 'begged', 'begging'],
  quip: ['', 'quipped', 'quipped', 'quipping'], blog: ['', 'blogged', 'blogged', 'blogging'], slam: ['', 'slammed', 'slammed', 'slamming'],
  dub: ['', 'dubbed', 'dubbed', 'dubbing'], rebut: ['', 'rebutted', 'rebutted', 'rebutting'], posit: ['', 'posited', 'posited', 'positing'],
  signal: ['', 'signalled', 'signaled', 'signalling'], text: ['texts', 'texted', 'texted', 'texting'],
  cry: ['cries', 'cried', 'cried', 'crying'], deny: ['denies', 'denied', 'denied', 'denying'], reply: ['replies', 'replied', 'replied', 'replying'],
  imply: ['implies', 'implied', 'implied', 'implying'], specify: ['specifies', 'specified', 'specified', 'specifying'],
  clarify: ['clarifies', 'clarified', 'clarified', 'clarifying'], certify: ['certifies', 'certified', 'certified', 'certifying'],
  testify: ['testifies', 'testified', 'testified', 'testifying'], prophesy: ['prophesies', 'prophesied', 'prophesied', 'prophesying'],
};

/** The inflected forms of a regular English verb (plus the irregular table). */
export function inflect(lemma: string): string[] {
  const irr = IRREGULAR[lemma] ?? [];
  const third = irr[0] || (/(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`);
  const past = irr[1] || (/e$/.test(lemma) ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`);
  const part = irr[2] || past;
  const ing = irr[3] || (/(?:[^aeiou]e|ue)$/.test(lemma) && !/ee$/.test(lemma) ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`);
  return [...new Set([lemma, third, past, part, ing, irr[1] ?? '', irr[2] ?? ''].filter(Boolean))];
}

function formsOf(lemmas: readonly string[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const lemma of lemmas) for (const f of inflect(lemma)) if (!map.has(f)) map.set(f, lemma);
  return map;
}

/** Form → lemma for reporting verbs (say, says, said, saying → say). */
export const REPORTING_VERBS = formsOf([...SPEECH_LEMMAS, ...THAT_ONLY_LEMMAS]);
/** Form → lemma for characterising verbs. */
export const CHARACTERISING_VERBS = formsOf(CHARACTERISING_LEMMAS);
export const REPORTING_LEMMA_SET: ReadonlySet<string> = new Set([...SPEECH_LEMMAS, ...THAT_ONLY_LEMMAS]);
export const CHARACTERISING_LEMMA_SET: ReadonlySet<string> = new Set(CHARACTERISING_LEMMAS);
export const THAT_ONLY_VERBS: ReadonlySet<string> = new Set(THAT_ONLY_LEMMAS);

/**
 * Reporting verbs that introduce a quotation but take an indirect content clause only with an explicit “that”
 * (“he added that …”, but “…, adding "…"”; “offered condolences”, “spoke to the press: "…"”).
 */
export const QUOTE_ONLY_VERBS: ReadonlySet<string> = new Set([
  'add', 'tweet', 'write', 'post', 'urge', 'ask', 'reply', 'respond', 'comment', 'shout', 'yell', 'scream', 'exclaim',
  'whisper', 'mutter', 'quip', 'joke', 'retort', 'continue', 'offer', 'express', 'voice', 'speak', 'talk', 'plead', 'beg',
  'appeal', 'demand', 'request', 'instruct', 'question', 'wonder', 'read', 'blog', 'text', 'email', 'cable', 'telegraph',
  'preach', 'lecture', 'sigh', 'cry', 'whine', 'muse', 'counter', 'answer', 'lament', 'thank', 'welcome', 'publish',
  'broadcast', 'boast', 'brag', 'relay', 'recount', 'protest', 'object', 'swear', 'detail', 'elaborate', 'highlight',
  'allow', 'counsel', 'brief', 'hint', 'signal', 'forecast', 'guarantee', 'certify', 'attest', 'threaten',
]);

/** Verbs whose first object is the addressee (“told reporters (that) …”, “assured the public …”). */
export const TELL_LIKE_VERBS: ReadonlySet<string> = new Set([
  'tell', 'inform', 'notify', 'remind', 'assure', 'reassure', 'warn', 'brief', 'advise', 'promise', 'caution', 'urge',
  'ask', 'email', 'text', 'write', 'counsel', 'instruct',
]);

/** Noun phrases that make a “claim”/“report” an ordinary transitive verb (“claimed responsibility”, “claimed 15 lives”). */
export const NON_REPORT_OBJECTS: ReadonlySet<string> = new Set([
  'responsibility', 'credit', 'victory', 'lives', 'life', 'title', 'titles', 'seat', 'seats', 'asylum', 'ownership',
  'damages', 'compensation', 'benefits', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our',
]);

/** Forms that are nouns or adjectives more often than verbs when not right after the subject. */
export const WEAK_CUE_FORMS: ReadonlySet<string> = new Set([
  'report', 'reports', 'state', 'states', 'note', 'notes', 'comment', 'comments', 'remarks', 'claim', 'claims',
  'warning', 'promise', 'estimate', 'estimates', 'call', 'calls', 'tweet', 'tweets', 'saying', 'reporting',
  'writing', 'adding', 'stating', 'promising', 'asking', 'blaming', 'calling', 'describing', 'post', 'posts',
  'posting', 'answer', 'answers', 'demand', 'demands', 'request', 'requests', 'offer', 'offers', 'offering',
  'protest', 'protests', 'pledge', 'pledges', 'promises', 'vow', 'vows', 'joke', 'jokes', 'appeal', 'appeals',
  'question', 'questions', 'reply', 'replies', 'counter', 'object', 'objects', 'show', 'shows', 'find', 'finds',
  'detail', 'details', 'brief', 'briefs', 'briefing', 'signal', 'signals', 'hint', 'hints', 'forecast', 'forecasts',
  'broadcast', 'broadcasts', 'text', 'texts', 'email', 'emails', 'cable', 'cables', 'name', 'names', 'cry', 'cries',
  'sigh', 'reading', 'lecture', 'lectures', 'voice', 'voices', 'express', 'talk', 'talks', 'speaking', 'welcome',
  'thanks', 'praise', 'highlight', 'highlights', 'guarantee', 'guarantees', 'dispute', 'disputes', 'record',
  'continue', 'continuing', 'allow', 'threat', 'regret', 'regrets', 'learning', 'finding', 'findings', 'showing',
]);

/** Forms that are only past participles: without an auxiliary before them they are not a finite cue. */
export const PARTICIPLE_ONLY_FORMS: ReadonlySet<string> = new Set(['written', 'spoken', 'shown', 'sworn']);

/** Heads of descriptions that stand for an unnamed source. */
export const ANONYMOUS_HEADS: ReadonlySet<string> = new Set([
  'source', 'sources', 'official', 'officials', 'diplomat', 'diplomats', 'spokesman', 'spokeswoman', 'spokesperson',
  'witness', 'witnesses', 'eyewitness', 'eyewitnesses', 'resident', 'residents', 'activist', 'activists',
  'authorities', 'insider', 'insiders', 'person', 'people', 'member', 'members', 'aide', 'aides', 'observer',
  'observers', 'analyst', 'analysts', 'expert', 'experts', 'scientists', 'researchers', 'victim', 'victims',
  'representative', 'representatives', 'associates', 'officer', 'reports', 'someone', 'media', 'outlets',
  'critics', 'critic', 'workers', 'worker', 'participants', 'participant', 'writer', 'prosecutors', 'investigators',
  'supporters', 'opponents', 'protesters', 'protestors', 'locals', 'neighbours', 'neighbors', 'staff', 'employees',
  'employee', 'relatives', 'doctors', 'nurses', 'survivors', 'passengers', 'students', 'campaigners', 'lawmakers',
]);

/** Nouns naming a role or office: a phrase they head describes a person rather than naming them. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'ceo', 'cfo', 'coo', 'chairman', 'chairwoman', 'chair', 'president', 'vice-president', 'minister', 'secretary', 'director',
  'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'head', 'leader', 'governor', 'mayor', 'official', 'ambassador',
  'commissioner', 'author', 'specialist', 'expert', 'founder', 'co-founder', 'manager', 'coach', 'professor', 'editor',
  'executive', 'officer', 'general', 'commander', 'chancellor', 'premier', 'senator', 'representative', 'spokesmen',
  'analyst', 'adviser', 'advisor', 'lawyer', 'attorney', 'prosecutor', 'judge', 'inspector', 'superintendent', 'captain',
  'member', 'deputy', 'candidate', 'owner', 'partner', 'researcher', 'scientist', 'doctor', 'surgeon', 'economist',
  'correspondent', 'reporter', 'presenter', 'host', 'producer', 'father', 'mother', 'son', 'daughter', 'brother', 'sister',
  'wife', 'husband', 'friend', 'colleague', 'principal', 'teacher', 'dean', 'rector', 'bishop', 'pope', 'king', 'queen',
  'prince', 'princess', 'emir', 'sheikh', 'pastor', 'priest', 'imam', 'rabbi', 'nominee', 'envoy', 'delegate', 'aide',
]);

/** Phrases that mark a source as anonymous whatever its head. */
export const ANONYMITY_PHRASES: readonly string[] = [
  'on condition of anonymity', 'who asked not to be named', 'who declined to be named', 'speaking anonymously',
  'not authorized to speak', 'not authorised to speak', 'whom they did not name', 'who did not want to be named',
];

export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** Words that may sit between a subject and its reporting verb (“Hotak also alleged”). */
export const SUBJECT_VERB_FILLERS: ReadonlySet<string> = new Set([
  'also', 'reportedly', 'further', 'later', 'then', 'has', 'had', 'have', 'was', 'were', 'is', 'publicly', 'previously',
  'subsequently', 'again', 'repeatedly', 'earlier', 'today', 'yesterday', 'separately', 'similarly', 'however',
  'once', 'initially', 'first', 'quickly', 'explicitly', 'openly', 'would', 'will', 'did', 'does', 'not', 'never',
]);

/** Words that begin an adverbial, not a subject (“On Saturday, …”, “Speaking to AFP, …”). */
export const ADVERBIAL_STARTS: ReadonlySet<string> = new Set([
  'on', 'in', 'at', 'during', 'after', 'before', 'yesterday', 'today', 'tonight', 'last', 'earlier', 'later', 'since',
  'speaking', 'following', 'when', 'while', 'as', 'with', 'by', 'for', 'from', 'to', 'of', 'who', 'which', 'whose',
  'whom', 'where', 'meanwhile', 'however', 'but', 'and', 'also', 'then', 'per', 'upon', 'under', 'calling',
  'describing', 'according', 'previously', 'separately', 'back', 'still', 'this', 'that', 'so', 'reportedly',
]);

/** Addressees after “told” that are not part of the content clause. */
export const ADDRESSEES: readonly string[] = [
  'reporters', 'journalists', 'the press', 'the media', 'local media', 'state media', 'media', 'lawmakers',
  'the newspaper', 'a newspaper', 'the broadcaster', 'the agency', 'the news agency', 'an interviewer', 'the audience',
  'the crowd', 'parliament', 'the court', 'the jury', 'a press conference', 'the bbc', 'wikinews', 'the associated press',
  'the guardian', 'the new york times', 'the washington post', 'the verge', 'agence france-presse', 'associated press',
  'reuters', 'cnn', 'npr', 'afp', 'ap', 'bbc', 'dpa', 'xinhua', 'interfax', 'tass', 'al jazeera', 'supporters',
];

/** Reported-speech prepositional cues. */
export const PREPOSITIONAL_CUES: readonly string[] = ['according to'];

/** Time words that may follow a cue (“said on Tuesday”, “told reporters today”). */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'earlier', 'later', 'recently', 'previously', 'morning', 'evening', 'afternoon', 'week', 'month', 'year', 'night',
]);

/** Nouns that stand for a statement rather than its author (“according to a tweet by X”). */
export const STATEMENT_NOUNS: ReadonlySet<string> = new Set([
  'tweet', 'statement', 'report', 'post', 'letter', 'filing', 'press release', 'release', 'interview', 'message',
]);

/** Name particles allowed inside a proper name. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'of', 'the', 'for', 'and', 'de', 'van', 'von', 'der', 'den', 'al', 'bin', 'ibn', 'la', 'le', 'du', 'da', 'di', 'on', 'to',
]);
