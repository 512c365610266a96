/**
 * Word lists for attribution. Kept as data in one place so the extractors stay generic; every list
 * is lower-case and matched against lower-cased text.
 */

/** Reporting verbs that take a content clause or a quotation (all inflected forms listed). */
const REPORTING_LEMMAS: Readonly<Record<string, readonly string[]>> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  state: ['state', 'states', 'stated', 'stating'],
  add: ['add', 'adds', 'added', 'adding'],
  stress: ['stress', 'stresses', 'stressed', 'stressing'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  allege: ['allege', 'alleges', 'alleged', 'alleging'],
  report: ['report', 'reports', 'reported', 'reporting'],
  write: ['write', 'writes', 'wrote', 'writing'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  remark: ['remark', 'remarks', 'remarked', 'remarking'],
  reveal: ['reveal', 'reveals', 'revealed', 'revealing'],
  confirm: ['confirm', 'confirms', 'confirmed', 'confirming'],
  note: ['note', 'notes', 'noted', 'noting'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  indicate: ['indicate', 'indicates', 'indicated', 'indicating'],
  suggest: ['suggest', 'suggests', 'suggested', 'suggesting'],
  estimate: ['estimate', 'estimates', 'estimated', 'estimating'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  assert: ['assert', 'asserts', 'asserted', 'asserting'],
  predict: ['predict', 'predicts', 'predicted', 'predicting'],
  promise: ['promise', 'promises', 'promised', 'promising'],
  respond: ['respond', 'responds', 'responded', 'responding'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  comment: ['comment', 'comments', 'commented', 'commenting'],
  recall: ['recall', 'recalls', 'recalled', 'recalling'],
  concede: ['concede', 'concedes', 'conceded', 'conceding'],
  observe: ['observe', 'observes', 'observed', 'observing'],
  emphasize: ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised', 'emphasising'],
  urge: ['urge', 'urges', 'urged', 'urging'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  contend: ['contend', 'contends', 'contended', 'contending'],
  believe: [],
};

/** Verbs that characterise something with a quoted term: “called it "a non-starter"”. */
const CHARACTERISING_LEMMAS: Readonly<Record<string, readonly string[]>> = {
  call: ['call', 'calls', 'called', 'calling'],
  describe: ['describe', 'describes', 'described', 'describing'],
  characterise: ['characterise', 'characterises', 'characterised', 'characterising', 'characterize', 'characterizes', 'characterized', 'characterizing'],
  label: ['label', 'labels', 'labelled', 'labeled', 'labelling', 'labeling'],
  blame: ['blame', 'blames', 'blamed', 'blaming'],
  term: ['termed'],
};

function invert(table: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [lemma, forms] of Object.entries(table)) for (const f of forms) map.set(f, lemma);
  return map;
}

export const REPORTING_VERBS = invert(REPORTING_LEMMAS);
export const CHARACTERISING_VERBS = invert(CHARACTERISING_LEMMAS);

/** Reporting verbs that introduce a quotation but rarely a bare content clause. */
export const QUOTE_ONLY_VERBS: ReadonlySet<string> = new Set(['add', 'tweet', 'write', 'remark', 'urge', 'ask', 'reply', 'respond', 'comment']);

/** Forms that are nouns or adjectives more often than verbs when not right after the subject. */
export const WEAK_CUE_FORMS: ReadonlySet<string> = new Set([
  'report', 'reports', 'state', 'states', 'note', 'notes', 'comment', 'comments', 'remarks', 'claim', 'claims',
  'warning', 'promise', 'estimate', 'estimates', 'call', 'calls', 'tweet', 'tweets', 'saying', 'reporting',
  'writing', 'adding', 'stating', 'warning', 'promising', 'asking', 'blaming', 'calling', 'describing',
]);

/** Heads of descriptions that stand for an unnamed source. */
export const ANONYMOUS_HEADS: ReadonlySet<string> = new Set([
  'source', 'sources', 'official', 'officials', 'diplomat', 'diplomats', 'spokesman', 'spokeswoman', 'spokesperson',
  'witness', 'witnesses', 'eyewitness', 'eyewitnesses', 'resident', 'residents', 'activist', 'activists',
  'authorities', 'insider', 'insiders', 'person', 'people', 'member', 'members', 'aide', 'aides', 'observer',
  'observers', 'analyst', 'analysts', 'expert', 'experts', 'scientists', 'researchers', 'victim', 'victims',
  'representative', 'representatives', 'associates', 'officer', 'reports', 'someone', 'media', 'outlets',
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
