/**
 * Stance of an open answer towards the proposal its question puts: agree, disagree, mixed or unclear.
 * A transparent rule-based estimate, not a trained model: it adds up cues of three kinds and keeps the one
 * that decided, so the analyst can see why.
 *  - An opening answer: "Yes, ...", "No.", "Partly...".
 *  - Stance phrases: "I support", "good idea", "goes too far", "won't work", "rather than a ban".
 *  - Words about the proposal itself: "ban them", "should be banned" (for); "a ban would hurt...",
 *    "shouldn't be banned" (against). For a proposal that restricts something, complaints about that thing
 *    ("these ads are predatory") count for it, and arguments from choice and freedom against it.
 */
import type { Stance } from '../../../shared/api/signals';
import type { QuestionProfile } from './question';
import { stem } from './question';
import { compound, isNegator, tokenize, valence, type Token } from './sentiment';

type Side = 'agree' | 'disagree' | 'hedge';

export interface StanceCue {
  side: Side;
  weight: number;
  start: number;
  end: number;
}

export interface StanceResult {
  stance: Stance;
  /** The cue that weighed most for the stance chosen (offsets into the text), if any. */
  cue: { start: number; end: number } | null;
  scores: Record<Side, number>;
}

interface Pattern {
  re: RegExp;
  side: Side;
  weight: number;
  /** Only for proposals that restrict something. */
  restrictiveOnly?: boolean;
  /** A negation just before flips agree and disagree ("I don't support", "not a good idea"). */
  negatable?: boolean;
}

