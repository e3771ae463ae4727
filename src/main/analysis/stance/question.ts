/**
 * What a question asks: whether it invites a for-or-against answer ("Should...", "Do you agree...", "To what
 * extent do you support..."), and the proposal it puts, so a response's words about that proposal can be
 * told from its words about the problem.
 */
import { tokenize } from './sentiment';

const ASKS_STANCE = [
  /^\s*(?:should|shall|must|ought)\b/i,
  /\b(?:do|would|will|are) you (?:\w+ )?(?:agree|disagree|support|oppose|favour|favor|back|welcome|accept|approve)\b/i,
  /\bto what extent\b/i,
  /\bhow (?:strongly|far) do you\b/i,
  /\bare you (?:in favour|in favor|for or against)\b/i,
  /\b(?:is|are|was) (?:it|this|the \w+) (?:right|fair|appropriate|reasonable|justified|necessary|a good idea)\b/i,
  /\bwhat (?:are|is) your (?:general )?(?:thoughts|views?|opinion) on (?:the )?(?:proposal|plan|proposed|banning|introducing|restricting|removing|allowing|requiring|increasing|reducing|extending|ending)\b/i,
];

/** Verbs of restriction: a respondent complaining about the problem is, for these, agreeing with the proposal. */
const RESTRICTIVE = [
  'ban',
  'prohibit',
  'restrict',
  'limit',
  'stop',
  'end',
  'abolish',
  'remove',
  'curb',
  'cap',
  'tax',
  'outlaw',
  'forbid',
  'regulat',
  'reduc',
  'cut',
  'clamp',
  'crack',
];

const STOP = new Set(
  (
    'should shall must ought do does did you your we our the a an of to in on at for and or be been being is are was were ' +
    'what how why which that this these those there their they it its with by from as any all some more most other such ' +
    'would could will can may might think agree disagree support oppose extent impact effect have has had not only also ' +
    'general thoughts views view opinion completely fully entirely totally during into about who whom'
  ).split(' '),
);

/** A crude stem: enough to match "ban", "bans", "banned", "banning" and "restrict", "restriction". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  for (const suffix of [
    'ations',
    'ation',
    'ments',
    'ment',
    'ings',
    'ing',
    'ions',
    'ion',
    'ies',
    'ied',
    'ers',
    'er',
    'ed',
    'es',
    's',
  ]) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "banned" -> "bann" -> "ban"; "planning" -> "plann" -> "plan".
  if (w.length >= 4 && w[w.length - 1] === w[w.length - 2] && !'lsz'.includes(w[w.length - 1])) w = w.slice(0, -1);
  return w;
}

/** Short forms people write for the words questions use. */
const SHORT_FORMS: Record<string, string[]> = {
  advertise: ['ad', 'advert'],
  advertis: ['ad', 'advert'],
  advertisement: ['ad', 'advert'],
  televis: ['tv', 'telly'],
  government: ['govt', 'gov'],
  university: ['uni'],
  information: ['info'],
};

export interface QuestionProfile {
  asksStance: boolean;
  /** Stems of the proposal's action ("ban") and of what it acts on ("gambl", "advertisement"). */
  actionStems: string[];
  targetStems: string[];
  /** The proposal restricts something: complaints about that thing count as agreement. */
  restrictive: boolean;
}

export function asksStance(questionText: string): boolean {
  return ASKS_STANCE.some((re) => re.test(questionText));
}

/** Reads the proposal out of the question's first clause: its restrictive verbs and its content words. */
export function profileQuestion(questionText: string): QuestionProfile {
  const firstClause = questionText.split(/[?,;]| and what | and how /i)[0];
  const stems = tokenize(firstClause)
    .map((t) => t.word)
    .filter((w) => !STOP.has(w) && w.length > 1)
    .map(stem);
  const actionAt = stems.findIndex((s) => RESTRICTIVE.some((r) => s.startsWith(r)));
  const actionStems = stems.filter((s) => RESTRICTIVE.some((r) => s.startsWith(r)));
  // What the proposal acts on is what comes before its verb ("gambling advertisements" in "Should gambling
  // advertisements be banned during televised sport?"); without a verb, every content word.
  const subject = actionAt > 0 ? stems.slice(0, actionAt) : stems.filter((s) => !actionStems.includes(s));
  const targetStems = subject.flatMap((s) => [s, ...(SHORT_FORMS[s] ?? [])]);
  return {
    asksStance: asksStance(questionText),
    actionStems: [...new Set(actionStems)],
    targetStems: [...new Set(targetStems)],
    restrictive: actionStems.length > 0,
  };
}
