/**
 * Finds personal data in a response: e-mail addresses, UK phone numbers, UK postcodes, National Insurance
 * numbers, web addresses, card numbers and likely personal names (after "my name is", in sign-offs, after
 * "my son", "my wife"...). Patterns are checked against the rules of each kind (postcode areas, NI prefixes,
 * phone number lengths, the Luhn check) so dates, prices and reference numbers are not flagged.
 */
import type { PiiKind, PiiSpan } from './kinds';
import { FIRST_NAMES } from './first-names';

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** "jane at example dot com", written out to dodge spam robots. */
const SPELT_EMAIL = /\b[A-Za-z0-9._-]+\sat\s[A-Za-z0-9-]+(?:\sdot\s[A-Za-z0-9-]+)+\b/gi;
const BRACKETED_EMAIL =
  /\b[A-Za-z0-9._-]+\s?[[(]at[\])]\s?[A-Za-z0-9-]+(?:(?:\s?[[(]dot[\])]\s?|\.)[A-Za-z0-9-]+)+\b/gi;

const URL_WITH_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/gi;
const BARE_DOMAIN =
  /\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|ltd\.uk|com|org|net|io|uk|info|biz|dev|eu)\b(?:\/[^\s<>"'()]*)?/gi;

/** +44 (0)161 496 0000, 0161 496 0000, 07700 900123, (0113) 496 0000, 020 7946 0000. */
const PHONE =
  /(?<![\d/.-])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s-]{7,13}\d(?![\d/])|(?<![\d/.-])\(0\d{2,4}\)\s?\d[\d\s-]{5,9}\d(?![\d/])/g;

const POSTCODE = /\b([A-Za-z]{1,2}\d[A-Za-z\d]?)\s?(\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})\b/g;

/** The 121 postcode areas of the UK (the letters before the first digit). */
const POSTCODE_AREAS = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY ' +
    'G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX ' +
    'PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF ' +
    'WN WR WS WV YO ZE GY JE IM'
  ).split(' '),
);

/** Prefix letters: not D F I Q U V; second not O; some pairs never issued. Suffix A-D. */
const NI_NUMBER = /\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([A-D])\b/gi;
const NI_UNUSED_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

const CARD = /(?<![\d.,£$€])(?:\d[ -]?){12,18}\d(?![\d.,]\d)/g;

/** Words before a number that say it is a payment card. */
const CARD_BEFORE = /\b(?:card|visa|mastercard|amex|debit|credit)\b[^.\n]{0,20}$/i;

/** Words before letters and digits that say they are a National Insurance number. */
const NI_BEFORE = /\b(?:ni|nino|national insurance)\b[^.\n]{0,20}$/i;

