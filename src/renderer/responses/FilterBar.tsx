import { useState, type RefObject } from 'react';
import type { Facets, Question, ResponseFilter, SentimentLabel, Stance } from '../../shared/api';
import { FLAG_LABELS, FLAGS, PRIORITIES, PRIORITY_LABELS, STATUS_LABELS, STATUSES } from '../../shared/triage';
import { SENTIMENT_TEXT, STANCE_TEXT } from '../components/StanceBadge';
import { CODING_LABELS, filterChips } from './filter-chips';
import { useSearchText, useSharedFilter } from '../filter-store';
import { SavedViews } from './SavedViews';

interface Props {
  searchRef?: RefObject<HTMLInputElement | null>;
  questions: Question[];
  facets: Facets | undefined;
  analyst: string;
  /** Where the page reports what happened to saved views. */
  onMessage: (text: string) => void;
}

type Coding = NonNullable<ResponseFilter['coding']>[number];

const MANY = '__several';
/** "No type given" / "No place given" in the type and place menus: the filter's `notGiven`. */
const NONE = '__none';

type NotGiven = NonNullable<ResponseFilter['notGiven']>[number];

/** `notGiven` with `what` in it or out of it. */
function notGivenWith(filter: ResponseFilter, what: NotGiven, on: boolean): NotGiven[] {
  const rest = (filter.notGiven ?? []).filter((n) => n !== what);
  return on ? [...rest, what] : rest;
}

/** The value a single-choice menu shows for a list filter: its one value, none, or "several" (from a saved view or a link). */
function one(values: readonly string[] | undefined): string {
  if (!values?.length) return '';
  return values.length === 1 ? values[0] : MANY;
}

/**
 * A list filter (status, flag, priority...) as a drop-down of checkboxes: any number of values, none meaning
 * any. Native details/summary, so it opens and closes from the keyboard; Escape closes it too.
 */
function ListFilter<T extends string>(props: {
  id: string;
  label: string;
  anyLabel: string;
  values: readonly T[] | undefined;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (values: T[] | undefined) => void;
}) {
  const { id, label, anyLabel, values = [], options, labels, onChange } = props;
  const chosen = options.filter((o) => values.includes(o));
  const summary = !chosen.length
    ? anyLabel
    : chosen.length <= 2
      ? chosen.map((o) => labels[o]).join(', ')
      : `${chosen.length} chosen`;
  return (
    <fieldset className="field list-filter">
      <legend id={`${id}-label`}>{label}</legend>
      <details
        onKeyDown={(e) => {
          if (e.key === 'Escape' && e.currentTarget.open) {
            e.currentTarget.open = false;
            e.currentTarget.querySelector('summary')?.focus();
          }
        }}
      >
        <summary id={id} aria-labelledby={`${id}-label ${id}`}>
          {summary}
        </summary>
        <div className="choices">
          {options.map((o) => (
            <label key={o}>
              <input
                type="checkbox"
                checked={values.includes(o)}
                onChange={(e) => {
                  const next = e.target.checked ? [...values, o] : values.filter((v) => v !== o);
                  onChange(next.length ? options.filter((x) => next.includes(x)) : undefined);
                }}
              />
              {labels[o]}
            </label>
          ))}
        </div>
      </details>
    </fieldset>
  );
}

const formatCount = (n: number): string => n.toLocaleString('en-GB');

/**
 * Search and filters that combine, the active filters as removable chips, and saved views: the bar of the
 * filter Responses and the Dashboard share (filter-store.ts).
 */
