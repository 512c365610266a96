/** Lower-cased titles and role words that precede person names but are not part of them. */
export const TITLE_WORDS = new Set(
  ('mr mr. mrs mrs. ms ms. dr dr. sir lord lady president vice prime minister chancellor secretary general gen. chief executive ' +
    'officer ceo cfo coo chairman chairwoman chair senator sen. representative rep. governor gov. mayor judge justice king queen ' +
    'prince princess pope director founder co-founder spokesman spokeswoman head former deputy acting senior analyst professor prof. ' +
    'ambassador commissioner premier sheikh emir').split(' '),
);