const OPENINGS: Pattern[] = [
  {
    re: /^\W*(?:yes|yeah|yep|yup|absolutely|definitely|certainly|of course|totally|100%|agreed|(?:i )?(?:strongly |fully )?agree)\b(?! (?:with (?:the )?(?:concern|point|idea that)|that it is))/i,
    side: 'agree',
    weight: 3,
  },
  {
    re: /^\W*(?:no\b\W|nope\b|nah\b|no way\b|absolutely not\b|definitely not\b|certainly not\b|not at all\b|(?:i )?(?:strongly )?disagree\b)/i,
    side: 'disagree',
    weight: 3,
  },
  {
    re: /^\W*(?:partly|partially|in part|to some extent|to an extent|yes and no|it depends|depends|maybe|perhaps|not sure|unsure|(?:i )?don'?t know|possibly|somewhat|in principle)\b/i,
    side: 'hedge',
    weight: 3,
  },
];

const PHRASES: Pattern[] = [
  {
    re: /\bi(?: would| do| am| 'm|'m)? (?:strongly |fully |completely |wholeheartedly |totally |definitely |really )?(?:agree|support|welcome|endorse|back|favour|favor)\b/gi,
    side: 'agree',
    weight: 2,
    negatable: true,
  },
  { re: /\bin (?:favour|favor) of\b/gi, side: 'agree', weight: 2, negatable: true },
  {
    re: /\b(?:good|great|excellent|sensible|reasonable|welcome|positive|necessary|vital|essential|important) (?:idea|move|step|measure|proposal|policy|change|start)\b/gi,
    side: 'agree',
    weight: 2,
    negatable: true,
  },
  {
    re: /\b(?:long overdue|about time|high time|right thing to do|right decision|right step|step in the right direction|no[- ]brainer)\b/gi,
    side: 'agree',
    weight: 2,
  },
  {
    re: /\b(?:ha(?:s|ve)|needs?|must|got) to (?:stop|end|change|go)\b|\benough is enough\b|\bshould be (?:illegal|outlawed|stopped|prohibited)\b/gi,
    side: 'agree',
    weight: 1.5,
    restrictiveOnly: true,
  },
  { re: /\bi (?:strongly |completely |totally |would )?(?:disagree|oppose|object)\b/gi, side: 'disagree', weight: 2 },
  {
    re: /\b(?:bad|terrible|awful|poor|stupid|silly|pointless|misguided) (?:idea|move|step|measure|proposal|policy)\b/gi,
    side: 'disagree',
    weight: 2,
  },
  {
    re: /\b(?:go(?:es)?|going) too far\b|\boverkill\b|\bover the top\b|\bheavy[- ]handed\b|\bnanny state\b|\boverreach\w*|\bover-?regulat\w*|\bover-?control\w*|\bdisproportionate\w*|\bunworkable\b|\bcounter-?productive\b|\bknee-?jerk\b|\bdraconian\b/gi,
    side: 'disagree',
    weight: 1.5,
  },
  {
    re: /\bpersonal responsibility\b|\b(?:own|free|personal|individual) (?:choices?|will|liberty|responsibility)\b|\bfreedom\b|\bfree market\b|\badults (?:can|should be able)\b|\bmake their own\b|\bcensorship\b/gi,
    side: 'disagree',
    weight: 1.5,
    restrictiveOnly: true,
  },
  {
    re: /\bdon'?t see (?:the|a|any) (?:problem|issue|need)\b|\bno need (?:for|to)\b|\b(?:not|isn'?t|aren'?t) (?:the|a) (?:real )?(?:problem|issue|answer|solution)\b|\bthe real (?:problem|issue)\b|\b(?:won'?t|wouldn'?t|will not|would not) (?:stop|solve|fix|help|work|change)\b/gi,
    side: 'disagree',
    weight: 1.5,
  },
  {
    re: /\b(?:middle ground|compromise|balanced approach|strike a balance|happy medium)\b|\bnot just about\b/gi,
    side: 'hedge',
    weight: 1.5,
  },
];

/**
 * The usual arguments about a restriction, as word stems: harm and protection (for restricting), and
 * livelihoods, funding and choice (against). Each adds a little; together they tip an answer that never
 * says "I agree" one way or the other.
 */
const FOR_RESTRICTION =
  /\b(?:predat\w*|addict\w*|vulnerab\w*|harm(?:s|ed|ful)?|danger\w*|exploit\w*|manipulat\w*|insidious|normali[sz]\w*|prey\w*|lur(?:e|es|ing)|groom\w*|toxic|ruin\w*|victim\w*|children|kids|minors|youth|teenager?s?|young (?:people|minds|fans)|protect\w*|safeguard\w*|warping|grotesque|glamori[sz]\w*|target(?:s|ing|ed)?)\b/gi;
const AGAINST_RESTRICTION =
  /\b(?:revenue\w*|sponsor\w*|funding|funds?|jobs|employ\w*|livelihoods?|lifeline|afford\w*|econom\w*|businesses|industry|viable|fold|bankrupt\w*|offshore|black market|unlicensed|legitimate|legal business\w*|choose|choices?|liberty|commercial speech|market decide|punish\w*)\b/gi;
const ARGUMENT_WEIGHT = 0.5;
const ARGUMENT_CAP = 1.5;

/** Words whose force AFINN misses in consultation answers about a proposal's consequences. */
const CONSEQUENCE: ReadonlyMap<string, number> = new Map([
  ['excessive', -2],
  ['unnecessary', -2],
  ['extreme', -1],
  ['burden', -2],
  ['burdensome', -2],
  ['costly', -1],
  ['damaging', -2],
  ['detrimental', -2],
  ['suffer', -2],
  ['kill', -3],
  ['hurt', -2],
  ['harm', -2],
  ['reduce', -1],
  ['lose', -2],
  ['unfair', -2],
  ['protect', 2],
  ['protects', 2],
  ['protecting', 2],
  ['safeguard', 2],
  ['safeguarding', 2],
  ['help', 2],
  ['helps', 2],
  ['prevent', 1],
  ['benefit', 2],
  ['save', 2],
]);

const RESTRICTIVE_STEMS = ['ban', 'prohibit', 'restrict', 'limit', 'curb', 'outlaw', 'forbid', 'regulat', 'crack'];
const FRAGMENT_WORDS = new Set([
  'a',
  'an',
  'the',
  'complete',
  'total',
  'outright',
  'full',
  'blanket',
  'immediate',
  'strict',
  'tougher',
  'stricter',
]);

const MODALS = new Set(['would', 'will', 'could', 'might', "won't", "wouldn't", 'can', "can't", 'may']);
const OBLIGATION = new Set([
  'should',
  'must',
  'need',
  'needs',
  'needed',
  'have',
  'has',
  'please',
  'ought',
  'want',
  'support',
]);

interface Sentence {
  tokens: Token[];
}

function sentences(tokens: Token[], text: string): Sentence[] {
  const out: Sentence[] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const gap = i === 0 ? '' : text.slice(tokens[i - 1].end, t.start);
    if (current.length && /[.!?\n]/.test(gap)) {
      out.push({ tokens: current });
      current = [];
    }
    current.push(t);
  }
  if (current.length) out.push({ tokens: current });
  return out;
}

function negatedBefore(text: string, index: number): boolean {
  const before = tokenize(text.slice(Math.max(0, index - 25), index)).slice(-3);
  return before.some((t) => isNegator(t.word));
}

function consequence(tokens: readonly Token[], from: number): number {
  let sum = valence(tokens as Token[], from);
  let negated = false;
  for (let i = from; i < tokens.length; i++) {
    const w = tokens[i].word;
    if (isNegator(w)) negated = true;
    const v = CONSEQUENCE.get(w);
    if (v !== undefined) sum += negated && !(w === 'help' || w === 'helps') ? -v * 0.74 : v;
  }
  // "won't stop problem gambling": a modal that is itself negated says the proposal fails.
  return sum;
}