/** Words before a number that make it a reference, not a phone or card number. */
const REFERENCE_BEFORE =
  /\b(?:ref(?:erence)?|order|invoice|account|acct|case|claim|ticket|policy|application|membership|id|no|number|crn|urn|company)\.?\s*(?:no\.?|number|#)?\s*[:#]?\s*$/i;

/** Jane, O'Brien, McDonald, Smith-Jones. */
const NAME_WORD = "(?:[A-Z]['’])?[A-Z][a-z'’]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z'’]+)?";
/** One to three name words, perhaps after an initial: "Jane Smith", "J. Smith", "A Patel". */
const NAME = `(?:[A-Z]\\.?\\s)?${NAME_WORD}(?:\\s${NAME_WORD}){0,2}`;
const TITLE = '(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Sir|Dame)\\.?\\s)?';

/** "My name is Jane Smith", "I'm called Jane", "Name: Jane Smith". */
const INTRODUCTION = new RegExp(
  `(?:^|\\b)(?:[Mm]y name is|[Mm]y name's|I am called|I'm called|I’m called|[Nn]ame:|^From:)\\s+${TITLE}(${NAME})`,
  'gmd',
);
/** "I'm Peter and...", "Hello, I am Aisha": only with a known first name. */
const SELF = new RegExp(
  `\\b(?:I'm|I’m|I am)\\s(${NAME_WORD}(?:\\s${NAME_WORD})?)(?=\\s*(?:[,.;(]|and\\b|from\\b|$))`,
  'gd',
);
/** The same written in lower case ("my name is lisa brown"): only with a known first name. */
const INTRODUCTION_LOWER = /\b(?:my name is|my name's|i am called|i'm called)\s+([a-z]+(?:\s[a-z]+)?)\b/dgi;

/** "my son Jack", "our daughter Amelia". */
const RELATION = new RegExp(
  `\\b(?:[Mm]y|[Oo]ur)\\s(?:son|daughter|husband|wife|partner|mum|mother|dad|father|brother|sister|niece|nephew|grandson|granddaughter|grandchild|child|friend|neighbour|colleague|boss|carer|boys|girls|kids|children|sons|daughters)\\s(${NAME_WORD}(?:\\s${NAME_WORD})?)(?:\\s(?:and|&)\\s(${NAME_WORD}))?`,
  'gd',
);

/** "Kind regards,\nJane Smith", "Many thanks, Jane": a sign-off starting a line or a sentence, then a name. */
const SIGN_OFF = new RegExp(
  `(?:^|\\n|[.!?][ \\t]+)[ \\t]*(?:[Rr]egards|[Kk]ind regards|[Bb]est regards|[Ww]arm regards|[Yy]ours sincerely|[Yy]ours faithfully|[Yy]ours truly|[Ss]incerely|[Bb]est wishes|[Mm]any thanks|[Tt]hanks|[Tt]hank you|[Cc]heers|[Bb]est|[Ss]igned|[Yy]ours|--)(?:[,.!:]?[ \\t]*\\r?\\n|,[ \\t]+)[ \\t]*[-–—]?[ \\t]*${TITLE}(${NAME})(?=[ \\t]*(?:[,.(<\\r\\n]|$))`,
  'gd',
);

/** A last line that is just a name, perhaps with a role after a comma: "Nadia Sutcliffe, Head of School". */
const NAME_LINE = new RegExp(
  `(?:^|\\n)[ \\t]*[-–—]?[ \\t]*${TITLE}(${NAME_WORD}\\s${NAME_WORD}(?:\\s${NAME_WORD})?)[ \\t]*(,[^\\n]*)?$`,
  'gd',
);

/** Words of a job title after a name on a signature line. */
const ROLE =
  /\b(?:Chief|Head|Director|Chair|Chairman|Chairwoman|Manager|CEO|CTO|COO|CFO|Founder|Lead|Professor|Lecturer|Secretary|President|Owner|Partner|Officer|Coordinator|Co-ordinator|Adviser|Advisor|Principal|Dean|Councillor|Trustee|Consultant|Engineer|Developer|Analyst|Student|Resident)\b/;

/** Capitalised words that follow the patterns above without being names. */
const NOT_NAMES = new Set(
  (
    'I Im The A An And But So We It This That Yes No Not Just Also All Any Our My Your Their Please Thanks Thank Kind Regards ' +
    'Best Good Great Many Sorry Hope Dear Sir Madam Team Council Ltd Limited University College Group Association Trust ' +
    'Partnership Network Forum Society Foundation Board Committee Company Plc LLP CIC Department Ministry Office Service ' +
    'Services Centre Center School Academy Hospital Northern North South East West TechNorth Manchester Leeds Sheffield ' +
    'Liverpool Newcastle London England Britain UK Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February ' +
    'March April May June July August September October November December Again Everyone Everybody Always Never Too Very ' +
    'Fine Well Anyway Overall Regardless Unfortunately Hopefully Honestly Really Still Now Then There Here For From Of In On At'
  ).split(' '),
);

const COMMON_WORDS = new Set(
  'and or but i im a an the is was am are from in at of to on for with who which that this my our we here there not so too'.split(
    ' ',
  ),
);

const ORGANISATION_WORDS =
  /\b(?:Council|Ltd|Limited|University|College|Group|Association|Trust|Partnership|Network|Forum|Society|Foundation|Board|Committee|Company|Plc|LLP|CIC|Department|Ministry|Services?|Centre|School|Academy|Hospital|Chamber|Institute|Federation|Union|Alliance|Coalition|Campaign|Team)\b/;

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = number.charCodeAt(number.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function referenceBefore(text: string, index: number): boolean {
  return REFERENCE_BEFORE.test(text.slice(Math.max(0, index - 30), index));
}

function validPhone(match: string): boolean {
  let d = digits(match);
  if (d.startsWith('44')) d = `0${d.slice(2).replace(/^0/, '')}`;
  if (!d.startsWith('0') || d.length < 10 || d.length > 11) return false;
  // Geographic (01, 02), non-geographic (03, 08), mobile and personal (07), and 05; not 00 or 04/06.
  if (!/^0[1235789]/.test(d)) return false;
  return new Set(d).size > 2;
}

/** Trailing punctuation a sentence puts after a web address is not part of it. */
function trimUrl(s: string): string {
  return s.replace(/[.,;:!?'"’)\]]+$/, '');
}

function likelyName(name: string, requireKnownFirstName: boolean): boolean {
  // An initial ("J. Smith") says nothing either way: judge the words after it.
  const words = name.replace(/^[A-Z]\.?\s/, '').split(/\s+/);
  if (words.some((w) => NOT_NAMES.has(w.replace(/['’]s$/, '')))) return false;
  if (ORGANISATION_WORDS.test(name)) return false;
  return !requireKnownFirstName || FIRST_NAMES.has(words[0].toLowerCase());
}

/** Every piece of personal data in the text, in order, without overlaps (the longer find wins). */
export function findPersonalData(text: string): PiiSpan[] {
  const found: PiiSpan[] = [];
  const add = (kind: PiiKind, start: number, end: number): void => {
    if (end > start) found.push({ kind, start, end });
  };

  for (const re of [EMAIL, SPELT_EMAIL, BRACKETED_EMAIL])
    for (const m of text.matchAll(re)) add('email', m.index, m.index + m[0].length);
  for (const re of [URL_WITH_SCHEME, BARE_DOMAIN]) {
    for (const m of text.matchAll(re)) {
      // A domain right after "@" is part of an e-mail address, found above.
      if (text[m.index - 1] === '@' || /[@\w.-]/.test(text[m.index - 1] ?? ' ')) continue;
      add('url', m.index, m.index + trimUrl(m[0]).length);
    }
  }
  for (const m of text.matchAll(PHONE)) {
    const value = m[0].trimEnd();
    if (validPhone(value) && !referenceBefore(text, m.index)) add('phone', m.index, m.index + value.length);
  }
  for (const m of text.matchAll(POSTCODE)) {
    const outward = m[1];
    const area = /^[A-Za-z]+/.exec(outward)?.[0].toUpperCase() ?? '';
    // All capitals or all lower case ("ls6 3hn"); mixed case is a word like "Bs1"... rarely a postcode.
    const mixedCase = m[0] !== m[0].toUpperCase() && m[0] !== m[0].toLowerCase();
    if (POSTCODE_AREAS.has(area) && !mixedCase) add('postcode', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(NI_NUMBER)) {
    const capitals = m[0] === m[0].toUpperCase();
    if (
      !NI_UNUSED_PREFIXES.has(m[1].toUpperCase()) &&
      (capitals || NI_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)))
    )
      add('ni_number', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(CARD)) {
    const value = m[0].replace(/[ -]+$/, '');
    const d = digits(value);
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const said = CARD_BEFORE.test(before);
    if (
      d.length >= 13 &&
      d.length <= 19 &&
      /^[2-6]/.test(d) &&
      luhn(d) &&
      new Set(d).size > 1 &&
      (said || !referenceBefore(text, m.index))
    ) {
      add('card', m.index, m.index + value.length);
    }
  }
  for (const re of [INTRODUCTION, RELATION, SIGN_OFF, NAME_LINE, SELF]) {
    for (const m of text.matchAll(re)) {
      const name = m[1];
      const start = m.indices?.[1]?.[0] ?? m.index;
      if (re === SIGN_OFF && start < text.length - 200) continue;
      // A line on its own at the end is a signature only after some text, and only if it looks like one.
      if (re === NAME_LINE && (!text.slice(0, m.index).trim() || !(ROLE.test(m[2] ?? '') || likelyName(name, true))))
        continue;
      if (likelyName(name, re === SELF)) add('name', start, start + name.length);
      // "my boys Finlay and Rory": the second name too.
      if (re === RELATION && m[2] && likelyName(m[2], false)) {
        const second = m.indices?.[2]?.[0] ?? m.index;
        add('name', second, second + m[2].length);
      }
    }
  }
  for (const m of text.matchAll(INTRODUCTION_LOWER)) {
    const words = m[1].split(' ');
    if (words[0] !== words[0].toLowerCase() || !FIRST_NAMES.has(words[0])) continue;
    // "my name is lisa brown and..." keeps the surname; "my name is lisa and..." does not take "and".
    const name = words.length > 1 && !COMMON_WORDS.has(words[1]) ? m[1] : words[0];
    const start = m.indices?.[1]?.[0] ?? m.index;
    add('name', start, start + name.length);
  }
  return removeOverlaps(found);
}

/** Keeps the earliest of overlapping finds, and of those starting together the longest. */
function removeOverlaps(spans: PiiSpan[]): PiiSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}
