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

export type SortKey = 'respondent' | 'question' | 'type' | 'city' | 'submittedAt' | 'length';

export interface ResponseQuery {
  questionId?: number;
  /** Full-text search (FTS5 syntax: "phrases", AND/OR/NOT, prefix*). */
  search?: string;
  respondentTypes?: string[];
  cities?: string[];
  sort?: { key: SortKey; dir: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

export interface ResponseRow {
  id: number;
  respondentId: number;
  respondentExternalId: string;
  questionId: number;
  questionCode: string;
  /** Up to ~240 characters of the answer; the full text comes from responses.get. */
  excerpt: string;
  length: number;
  respondentType: string | null;
  organisation: string | null;
  city: string | null;
  submittedAt: string | null;
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
  answers: { responseId: number; questionId: number; questionCode: string; questionText: string; text: string }[];
}

export interface ResponseDetail {
  id: number;
  questionId: number;
  text: string;
  respondent: RespondentDetail;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface ResponsesApi {
  'questions.list': { input: void; output: Question[] };
  'responses.list': { input: ResponseQuery; output: ResponsePage };
  'responses.get': { input: { id: number }; output: ResponseDetail };
  /** Distinct respondent types and cities with counts, for filter menus. */
  'responses.facets': { input: void; output: { types: FacetCount[]; cities: FacetCount[] } };
}
