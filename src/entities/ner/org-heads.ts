/**
 * Lower-cased last words that make a capitalized phrase an organisation name ("... Authority",
 * "... Center", "... Inc."): used where no trained score is at hand (acronym definitions).
 */
export const ORG_HEAD_WORDS = new Set(
  ('council authority organization organisation agency association union party front army forces force service services ' +
    'commission committee center centre institute institution university school college corporation corp. corp company co. ' +
    'inc. inc ltd. ltd llc plc bank fund foundation alliance movement federation league department ministry office bureau ' +
    'board administration group society network court assembly congress parliament tribunal coalition brigade brigades ' +
    'command police guard trust consortium cooperative program programme project panel secretariat').split(' '),
);
