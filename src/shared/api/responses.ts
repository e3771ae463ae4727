import type { CountingView, SentimentLabel, Stance } from './signals';
import type { Flag, Priority, TriageState, TriageStatus } from './triage';

export type QuestionKind = 'open' | 'closed' | 'attribute';

export interface Question {
  id: number;
  code: string;
  text: string;
  kind: QuestionKind;
  options: string[] | null;
  position: number;
  responseCount: number;
}

/**
 * Which responses to show: the one filter model of the app. The Responses area edits it, saved views store
 * it, bulk actions apply to it and other areas (the dashboard) link to it. Every field narrows the set;
 * within a list field any value matches (OR), across fields all must match (AND).
 */
export interface ResponseFilter {
  questionId?: number;
  /** Full-text search: words, "a phrase", prefix*, AND / OR / NOT, (grouping). */
  search?: string;
  statuses?: TriageStatus[];
  /** Responses with any of these flags. */
  flags?: Flag[];
  priorities?: Priority[];
  /** Responses coded with these themes: any one of them, or all of them. */
  themes?: { ids: number[]; mode: 'any' | 'all' };
  respondentTypes?: string[];
  /** Places as given by respondents. */
  cities?: string[];
  /** Regions (see src/shared/places.ts): matches the places in them. */
  regions?: string[];
  /** Submission date range, inclusive, as YYYY-MM-DD. */
  submittedFrom?: string;
  submittedTo?: string;
  /** Respondents who chose one of `options` in closed question `questionId`; every entry must match. */
  answers?: { questionId: number; options: string[] }[];
  /** Responses found to hold personal data (true, not counting findings marked false positives) or not (false). */
  hasPersonalData?: boolean;
  /** Responses in a campaign or duplicate set that is not dismissed ('member'), or in none ('unique'). */
  campaign?: 'member' | 'unique';
  /** Estimated stance (only where the question asks for one) and sentiment, from the signals scan. */
  stances?: Stance[];
  sentiments?: SentimentLabel[];
  /** Only responses nobody has opened yet (status "new"). */
  unread?: boolean;
  /** Assigned to this analyst. */
  assignee?: string;
  /** Respondents who gave no respondent type, or no place (what the Dashboard's "Not given" bars count). */
  notGiven?: ('type' | 'place')[];
  /**
   * How far coding has got: a theme a person gave or accepted ('hand'); themes a model or rule proposed and
   * nobody has decided yet ('model'); no theme ('none'). Rejected themes do not count.
   */
  coding?: ('hand' | 'model' | 'none')[];
  /**
   * 'campaigns-once' leaves out the copies in campaign groups an analyst set to count once (the group's
   * template stands for them): the responses the Dashboard counts under "Each campaign once".
   */
  counting?: CountingView;
}

export type SortKey =
  'relevance' | 'respondent' | 'question' | 'type' | 'city' | 'submittedAt' | 'status' | 'priority' | 'length';

export interface ResponseQuery extends ResponseFilter {
  /** Defaults to relevance when searching, otherwise respondent order. */
  sort?: { key: SortKey; dir: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** A stretch of text, marked when it matched the search. Rendered as text nodes, never as HTML. */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface ResponseRow {
  id: number;
  respondentId: number;
  respondentExternalId: string;
  questionId: number;
  questionCode: string;
  /** Up to ~240 characters of the answer, or the part around the search's matches. */
  excerpt: TextSegment[];
  length: number;
  respondentType: string | null;
  organisation: string | null;
  city: string | null;
  submittedAt: string | null;
  status: TriageStatus;
  priority: Priority;
  flags: Flag[];
  /** Theme names (empty until themes exist). */
  themes: string[];
  hasNote: boolean;
  assignee: string | null;
  /** Pieces of personal data found (false positives left out). */
  personalData: number;
  /** The campaign or duplicate set it is in (not dismissed), if any. */
  campaignKind: 'campaign' | 'duplicates' | null;
  /** Estimates from the signals scan: stance only where the question asks for one. */
  stance: Stance | null;
  sentimentLabel: SentimentLabel | null;
}

export interface ResponsePage {
  /** Matching rows in all (not just this page). */
  total: number;
  offset: number;
  rows: ResponseRow[];
}

export interface RespondentDetail {
  id: number;
  externalId: string;
  type: string | null;
  organisation: string | null;
  city: string | null;
  submittedAt: string | null;
  channel: string | null;
  attributes: Record<string, string>;
  answers: {
    responseId: number;
    questionId: number;
    questionCode: string;
    questionText: string;
    /** The answer, split where the search matched (one unmarked segment without a search). */
    segments: TextSegment[];
  }[];
}

export interface ResponseDetail {
  id: number;
  questionId: number;
  text: string;
  respondent: RespondentDetail;
  triage: TriageState;
  themes: string[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  types: FacetCount[];
  cities: FacetCount[];
  /** Regions with respondents in them (counts of respondents). */
  regions: FacetCount[];
  /** First and last submission dates (YYYY-MM-DD), null for an empty project. */
  submitted: { from: string; to: string } | null;
  /** Whether themes exist yet (the theme filter and column appear with them). */
  available: { themes: boolean };
  themes: { id: number; name: string; questionId: number | null }[];
}

export interface ResponsesApi {
  'questions.list': { input: void; output: Question[] };
  'responses.list': { input: ResponseQuery; output: ResponsePage };
  /** How many responses match a filter (what a bulk action would touch). */
  'responses.count': { input: ResponseFilter; output: { total: number } };
  /** The response with every answer of its respondent; `search` marks the matches. */
  'responses.get': { input: { id: number; search?: string }; output: ResponseDetail };
  /** Values and counts for the filter menus. */
  'responses.facets': { input: void; output: Facets };
}
