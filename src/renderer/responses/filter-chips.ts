import type { Facets, Question, ResponseFilter } from '../../shared/api';
import { FLAG_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../shared/triage';
import { SENTIMENT_TEXT, STANCE_TEXT } from '../components/StanceBadge';

export interface Chip {
  key: string;
  label: string;
  /** The filter without this part. */
  without: (f: ResponseFilter) => ResponseFilter;
}

function omit<K extends keyof ResponseFilter>(key: K): (f: ResponseFilter) => ResponseFilter {
  return (f) => {
    const next = { ...f };
    delete next[key];
    return next;
  };
}

const list = (values: string[]): string => values.join(' or ');

const NOT_GIVEN_LABELS: Record<NonNullable<ResponseFilter['notGiven']>[number], string> = {
  type: 'No type given',
  place: 'No place given',
};

export const CODING_LABELS: Record<NonNullable<ResponseFilter['coding']>[number], string> = {
  hand: 'Coded by hand',
  model: 'Coded by model only',
  none: 'Not coded',
};

/** What `counting: 'campaigns-once'` does, in the words the chip and the Responses count use. */
export const COUNTED_ONCE = 'Each campaign counted once';

/** Every active part of a filter, in words, each removable on its own: the visible filter state. */
export function filterChips(filter: ResponseFilter, questions: Question[], facets: Facets | undefined): Chip[] {
  const chips: Chip[] = [];
  const question = (id: number): string => questions.find((q) => q.id === id)?.code ?? `question ${id}`;
  if (filter.search) chips.push({ key: 'search', label: `Search: ${filter.search}`, without: omit('search') });
  if (filter.questionId !== undefined)
    chips.push({ key: 'question', label: `Question: ${question(filter.questionId)}`, without: omit('questionId') });
  if (filter.statuses?.length)
    chips.push({
      key: 'statuses',
      label: `Status: ${list(filter.statuses.map((s) => STATUS_LABELS[s]))}`,
      without: omit('statuses'),
    });
  if (filter.unread) chips.push({ key: 'unread', label: 'Unread only', without: omit('unread') });
  if (filter.flags?.length)
    chips.push({
      key: 'flags',
      label: `Flag: ${list(filter.flags.map((f) => FLAG_LABELS[f]))}`,
      without: omit('flags'),
    });
  if (filter.priorities?.length)
    chips.push({
      key: 'priorities',
      label: `Priority: ${list(filter.priorities.map((p) => PRIORITY_LABELS[p]))}`,
      without: omit('priorities'),
    });
  if (filter.respondentTypes?.length)
    chips.push({ key: 'types', label: `Type: ${list(filter.respondentTypes)}`, without: omit('respondentTypes') });
  if (filter.cities?.length)
    chips.push({ key: 'cities', label: `Place: ${list(filter.cities)}`, without: omit('cities') });
  if (filter.regions?.length)
    chips.push({ key: 'regions', label: `Region: ${list(filter.regions)}`, without: omit('regions') });
  if (filter.submittedFrom)
    chips.push({ key: 'from', label: `Submitted from ${filter.submittedFrom}`, without: omit('submittedFrom') });
  if (filter.submittedTo)
    chips.push({ key: 'to', label: `Submitted to ${filter.submittedTo}`, without: omit('submittedTo') });
  for (const [i, a] of (filter.answers ?? []).entries()) {
    chips.push({
      key: `answer-${a.questionId}`,
      label: `${question(a.questionId)} answered ${list(a.options)}`,
      without: (f) => ({ ...f, answers: f.answers?.filter((_, j) => j !== i) }),
    });
  }
  if (filter.themes?.ids.length) {
    const names = filter.themes.ids.map((id) => facets?.themes.find((t) => t.id === id)?.name ?? `theme ${id}`);
    chips.push({
      key: 'themes',
      label: `Themes (${filter.themes.mode}): ${names.join(', ')}`,
      without: omit('themes'),
    });
  }
  if (filter.hasPersonalData !== undefined) {
    chips.push({
      key: 'pii',
      label: filter.hasPersonalData ? 'Has personal data' : 'No personal data',
      without: omit('hasPersonalData'),
    });
  }
  if (filter.campaign)
    chips.push({
      key: 'campaign',
      label: filter.campaign === 'member' ? 'In a campaign or duplicate set' : 'Unique responses',
      without: omit('campaign'),
    });
  if (filter.stances?.length)
    chips.push({
      key: 'stances',
      label: `Stance: ${list(filter.stances.map((s) => STANCE_TEXT[s]))}`,
      without: omit('stances'),
    });
  if (filter.sentiments?.length)
    chips.push({
      key: 'sentiments',
      label: `Sentiment: ${list(filter.sentiments.map((s) => SENTIMENT_TEXT[s]))}`,
      without: omit('sentiments'),
    });
  if (filter.assignee !== undefined)
    chips.push({ key: 'assignee', label: `Assigned to ${filter.assignee}`, without: omit('assignee') });
  if (filter.notGiven?.length)
    chips.push({
      key: 'notGiven',
      label: list(filter.notGiven.map((n) => NOT_GIVEN_LABELS[n])),
      without: omit('notGiven'),
    });
  if (filter.coding?.length)
    chips.push({ key: 'coding', label: list(filter.coding.map((c) => CODING_LABELS[c])), without: omit('coding') });
  if (filter.counting === 'campaigns-once')
    chips.push({ key: 'counting', label: COUNTED_ONCE, without: omit('counting') });
  return chips;
}
