/**
 * English irregular inflections (form + PTB tag → lemma) for words the training data may not
 * contain; forms seen in training are covered by the learned exception table first.
 */

// lemma: past, participle (comma-separated alternatives with "/").
const VERBS = `arise:arose:arisen awake:awoke:awoken be:was/were:been bear:bore:borne/born beat:beat:beaten
become:became:become begin:began:begun bend:bent:bent bet:bet:bet bid:bid:bid bind:bound:bound bite:bit:bitten
bleed:bled:bled blow:blew:blown break:broke:broken breed:bred:bred bring:brought:brought build:built:built
burn:burnt:burnt burst:burst:burst buy:bought:bought cast:cast:cast catch:caught:caught choose:chose:chosen
cling:clung:clung come:came:come cost:cost:cost creep:crept:crept cut:cut:cut deal:dealt:dealt dig:dug:dug
do:did:done draw:drew:drawn dream:dreamt:dreamt drink:drank:drunk drive:drove:driven eat:ate:eaten fall:fell:fallen
feed:fed:fed feel:felt:felt fight:fought:fought find:found:found flee:fled:fled fling:flung:flung fly:flew:flown
forbid:forbade:forbidden forecast:forecast:forecast foresee:foresaw:foreseen forget:forgot:forgotten
forgive:forgave:forgiven freeze:froze:frozen get:got:gotten/got give:gave:given go:went:gone grind:ground:ground
grow:grew:grown hang:hung:hung have:had:had hear:heard:heard hide:hid:hidden hit:hit:hit hold:held:held hurt:hurt:hurt
keep:kept:kept kneel:knelt:knelt know:knew:known lay:laid:laid lead:led:led lean:leant:leant leap:leapt:leapt
learn:learnt:learnt leave:left:left lend:lent:lent let:let:let lie:lay:lain light:lit:lit lose:lost:lost make:made:made
mean:meant:meant meet:met:met mislead:misled:misled mistake:mistook:mistaken overcome:overcame:overcome
overtake:overtook:overtaken overthrow:overthrew:overthrown pay:paid:paid prove:proved:proven put:put:put quit:quit:quit
read:read:read rid:rid:rid ride:rode:ridden ring:rang:rung rise:rose:risen run:ran:run say:said:said see:saw:seen
seek:sought:sought sell:sold:sold send:sent:sent set:set:set sew:sewed:sewn shake:shook:shaken shed:shed:shed
shine:shone:shone shoot:shot:shot show:showed:shown shrink:shrank:shrunk shut:shut:shut sing:sang:sung sink:sank:sunk
sit:sat:sat slay:slew:slain sleep:slept:slept slide:slid:slid speak:spoke:spoken speed:sped:sped spend:spent:spent
spin:spun:spun split:split:split spread:spread:spread spring:sprang:sprung stand:stood:stood steal:stole:stolen
stick:stuck:stuck sting:stung:stung stink:stank:stunk strike:struck:struck strive:strove:striven swear:swore:sworn
sweep:swept:swept swim:swam:swum swing:swung:swung take:took:taken teach:taught:taught tear:tore:torn tell:told:told
think:thought:thought throw:threw:thrown thrust:thrust:thrust tread:trod:trodden undergo:underwent:undergone
understand:understood:understood undertake:undertook:undertaken upset:upset:upset wake:woke:woken wear:wore:worn
weave:wove:woven weep:wept:wept win:won:won wind:wound:wound withdraw:withdrew:withdrawn withhold:withheld:withheld
withstand:withstood:withstood wring:wrung:wrung write:wrote:written`;

const NOUNS = `man:men woman:women child:children mouse:mice louse:lice foot:feet tooth:teeth goose:geese
ox:oxen criterion:criteria phenomenon:phenomena datum:data medium:media analysis:analyses crisis:crises thesis:theses
hypothesis:hypotheses basis:bases diagnosis:diagnoses axis:axes index:indices appendix:appendices matrix:matrices
cactus:cacti nucleus:nuclei stimulus:stimuli syllabus:syllabi fungus:fungi radius:radii alumnus:alumni
knife:knives wife:wives life:lives wolf:wolves leaf:leaves half:halves shelf:shelves thief:thieves loaf:loaves
calf:calves self:selves elf:elves sheaf:sheaves policeman:policemen spokesman:spokesmen chairman:chairmen
businessman:businessmen congressman:congressmen fisherman:fishermen gentleman:gentlemen
spokeswoman:spokeswomen chairwoman:chairwomen businesswoman:businesswomen`;

const ADJECTIVES = `good:better:best bad:worse:worst far:further/farther:furthest/farthest little:less:least many:more:most`;

function build(): Map<string, string> {
  const m = new Map<string, string>();
  for (const entry of VERBS.split(/\s+/)) {
    const [lemma, past, part] = entry.split(':') as [string, string, string];
    for (const f of past.split('/')) m.set(`${f}\tVBD`, lemma);
    for (const f of part.split('/')) m.set(`${f}\tVBN`, lemma);
  }
  m.set('is\tVBZ', 'be');
  m.set('are\tVBP', 'be');
  m.set('am\tVBP', 'be');
  m.set("'m\tVBP", 'be');
  m.set("'re\tVBP", 'be');
  m.set('has\tVBZ', 'have');
  m.set('does\tVBZ', 'do');
  for (const entry of NOUNS.split(/\s+/)) {
    const [lemma, plural] = entry.split(':') as [string, string];
    m.set(`${plural}\tNNS`, lemma);
  }
  for (const entry of ADJECTIVES.split(/\s+/)) {
    const [lemma, comp, sup] = entry.split(':') as [string, string, string];
    for (const f of comp.split('/')) m.set(`${f}\tJJR`, lemma);
    for (const f of sup.split('/')) m.set(`${f}\tJJS`, lemma);
  }
  m.set("n't\tRB", 'not');
  m.set("’s\tPOS", "'s");
  m.set("’s\tVBZ", 'be');
  return m;
}

/** "form\tXPOS" (form lowercased) → lemma. */
export const IRREGULARS: ReadonlyMap<string, string> = build();