export function FilterBar({ searchRef, questions, facets, analyst, onMessage }: Props) {
  const [filter, onChange] = useSharedFilter();
  const [searchText, onSearchText] = useSearchText(filter);
  const [more, setMore] = useState(false);
  // onChange leaves out what narrows nothing (an undefined field, an empty list): see filter-store.ts.
  const set = (patch: Partial<ResponseFilter>): void => onChange({ ...filter, ...patch });
  const chips = filterChips(filter, questions, facets);
  const closed = questions.filter((q) => q.kind === 'closed' && q.options?.length);
  const typeNotGiven = !!filter.notGiven?.includes('type');
  const type = typeNotGiven ? (filter.respondentTypes?.length ? MANY : NONE) : one(filter.respondentTypes);
  const place = filter.notGiven?.includes('place')
    ? filter.cities?.length || filter.regions?.length
      ? MANY
      : NONE
    : filter.regions?.length === 1 && !filter.cities?.length
      ? `region:${filter.regions[0]}`
      : filter.cities?.length === 1 && !filter.regions?.length
        ? `city:${filter.cities[0]}`
        : filter.cities?.length || filter.regions?.length
          ? MANY
          : '';
  const answer =
    filter.answers?.length === 1 && filter.answers[0].options.length === 1
      ? `${filter.answers[0].questionId}:${filter.answers[0].options[0]}`
      : filter.answers?.length
        ? MANY
        : '';
  const themeIds = filter.themes?.ids ?? [];

  return (
    <div className="filter-area">
      <form className="filters" role="search" aria-label="Response filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor="search">Search</label>
          <input
            id="search"
            ref={searchRef}
            type="search"
            value={searchText}
            onChange={(e) => onSearchText(e.target.value)}
            placeholder='Words, "a phrase", graduat*, housing NOT London'
            aria-describedby="search-help"
          />
          <span id="search-help" className="visually-hidden">
            Use double quotes for phrases, AND, OR and NOT in capitals, and * at the end of a word for prefixes.
          </span>
        </div>
        <div className="field">
          <label htmlFor="question">Question</label>
          <select
            id="question"
            value={filter.questionId ?? ''}
            onChange={(e) => set({ questionId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">All questions</option>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.code}: {q.text.length > 50 ? `${q.text.slice(0, 50)}…` : q.text}
              </option>
            ))}
          </select>
        </div>
        <ListFilter
          id="status"
          label="Status"
          anyLabel="Any status"
          values={filter.statuses}
          options={STATUSES}
          labels={STATUS_LABELS}
          onChange={(statuses) => set({ statuses })}
        />
        <div className="field">
          <label htmlFor="type">Respondent type</label>
          <select
            id="type"
            value={type}
            onChange={(e) => {
              const value = e.target.value;
              if (value === MANY) return;
              set({
                respondentTypes: value && value !== NONE ? [value] : undefined,
                notGiven: notGivenWith(filter, 'type', value === NONE),
              });
            }}
          >
            <option value="">All types</option>
            {type === MANY && <option value={MANY}>Several (see active filters)</option>}
            {facets?.types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.value} ({formatCount(t.count)})
              </option>
            ))}
            <option value={NONE}>No type given</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="place">Place</label>
          <select
            id="place"
            value={place}
            onChange={(e) => {
              const [kind, ...rest] = e.target.value.split(':');
              const value = rest.join(':');
              if (e.target.value === MANY) return;
              set({
                cities: kind === 'city' ? [value] : undefined,
                regions: kind === 'region' ? [value] : undefined,
                notGiven: notGivenWith(filter, 'place', e.target.value === NONE),
              });
            }}
          >
            <option value="">All places</option>
            {place === MANY && <option value={MANY}>Several (see active filters)</option>}
            {!!facets?.regions.length && (
              <optgroup label="Regions">
                {facets.regions.map((r) => (
                  <option key={r.value} value={`region:${r.value}`}>
                    {r.value} ({formatCount(r.count)})
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Places">
              {facets?.cities.map((c) => (
                <option key={c.value} value={`city:${c.value}`}>
                  {c.value} ({formatCount(c.count)})
                </option>
              ))}
            </optgroup>
            <option value={NONE}>No place given</option>
          </select>
        </div>
        <div className="field check">
          <input
            id="unread"
            type="checkbox"
            checked={!!filter.unread}
            onChange={(e) => set({ unread: e.target.checked || undefined })}
          />
          <label htmlFor="unread">Unread only</label>
        </div>
        <button type="button" aria-expanded={more} aria-controls="more-filters" onClick={() => setMore(!more)}>
          {more ? 'Fewer filters' : 'More filters'}
        </button>
      </form>

      {more && (
        <div id="more-filters" className="filters more" role="group" aria-label="More filters">
          <ListFilter
            id="flag"
            label="Flag"
            anyLabel="Any or none"
            values={filter.flags}
            options={FLAGS}
            labels={FLAG_LABELS}
            onChange={(flags) => set({ flags })}
          />
          <ListFilter
            id="priority"
            label="Priority"
            anyLabel="Any priority"
            values={filter.priorities}
            options={PRIORITIES}
            labels={PRIORITY_LABELS}
            onChange={(priorities) => set({ priorities })}
          />
          {closed.length > 0 && (
            <div className="field">
              <label htmlFor="answer">Answer to a closed question</label>
              <select
                id="answer"
                value={answer}
                onChange={(e) => {
                  if (e.target.value === MANY) return;
                  const [qid, ...option] = e.target.value.split(':');
                  set({
                    answers: e.target.value ? [{ questionId: Number(qid), options: [option.join(':')] }] : undefined,
                  });
                }}
              >
                <option value="">Any answer</option>
                {answer === MANY && <option value={MANY}>Several (see active filters)</option>}
                {closed.map((q) => (
                  <optgroup key={q.id} label={`${q.code}: ${q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text}`}>
                    {q.options!.map((o) => (
                      <option key={o} value={`${q.id}:${o}`}>
                        {q.code}: {o}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="from">Submitted from</label>
            <input
              id="from"
              type="date"
              value={filter.submittedFrom ?? ''}
              min={facets?.submitted?.from}
              max={facets?.submitted?.to}
              onChange={(e) => set({ submittedFrom: e.target.value || undefined })}
            />
          </div>
          <div className="field">
            <label htmlFor="to">Submitted to</label>
            <input
              id="to"
              type="date"
              value={filter.submittedTo ?? ''}
              min={facets?.submitted?.from}
              max={facets?.submitted?.to}
              onChange={(e) => set({ submittedTo: e.target.value || undefined })}
            />
          </div>
          {facets?.available.themes && (
            <fieldset className="field themes">
              <legend>Themes</legend>
              <select
                aria-label="Themes (choose one or more)"
                multiple
                size={Math.min(6, Math.max(2, facets.themes.length))}
                value={themeIds.map(String)}
                onChange={(e) => {
                  const ids = [...e.target.selectedOptions].map((o) => Number(o.value));
                  set({ themes: ids.length ? { ids, mode: filter.themes?.mode ?? 'any' } : undefined });
                }}
              >
                {facets.themes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              {(['any', 'all'] as const).map((mode) => (
                <label key={mode} className="inline">
                  <input
                    type="radio"
                    name="theme-mode"
                    checked={(filter.themes?.mode ?? 'any') === mode}
                    onChange={() => themeIds.length && set({ themes: { ids: themeIds, mode } })}
                  />
                  {mode === 'any' ? 'Any of them' : 'All of them'}
                </label>
              ))}
            </fieldset>
          )}
          <div className="field">
            <label htmlFor="pii">Personal data</label>
            <select
              id="pii"
              value={filter.hasPersonalData === undefined ? '' : String(filter.hasPersonalData)}
              onChange={(e) => set({ hasPersonalData: e.target.value ? e.target.value === 'true' : undefined })}
            >
              <option value="">Either</option>
              <option value="true">Has personal data</option>
              <option value="false">No personal data</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="campaign">Campaigns</label>
            <select
              id="campaign"
              value={filter.campaign ?? ''}
              onChange={(e) => set({ campaign: (e.target.value || undefined) as ResponseFilter['campaign'] })}
            >
              <option value="">All responses</option>
              <option value="member">In a campaign or duplicate set</option>
              <option value="unique">Unique responses</option>
            </select>
          </div>
          <ListFilter
            id="stance"
            label="Stance (estimate)"
            anyLabel="Any stance"
            values={filter.stances}
            options={Object.keys(STANCE_TEXT) as Stance[]}
            labels={STANCE_TEXT}
            onChange={(stances) => set({ stances })}
          />
          <ListFilter
            id="sentiment"
            label="Sentiment (estimate)"
            anyLabel="Any sentiment"
            values={filter.sentiments}
            options={Object.keys(SENTIMENT_TEXT) as SentimentLabel[]}
            labels={SENTIMENT_TEXT}
            onChange={(sentiments) => set({ sentiments })}
          />
          <ListFilter
            id="coding"
            label="Coding"
            anyLabel="Coded or not"
            values={filter.coding}
            options={Object.keys(CODING_LABELS) as Coding[]}
            labels={CODING_LABELS}
            onChange={(coding) => set({ coding })}
          />
          <div className="field check">
            <input
              id="mine"
              type="checkbox"
              checked={filter.assignee === analyst}
              onChange={(e) => set({ assignee: e.target.checked ? analyst : undefined })}
            />
            <label htmlFor="mine">Assigned to me</label>
          </div>
        </div>
      )}

      <div className="active-filters">
        {chips.length > 0 ? (
          <>
            <h2 className="visually-hidden">Active filters</h2>
            <ul aria-label="Active filters">
              {chips.map((chip) => (
                <li key={chip.key} className="chip">
                  <span>{chip.label}</span>
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove filter ${chip.label}`}
                    onClick={() => onChange(chip.without(filter))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => onChange({})}>
              Clear filters
            </button>
          </>
        ) : (
          <span className="muted">No filters: every response is included.</span>
        )}
        <SavedViews filter={filter} onChange={onChange} onMessage={onMessage} />
      </div>
    </div>
  );
}
