/** Themes: discovery, the codebook, assignments (by hand, by model, by keyword rule), review and agreement. */

export type ThemeStatus = 'candidate' | 'accepted';
export type AssignmentSource = 'analyst' | 'model' | 'rule' | 'import';
export type AssignmentState = 'proposed' | 'accepted' | 'rejected';

export interface KeywordRule {
  id: number;
  themeId: number;
  /** "Any of" these words or phrases (matched after stemming, so "graduate" also finds "graduates"). */
  terms: string[];
  createdBy: string;
  createdAt: string;
}

export interface Quote {
  responseId: number;
  text: string;
}

export interface Theme {
  id: number;
  questionId: number;
  parentId: number | null;
  name: string;
  description: string;
  status: ThemeStatus;
  /** The "Other / unclear" group of its question: responses that fit no theme. */
  isOther: boolean;
  /** Most distinctive words and word pairs (class-based TF-IDF), as people wrote them. */
  keywords: string[];
  quotes: Quote[];
  rules: KeywordRule[];
  /** Responses an analyst assigned (or accepted a proposal for). */
  accepted: number;
  /** Responses proposed by a model or rule, not yet reviewed. */
  proposed: number;
  /** (accepted + proposed) / responses to the question. */
  share: number;
  createdBy: string;
  createdAt: string;
}

export interface QuestionThemes {
  questionId: number;
  responses: number;
  themes: Theme[];
  /** The latest discovery run for this question, if any. */
  discovery: RunSummary | null;
  /** The latest classification run, if any. */
  classification: RunSummary | null;
}

export interface RunSummary {
  id: number;
  kind: 'discover' | 'classify';
  questionId: number | null;
  parameters: Record<string, unknown>;
  seed: number;
  timings: Record<string, number>;
  quality: Record<string, unknown>;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

/** A part of a response that explains an assignment: highlight text.slice(start, end). */
export interface EvidenceSpan {
  start: number;
  end: number;
  term: string;
}

export interface AssignmentView {
  id: number;
  responseId: number;
  themeId: number;
  themeName: string;
  source: AssignmentSource;
  /** Analyst name, "discovery run 3 (k=12, seed 1)", "keyword rule: graduate, brain drain"... */
  sourceDetail: string;
  runId: number | null;
  confidence: number | null;
  state: AssignmentState;
  /** The words that drove a model or rule decision. */
  evidence: EvidenceSpan[];
  decidedBy: string | null;
  decidedAt: string | null;
  at: string;
}

export interface ThemeResponse {
  responseId: number;
  respondentExternalId: string;
  text: string;
  assignment: AssignmentView;
}

export interface ThemeResponsePage {
  total: number;
  offset: number;
  rows: ThemeResponse[];
}

export interface ThemeAgreement {
  theme: string;
  themeId: number;
  precision: number;
  recall: number;
  f1: number;
  kappa: number;
  support: number;
}

export interface Agreement {
  runId: number;
  at: string;
  /** Coded responses held out in cross-validation. */
  responses: number;
  samplesF1: number;
  microF1: number;
  macroF1: number;
  kappa: number;
  threshold: number;
  perTheme: ThemeAgreement[];
  /** Themes with no coded example, which the model cannot learn. */
  untrainable: string[];
}

export interface DiscoverInput {
  questionId: number;
  /** A number of themes (2-30), or 'auto'. */
  themes: number | 'auto';
  seed?: number;
  /** Re-cluster only the "Other / unclear" group, adding new candidate themes. */
  otherOnly?: boolean;
}

export interface DiscoverResult {
  runId: number;
  themes: number;
  inOther: number;
  languages: Record<string, number>;
}

export interface ClassifyResult {
  runId: number;
  proposals: number;
  responses: number;
  agreement: Agreement | null;
}

export interface CodebookTheme {
  name: string;
  description: string;
  keywords: string[];
  rules: string[][];
  subThemes: { name: string; description: string; keywords: string[]; rules: string[][] }[];
}

/** A codebook to reuse across consultations (the JSON export/import format). */
export interface Codebook {
  format: 'consultation-analyser-codebook';
  version: 1;
  question: string;
  themes: CodebookTheme[];
}

export interface ThemesApi {
  /** Starts discovery as a background job; returns its id. */
  'themes.discover': { input: DiscoverInput; output: { jobId: string } };
  'themes.list': { input: { questionId: number }; output: QuestionThemes };
  'themes.responses': {
    input: { themeId: number; states?: AssignmentState[]; offset: number; limit: number };
    output: ThemeResponsePage;
  };
  'themes.create': {
    input: { questionId: number; name: string; description?: string; parentId?: number | null };
    output: Theme;
  };
  /** Rename, describe, accept (status) or move under a parent (null to make top-level). */
  'themes.update': {
    input: { themeId: number; name?: string; description?: string; status?: ThemeStatus; parentId?: number | null };
    output: Theme;
  };
  'themes.delete': { input: { themeId: number }; output: { deletedAssignments: number } };
  /** Moves every assignment of `sourceIds` to `targetId`, then deletes the sources. Loses no decision. */
  'themes.merge': { input: { targetId: number; sourceIds: number[] }; output: Theme };
  /** Moves the given responses from a theme to a new theme. */
  'themes.split': { input: { themeId: number; name: string; responseIds: number[] }; output: Theme };
  'themes.setRules': { input: { themeId: number; rules: string[][] }; output: KeywordRule[] };
  /** Analyst assignment (multi-label): never overwritten by a model. */
  'themes.assign': { input: { responseIds: number[]; themeId: number }; output: { changed: number } };
  'themes.unassign': { input: { responseIds: number[]; themeId: number }; output: { changed: number } };
  /** A response's assignments, with evidence, for the reading pane. */
  'themes.ofResponse': { input: { responseId: number }; output: { assignments: AssignmentView[]; themes: Theme[] } };
  /** Accept or reject proposals: by id, or every proposal of a theme (optionally above a confidence). */
  'themes.decide': {
    input: { decision: 'accept' | 'reject'; assignmentIds?: number[]; themeId?: number; minConfidence?: number };
    output: { changed: number };
  };
  /** Proposals, least certain first. */
  'themes.review': {
    input: { questionId: number; offset: number; limit: number };
    output: { total: number; rows: ThemeResponse[] };
  };
  /** Starts classification of the responses no analyst has coded yet; returns the job id. */
  'themes.classify': { input: { questionId: number; seed?: number }; output: { jobId: string } };
  'themes.agreement': { input: { questionId: number }; output: Agreement | null };
  'themes.exportCodebook': {
    input: { questionId: number; format: 'json' | 'qdc' };
    output: { fileName: string; content: string };
  };
  'themes.importCodebook': {
    input: { questionId: number; content: string };
    output: { created: number; updated: number };
  };
}