/** Cues from sentences that speak of the proposal's action (for restrictive proposals) or its subject. */
function proposalCues(sentence: Sentence, profile: QuestionProfile, cues: StanceCue[]): void {
  const { tokens } = sentence;
  const stems = tokens.map((t) => stem(t.word));
  // For a restriction, any restricting word ("limits", "restrictions") speaks of the proposal's kind of action.
  const actions = profile.restrictive ? [...profile.actionStems, ...RESTRICTIVE_STEMS] : profile.actionStems;
  const actionAt = stems.findIndex((s) => actions.some((a) => s.startsWith(a)));
  const mentionsTarget = stems.some((s) =>
    profile.targetStems.some((a) => s.startsWith(a) || (a.startsWith(s) && s.length >= 4)),
  );
  const span = (i: number, j: number) => ({ start: tokens[i].start, end: tokens[Math.min(j, tokens.length - 1)].end });
  if (actionAt >= 0) {
    const before = tokens.slice(Math.max(0, actionAt - 4), actionAt).map((t) => t.word);
    const negated = before.some(isNegator) || before.includes('without');
    const modalAt = tokens.findIndex((t, i) => i > actionAt && i <= actionAt + 4 && MODALS.has(t.word));
    // "Ban them", "Please ban", "should be banned", "needs strict limits", "Complete ban." (not "Banning X is...").
    const imperative = actionAt === 0 && !/(?:ing|s)$/.test(tokens[0].word);
    const fragment = tokens.length <= 4 && before.every((w) => FRAGMENT_WORDS.has(w));
    if (imperative || fragment || before.some((w) => OBLIGATION.has(w))) {
      cues.push({
        side: negated ? 'disagree' : 'agree',
        weight: 2,
        ...span(Math.max(0, actionAt - before.length), actionAt + 1),
      });
    } else if (modalAt > 0) {
      // "A ban would hurt grassroots sport" / "Banning ads won't stop problem gambling" / "A ban would protect children".
      const negativeModal = tokens[modalAt].word.endsWith("n't") || tokens[modalAt + 1]?.word === 'not';
      const value = consequence(tokens, modalAt + 1);
      const side: Side | null = negativeModal ? 'disagree' : value < 0 ? 'disagree' : value > 0 ? 'agree' : null;
      if (side) cues.push({ side, weight: 2, ...span(actionAt, tokens.length - 1) });
    } else if (negated) {
      cues.push({ side: 'disagree', weight: 1.5, ...span(Math.max(0, actionAt - 3), actionAt) });
    }
    // "better than an outright ban", "rather than a ban", "instead of banning".
    const lead = tokens
      .slice(Math.max(0, actionAt - 4), actionAt)
      .map((t) => t.word)
      .join(' ');
    if (/\b(?:better|more effective|preferable|prefer) than\b|\brather than\b|\binstead of\b|\bnot just\b/.test(lead)) {
      cues.push({ side: 'hedge', weight: 2.5, ...span(Math.max(0, actionAt - 4), actionAt) });
    }
    return;
  }
  if (!mentionsTarget) return;
  // About the thing the proposal acts on: complaints support restricting it; praise supports leaving it be.
  const v = compound(consequence(tokens, 0));
  if (Math.abs(v) < 0.2) return;
  const forProposal = profile.restrictive ? v < 0 : v > 0;
  cues.push({
    side: forProposal ? 'agree' : 'disagree',
    weight: Math.min(1.2, Math.abs(v) * 1.5),
    ...span(0, tokens.length - 1),
  });
}

export function classifyStance(text: string, profile: QuestionProfile): StanceResult {
  const cues: StanceCue[] = [];
  for (const p of OPENINGS) {
    const m = p.re.exec(text);
    if (m) cues.push({ side: p.side, weight: p.weight, start: m.index, end: m.index + m[0].length });
  }
  for (const p of PHRASES) {
    if (p.restrictiveOnly && !profile.restrictive) continue;
    for (const m of text.matchAll(p.re)) {
      let side = p.side;
      if (p.negatable && negatedBefore(text, m.index)) side = side === 'agree' ? 'disagree' : 'agree';
      cues.push({ side, weight: p.weight, start: m.index, end: m.index + m[0].length });
    }
  }
  const tokens = tokenize(text);
  for (const s of sentences(tokens, text)) proposalCues(s, profile, cues);
  if (profile.restrictive) {
    for (const [re, side] of [
      [FOR_RESTRICTION, 'agree'],
      [AGAINST_RESTRICTION, 'disagree'],
    ] as const) {
      let total = 0;
      for (const m of text.matchAll(re)) {
        const weight = Math.min(ARGUMENT_WEIGHT, ARGUMENT_CAP - total);
        if (weight <= 0) break;
        total += weight;
        cues.push({ side, weight, start: m.index, end: m.index + m[0].length });
      }
    }
  }

  const scores: Record<Side, number> = { agree: 0, disagree: 0, hedge: 0 };
  for (const c of cues) scores[c.side] += c.weight;
  const high = Math.max(scores.agree, scores.disagree);
  const low = Math.min(scores.agree, scores.disagree);
  let stance: Stance;
  if (high === 0) stance = scores.hedge > 0 ? 'mixed' : 'unclear';
  else if (scores.hedge >= high || low >= 0.6 * high) stance = 'mixed';
  else stance = scores.agree > scores.disagree ? 'agree' : 'disagree';
  const deciding = stance === 'unclear' ? [] : cues.filter((c) => (stance === 'mixed' ? true : c.side === stance));
  const best = deciding.sort((a, b) => b.weight - a.weight || a.start - b.start)[0];
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    stance,
    cue: best ? { start: best.start, end: best.end } : null,
    scores: { agree: round(scores.agree), disagree: round(scores.disagree), hedge: round(scores.hedge) },
  };
}
