import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, withLayers, type Document } from '../core/document.ts';
import { extractTimexes } from './stage.ts';

/**
 * The table: [text, reference date, expected timexes as [surface, value, type?]]. Every timex the
 * stage finds must be listed (an empty list is a negative case). Documents are built by hand with
 * one sentence and no tokens, so tense comes from surface cues here; tagged.test.ts covers tags.
 */
type Expected = readonly [surface: string, value: string, type?: string];
type Case = readonly [text: string, ref: string, expected: readonly Expected[]];

const WED = '2020-02-12'; // a Wednesday
const SUN = '2019-06-30'; // a Sunday, at the end of a month and a half-year

const CASES: readonly Case[] = [
  // absolute dates
  ['Brussels, 12 February 2020 (dpa) – NATO allies plan', WED, [['12 February 2020', '2020-02-12']]],
  ['The deal was signed on Feb. 12.', WED, [['Feb. 12', '2020-02-12']]],
  ['It was signed on February 12, 2019.', WED, [['February 12, 2019', '2019-02-12']]],
  ['Forms dated 2/12/2020 were accepted.', WED, [['2/12/2020', '2020-02-12']]],
  ['The filing is dated 2020-02-12.', WED, [['2020-02-12', '2020-02-12']]],
  ['He was born on 12.03.1961 in Oslo.', WED, [['12.03.1961', '1961-03-12']]],
  ['The photos are dated 7/8/07.', WED, [['7/8/07', '2007-07-08']]],
  ['The vote took place on the 3rd of March 2018.', WED, [['the 3rd of March 2018', '2018-03-03']]],
  ['Wednesday, January 4, 2019', WED, [['Wednesday, January 4, 2019', '2019-01-04']]],
  ['It was launched in January 2005 in Toulouse.', WED, [['January 2005', '2005-01']]],
  ['Sales fell in May of 2008.', WED, [['May of 2008', '2008-05']]],
  ['The summit opened on June 1st.', SUN, [['June 1st', '2019-06-01']]],
  ['On Christmas Day 2018 the power failed.', WED, [['Christmas Day 2018', '2018-12-25']]],
  ['The ceasefire starts on Dec. 24.', '2019-12-10', [['Dec. 24', '2019-12-24']]],
  // month names and days without a year: the tense decides the year
  ['Prices rose in November.', WED, [['November', '2019-11']]],
  ['The law will take effect in November.', WED, [['November', '2020-11']]],
  ['The elections were held on December 8.', WED, [['December 8', '2019-12-08']]],
  ['Elections will be held on December 8.', WED, [['December 8', '2020-12-08']]],
  ['Troops left in January.', WED, [['January', '2020-01']]],
  ['The talks will resume in January.', WED, [['January', '2021-01']]],
  ['A hearing has been scheduled for June 3.', '2009-05-14', [['June 3', '2009-06-03']]],
  ['The contract may be signed on September 12 in Frankfurt.', '2007-09-08', [['September 12', '2007-09-12']]],
  ['The store said that the sale would be completed by June 10.', '2011-05-29', [['June 10', '2011-06-10']]],
  ['Apple announced today another event to be held on October 12.', '2005-10-04', [['today', '2005-10-04'], ['October 12', '2005-10-12']]],
  ['The plant closed in March and reopened in April.', '2020-06-01', [['March', '2020-03'], ['April', '2020-04']]],
  ['Between April and May, sales doubled.', '2020-06-01', [['Between April and May', 'P1M', 'DURATION'], ['April', '2020-04'], ['May', '2020-05']]],
  // years, decades, centuries
  ['The company was founded in 1998.', WED, [['1998', '1998']]],
  ['2019 was a difficult year.', WED, [['2019', '2019']]],
  ['Deliveries are due in time for the 2008 Beijing Olympic Games.', '2005-01-29', [['2008', '2008']]],
  ['The first jets will be delivered in 2014.', '2007-06-09', [['2014', '2014']]],
  ['The system is to be released in mid-2011.', '2010-10-23', [['mid-2011', '2011']]],
  ['Profits rose in the 1990s.', WED, [['the 1990s', '199']]],
  ['Cars of the 70s and 80s were heavier.', WED, [['the 70s', '197'], ['80s', '198']]],
  ['It was the bloodiest war of the 20th century.', WED, [['the 20th century', '19']]],
  ['Such debates will shape the twenty-first century.', WED, [['the twenty-first century', '20']]],
  ['Sales slumped in late 2006.', WED, [['late 2006', '2006']]],
  ['Construction began in early 2009.', WED, [['early 2009', '2009']]],
  // quarters, halves, seasons, fiscal years
  ['Revenue fell in the first quarter of 2009.', WED, [['the first quarter of 2009', '2009-Q1']]],
  ['Losses widened in the first quarter of last year.', '2009-05-01', [['the first quarter of last year', '2008-Q1']]],
  ['Third-quarter profit beat forecasts.', '2009-11-03', [['Third-quarter', '2009-Q3']]],
  ['Sales rose in the final quarter of 2009.', WED, [['the final quarter of 2009', '2009-Q4']]],
  ['Revenue rose 5% in the last quarter.', '2007-01-18', [['the last quarter', '2006-Q4']]],
  ['Earnings grew in Q3 2019.', WED, [['Q3 2019', '2019-Q3']]],
  ['Growth slowed in the first half of 2019.', WED, [['the first half of 2019', '2019-H1']]],
  ['The rules were tightened in the summer of 2019.', WED, [['the summer of 2019', '2019-SU']]],
  ['The bridge will reopen next spring.', WED, [['next spring', '2020-SP']]],
  ['The plant was opened last summer.', WED, [['last summer', '2019-SU']]],
  ['Talks resumed this winter.', WED, [['this winter', '2020-WI']]],
  ['The new model will launch in the fall.', WED, [['the fall', '2020-FA']]],
  ['Budget cuts are planned for fiscal 2021.', WED, [['fiscal 2021', 'FY2021']]],
  // deictic and relative dates
  ['The minister resigned yesterday.', WED, [['yesterday', '2020-02-11']]],
  ['Talks continue today in Geneva.', WED, [['today', '2020-02-12']]],
  ['Voting ends tomorrow.', WED, [['tomorrow', '2020-02-13']]],
  ['The president will speak tonight.', WED, [['tonight', '2020-02-12TNI', 'TIME']]],
  ['Trump called last month for allies to do more.', WED, [['last month', '2020-01']]],
  ['Exports grew last year.', WED, [['last year', '2019']]],
  ['Inflation will fall next year.', WED, [['next year', '2021']]],
  ['The index rose this week.', WED, [['this week', '2020-W07']]],
  ['Protests spread last week.', WED, [['last week', '2020-W06']]],
  ['Ministers meet next week.', WED, [['next week', '2020-W08']]],
  ['The parliament voted earlier this month.', WED, [['earlier this month', '2020-02']]],
  ['Output should recover later this year.', WED, [['later this year', '2020']]],
  ['The firm was sold two years ago.', WED, [['two years ago', '2018']]],
  ['The town flooded three days ago.', WED, [['three days ago', '2020-02-09']]],
  ['A month ago, prices were higher.', WED, [['A month ago', '2020-01']]],
  ['Fighting broke out on 3 March 2019. The following day, troops withdrew.', WED, [['3 March 2019', '2019-03-03'], ['The following day', '2019-03-04']]],
  ['The accord was signed on 5 May 2018. Two days later, it collapsed.', WED, [['5 May 2018', '2018-05-05'], ['Two days later', '2018-05-07']]],
  ['The sale was approved this weekend.', '2010-01-25', [['this weekend', '2010-W04-WE']]],
  ['Revenue fell in the previous year.', '2010-01-28', [['the previous year', '2009']]],
  ['Sales peaked at the end of last year.', '2009-02-18', [['the end of last year', '2008']]],
  ['The merger closed late last year.', WED, [['late last year', '2019']]],
  ['Sales fell compared to the same month a year ago.', '2009-02-03', [['the same month a year ago', '2008-02']]],
  ['Profits doubled from the same period last year.', '2010-03-03', [['the same period last year', '2009-03']]],
  ['Prices have risen since the beginning of the year.', '2008-04-09', [['the beginning of the year', '2008']]],
  // weekdays, past tense: the latest such day on or before the reference date
  ['The minister said on Monday that talks had failed.', WED, [['Monday', '2020-02-10']]],
  ['Hutchison said on Tuesday that a transfer would be fine.', WED, [['Tuesday', '2020-02-11']]],
  ['Stoltenberg announced on Wednesday in a statement.', WED, [['Wednesday', '2020-02-12']]],
  ['Police arrested two men on Thursday.', WED, [['Thursday', '2020-02-06']]],
  ['The company reported losses on Friday.', WED, [['Friday', '2020-02-07']]],
  ['Rebels attacked the town on Saturday.', WED, [['Saturday', '2020-02-08']]],
  ['Voters went to the polls on Sunday.', WED, [['Sunday', '2020-02-09']]],
  ['The ministry confirmed on Monday that two died.', SUN, [['Monday', '2019-06-24']]],
  ['The ship sank on Saturday.', SUN, [['Saturday', '2019-06-29']]],
  ['Thousands marched on Sunday.', SUN, [['Sunday', '2019-06-30']]],
  ['The court has ruled on Friday.', SUN, [['Friday', '2019-06-28']]],
  // weekdays, future tense: the earliest such day on or after the reference date
  ['Ministers will meet on Monday.', WED, [['Monday', '2020-02-17']]],
  ['The vote will take place on Tuesday.', WED, [['Tuesday', '2020-02-18']]],
  ['The result will be announced on Wednesday.', WED, [['Wednesday', '2020-02-12']]],
  ['On Thursday, talks at the headquarters will turn to Afghanistan.', WED, [['Thursday', '2020-02-13']]],
  ['The leaders are expected to sign the deal on Friday.', WED, [['Friday', '2020-02-14']]],
  ['The party plans to hold a rally on Saturday.', WED, [['Saturday', '2020-02-15']]],
  ['Fans are going to celebrate on Sunday.', WED, [['Sunday', '2020-02-16']]],
  ['The court will rule on Monday.', SUN, [['Monday', '2019-07-01']]],
  ['The strike is scheduled for Saturday.', SUN, [['Saturday', '2019-07-06']]],
  ['Markets reopen on Tuesday.', SUN, [['Tuesday', '2019-07-02']]],
  // weekdays with last / next / this
  ['The rebels attacked last Friday.', WED, [['last Friday', '2020-02-07']]],
  ['The rebels attacked last Wednesday.', WED, [['last Wednesday', '2020-02-05']]],
  ['Ministers meet next Monday.', WED, [['next Monday', '2020-02-17']]],
  ['Results are due next Wednesday.', WED, [['next Wednesday', '2020-02-19']]],
  ['The report comes out this Friday.', WED, [['this Friday', '2020-02-14']]],
  // times of day
  ['The blast happened at 3 p.m. local time.', WED, [['3 p.m. local time', '2020-02-12T15:00', 'TIME']]],
  ['The launch is set for 18:00 UTC.', WED, [['18:00 UTC', '2020-02-12T18:00Z', 'TIME']]],
  ['Trading resumes at 12:00 UTC Monday.', '2009-06-01', [['12:00 UTC Monday', '2009-06-01T12:00Z', 'TIME']]],
  ['The quake hit on Tuesday night.', WED, [['Tuesday night', '2020-02-11TNI', 'TIME']]],
  ['The train left Friday morning.', '2010-07-17', [['Friday morning', '2010-07-16TMO', 'TIME']]],
  ['Officials met this morning.', WED, [['this morning', '2020-02-12TMO', 'TIME']]],
  ['Shots were fired last night.', WED, [['last night', '2020-02-11TNI', 'TIME']]],
  ['The curfew starts at midnight.', WED, [['midnight', '2020-02-12T24:00', 'TIME']]],
  ['The meeting began at 10:30 a.m. on Monday.', WED, [['10:30 a.m.', '2020-02-10T10:30', 'TIME'], ['Monday', '2020-02-10']]],
  // durations
  ['The siege lasted for three weeks.', WED, [['three weeks', 'P3W', 'DURATION']]],
  ['A new government is expected within a month.', WED, [['a month', 'P1M', 'DURATION']]],
  ['Prices doubled in the past three years.', WED, [['the past three years', 'P3Y', 'DURATION']]],
  ['The plan covers the next four years.', WED, [['the next four years', 'P4Y', 'DURATION']]],
  ['He served 18 months in prison.', WED, [['18 months', 'P18M', 'DURATION']]],
  ['The talks lasted thirty minutes.', WED, [['thirty minutes', 'PT30M', 'DURATION']]],
  ['Workers began a 12-hour strike.', WED, [['12-hour', 'PT12H', 'DURATION']]],
  ['It ends a 27-year partnership.', WED, [['27-year', 'P27Y', 'DURATION']]],
  ['The project took almost two and a half years.', WED, [['almost two and a half years', 'P2.5Y', 'DURATION']]],
  ['The search went on for several years.', WED, [['several years', 'PXY', 'DURATION']]],
  ['It has grown over the past decade.', WED, [['the past decade', 'P10Y', 'DURATION']]],
  ['Trials ran for 90 days.', WED, [['90 days', 'P90D', 'DURATION']]],
  ['The flight takes about six hours.', WED, [['about six hours', 'PT6H', 'DURATION']]],
  // sets
  ['The fair is held every year.', WED, [['every year', 'P1Y', 'SET']]],
  ['The committee meets every Monday.', WED, [['every Monday', 'XXXX-WXX-1', 'SET']]],
  ['The magazine is published weekly.', WED, [['weekly', 'P1W', 'SET']]],
  ['The firm posted an annual profit.', WED, [['annual', 'P1Y', 'SET']]],
  ['Inspectors visit twice a year.', WED, [['a year', 'P1Y', 'SET']]],
  ['Buses run each day.', WED, [['each day', 'P1D', 'SET']]],
  // vague references
  ['Prices are currently falling.', WED, [['currently', 'PRESENT_REF']]],
  ['The firm recently cut jobs.', WED, [['recently', 'PAST_REF']]],
  ['Talks will resume soon.', WED, [['soon', 'FUTURE_REF']]],
  ['Such crises may recur in the future.', WED, [['the future', 'FUTURE_REF']]],
  ['Such crises happened in the past.', WED, [['the past', 'PAST_REF']]],
  ['The town was destroyed years ago.', WED, [['years ago', 'PAST_REF']]],
  // negative cases
  ['May I ask a question?', WED, []],
  ['Officials said the talks may fail.', WED, []],
  ['Protesters March on the capital.', WED, []],
  ['The March on Washington was a turning point.', WED, []],
  ['The Sunday Times reported the story.', WED, []],
  ['He told the Sunday Telegraph that he would resign.', WED, []],
  ['The law amends the 1990 Act.', WED, []],
  ['A fall in prices hurt exporters.', WED, []],
  ['The army sent 2000 troops to the border.', WED, []],
  ['The bill passed with 1999 votes.', WED, []],
  ['Revenue reached $2019 million.', WED, []],
  ['The index rose 1,500 points.', WED, []],
  ['About a quarter of its dealers will close.', WED, []],
  ['She is in her 70s.', WED, []],
  ['He won the first round by a second.', WED, []],
  ['The troops will march on the capital.', WED, []],
  ['Now that the vote is over, talks can begin.', WED, []],
  ['He arrived soon after the blast.', WED, []],
  ['The Daily Telegraph reported it.', WED, []],
  ['Route 2020 is closed.', WED, []],
  ['The score was 3:1 at half time.', WED, []],
  ['Two days after the attack, the army withdrew.', WED, [['Two days', 'P2D', 'DURATION']]],
  // narrative anchoring: relative dates count from the last date of an event, not from a date naming a thing
  ['Turkey signed the November 27 maritime agreement. Leaders met in Athens on Wednesday. In a press release issued the following day, Egypt joined.', '2020-01-11', [['November 27', '2019-11-27'], ['Wednesday', '2020-01-08'], ['the following day', '2020-01-09']]],
  ['Leaders met on Wednesday. They criticised the November 27 agreement. The next day, Egypt joined.', '2020-01-11', [['Wednesday', '2020-01-08'], ['November 27', '2019-11-27'], ['The next day', '2020-01-09']]],
  ['Ministers met on Wednesday to discuss the November 27 agreement and agreed to meet again the following day.', '2020-01-11', [['Wednesday', '2020-01-08'], ['November 27', '2019-11-27'], ['the following day', '2020-01-09']]],
  ['The 2018 elections were disputed. Protests began on 3 March 2019. Two days later, the president resigned.', WED, [['2018', '2018'], ['3 March 2019', '2019-03-03'], ['Two days later', '2019-03-05']]],
  ['The March 3 vote was followed the next day by protests.', '2020-06-01', [['March 3', '2020-03-03'], ['the next day', '2020-03-04']]],
  ['The November 27 agreement angered Greece. The following day, Egypt objected.', '2020-01-11', [['November 27', '2019-11-27'], ['The following day', '2019-11-28']]],
  ["Tuesday's attack killed 12. The day before, police had warned of it.", WED, [['Tuesday', '2020-02-11'], ['The day before', '2020-02-10']]],
  ['The rebels entered the city on 4 May 2019. That day, the mayor fled.', WED, [['4 May 2019', '2019-05-04'], ['That day', '2019-05-04']]],
  ['The deal was signed on October 29. The November 4 issue of the paper published an interview. On the same day, the firm issued a statement.', '2019-11-07', [['October 29', '2019-10-29'], ['November 4', '2019-11-04'], ['the same day', '2019-11-04']]],
  ['It began on Dec. 28. Power failed two days after the January 7 quake. This followed a quake the previous day.', '2020-01-17', [['Dec. 28', '2019-12-28'], ['two days', 'P2D', 'DURATION'], ['January 7', '2020-01-07'], ['the previous day', '2020-01-06']]],
  ['On March 18, 1965, he made the first spacewalk. He won a medal for it. Ten years later, he led the mission.', '2019-10-12', [['March 18, 1965', '1965-03-18'], ['Ten years later', '1975']]],
  ['Traders said that day traders lost money.', WED, []],
  ['The day before the vote, he resigned.', WED, []],
  // years before and after: the year the narrative is at, else the reference date
  ['Ford earned $2.7 billion last year, $19.8 billion more than the year previous.', '2010-01-28', [['last year', '2009'], ['the year previous', '2008']]],
  ['Sales dropped 42% last month from the previous year.', '2009-02-03', [['last month', '2009-01'], ['the previous year', '2008']]],
  ['The plant opened in 2005. The year before, the site was cleared.', WED, [['2005', '2005'], ['The year before', '2004']]],
  ['The plant opened in 2005. A year later, it closed.', WED, [['2005', '2005'], ['A year later', '2006']]],
  ['The company, founded in 1998, said revenue fell from the previous year.', '2010-01-28', [['1998', '1998'], ['the previous year', '2009']]],
  ['Unemployment peaked in 2009. Prices fell. Wages rose. Exports beat the prior year.', '2011-05-01', [['2009', '2009'], ['the prior year', '2010']]],
  ['The stadium was built the year before last.', WED, [['the year before last', '2018']]],
  // weeks and days inside a month or year
  ['Car sales rebounded in the last week of March.', '2009-04-01', [['the last week of March', '2009-W13']]],
  ['Talks resume in the first week of June.', '2009-04-01', [['the first week of June', '2009-W23']]],
  ['The law takes effect in the second week of 2021.', WED, [['the second week of 2021', '2021-W02']]],
  ['Payments stop on the last day of next month.', WED, [['the last day of next month', '2020-03-31']]],
  ['The offer ends on the first day of 2021.', WED, [['the first day of 2021', '2021-01-01']]],
  ['It was the last week of the talks.', WED, []],
  // ranges: one DURATION over the phrase, the two DATEs inside (MEANTIME practice)
  ['Aer Lingus will receive six jets from 2009 to 2011, then between 2014 and 2016.', '2007-06-09', [['from 2009 to 2011', 'P2Y', 'DURATION'], ['2009', '2009'], ['2011', '2011'], ['between 2014 and 2016', 'P2Y', 'DURATION'], ['2014', '2014'], ['2016', '2016']]],
  ['He ruled from March 2001 to June 2003.', WED, [['from March 2001 to June 2003', 'P27M', 'DURATION'], ['March 2001', '2001-03'], ['June 2003', '2003-06']]],
  ['The festival ran from 3 March 2019 to 5 March 2019.', WED, [['from 3 March 2019 to 5 March 2019', 'P2D', 'DURATION'], ['3 March 2019', '2019-03-03'], ['5 March 2019', '2019-03-05']]],
  ['Output rose from 2011 to a record.', WED, [['2011', '2011']]],
  ['Prices fell in 2009 and 2011.', WED, [['2009', '2009'], ['2011', '2011']]],
  ['Between 2016 and March 2019, sales doubled.', WED, [['2016', '2016'], ['March 2019', '2019-03']]],
  // without a reference date, values stay underspecified
  ['Ministers met on Tuesday.', '', [['Tuesday', 'XXXX-WXX-2']]],
  ['Prices rose in November.', '', [['November', 'XXXX-11']]],
  ['Trump called last month for allies to do more.', '', [['last month', 'PAST_REF']]],
];

function makeDoc(text: string, ref: string): Document {
  const doc = createDocument({
    id: 'case',
    text,
    meta: ref ? { referenceDate: ref, referenceBasis: 'option' } : { referenceBasis: 'none' },
  });
  const sentences = [...text.matchAll(/[^.!?]+[.!?]?/g)].map((m) => ({ start: m.index, end: m.index + m[0].trimEnd().length }));
  return withLayers(doc, { sentences });
}

test(`time table has at least 150 cases (${CASES.length})`, () => {
  assert.ok(CASES.length >= 150);
});

for (const [text, ref, expected] of CASES) {
  test(`${text} @${ref || 'none'}`, () => {
    const doc = makeDoc(text, ref);
    const got = extractTimexes(doc, 'time@1').map((t) => [text.slice(t.start, t.end), t.value, t.type] as const);
    assert.deepEqual(
      got.map(([s, v, ty]) => [s, v, ty]),
      expected.map(([s, v, ty]) => [s, v, ty ?? (v.startsWith('P') && !v.endsWith('_REF') ? 'DURATION' : 'DATE')]),
    );
  });
}
