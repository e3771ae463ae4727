/**
 * What an analyst must know before counting anything: organised campaigns (near-duplicate responses),
 * personal data that must not reach a published summary, and each response's stance and sentiment.
 */
import type { JobProgress } from './common';

// ---- Campaigns ----------------------------------------------------------------------------------------

export type CampaignStatus = 'proposed' | 'confirmed' | 'dismissed';

/**
 * A campaign is a group large enough to be organised (10 responses or more by default); a smaller group is
 * a set of duplicates, which counts as all its members unless an analyst says otherwise.
 */
export type GroupKind = 'campaign' | 'duplicates';

/** How a group counts in the "each campaign once" view: as one response (its template) or as all members. */
export type CountingMode = 'one' | 'all';

/**
 * The two ways every count can be read: every response as submitted, or each campaign group whose counting
 * mode is "one" (and is not dismissed) as a single response.
 */
export type CountingView = 'responses' | 'campaigns-once';

export interface CampaignGroup {
  id: number;
  questionId: number;
  questionCode: string;
  templateResponseId: number;
  templateRespondent: string;
  /** The start of the template's text. */
  templateExcerpt: string;
  size: number;
  kind: GroupKind;
  /** Distinct texts after normalisation: 1 means every member sent exactly the same words. */
  distinctTexts: number;
  /** Mean estimated similarity of members to the template (0-1). */
  meanSimilarity: number;
  status: CampaignStatus;
  counting: CountingMode;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface CampaignRun {
  at: string;
  by: string;
  params: Record<string, unknown>;
  stats: Record<string, unknown>;
}

export interface CampaignOverview {
  groups: CampaignGroup[];
  lastRun: CampaignRun | null;
  totals: {
    /** Responses to the question chosen, or to every open question. */
    responses: number;
    /** Of those, members of campaigns (not duplicate sets) that are not dismissed. */
    campaignResponses: number;
    /** What the "each campaign once" view counts. */
    countedOnce: number;
  };
}

export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface CampaignMember {
  responseId: number;
  respondentExternalId: string;
  similarity: number;
  /** Same words as the template (after normalisation). */
  exact: boolean;
  /** Share of the member's words that are its own, not the template's (0-1). */
  addedShare: number;
  /** The member's text against the template: what it shares, adds and leaves out. */
  segments: DiffSegment[];
}

export interface CampaignDetail {
  group: CampaignGroup;
  template: { responseId: number; text: string };
  /** Members matching the query, in all. */
  total: number;
  offset: number;
  members: CampaignMember[];
}

// ---- Personal data --------------------------------------------------------------------------------------

export type PiiKind = 'email' | 'phone' | 'postcode' | 'ni_number' | 'url' | 'card' | 'name';

export interface PiiFinding {
  responseId: number;
  kind: PiiKind;
  /** A label for people: "Phone number". */
  label: string;
  /** UTF-16 offsets into the response text (as JavaScript strings count). */
  start: number;
  end: number;
  text: string;
  /** The analyst said this is not personal data: it is not redacted. */
  falsePositive: boolean;
  markedBy: string | null;
}

export interface PiiResponseRow {
  responseId: number;
  respondentExternalId: string;
  questionCode: string;
  excerpt: string;
  findings: PiiFinding[];
}

export interface PiiPage {
  /** Responses with findings matching the query. */
  total: number;
  offset: number;
  rows: PiiResponseRow[];
  /** Findings still counted (not marked false positive), by kind. */
  byKind: { kind: PiiKind; label: string; count: number }[];
}

// ---- Stance and sentiment -------------------------------------------------------------------------------

export type Stance = 'agree' | 'disagree' | 'mixed' | 'unclear';
export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface StanceCounts {
  agree: number;
  disagree: number;
  mixed: number;
  unclear: number;
}

export interface SentimentSummary {
  /** Mean sentiment score, -1 (negative) to 1 (positive); null with no scored responses. */
  mean: number | null;
  positive: number;
  neutral: number;
  negative: number;
}

export interface StanceQuestion {
  questionId: number;
  code: string;
  text: string;
  /** Whether stance is shown for this question. */
  asksStance: boolean;
  /** True when that was decided from the question's wording, false when an analyst set it. */
  automatic: boolean;
  decidedBy: string | null;
  responses: number;
  stance: StanceCounts;
  sentiment: SentimentSummary;
}

export interface ResponseSignals {
  responseId: number;
  /** Null until the checks have run. */
  sentiment: { score: number; label: SentimentLabel } | null;
  /** Null where the question does not ask for a stance, or before the checks have run. */
  stance: { value: Stance; cue: string | null } | null;
  personalData: PiiFinding[];
  campaign: { group: CampaignGroup; member: CampaignMember } | null;
}

export type AggregateBy = 'question' | 'campaign';

export interface SignalAggregate {
  key: number;
  label: string;
  responses: number;
  stance: StanceCounts;
  sentiment: SentimentSummary;
}

export interface StanceAgreement {
  openQuestionId: number;
  closedQuestionId: number;
  /** Respondents who answered both questions. */
  respondents: number;
  /** Of those, where the text had a clear stance (agree or disagree) and the closed answer a side. */
  compared: number;
  /** Share of compared respondents where the two agree. */
  accuracy: number | null;
  /** Cohen's kappa over the compared respondents (agreement beyond chance). */
  kappa: number | null;
  /** Counts by text stance (rows) and closed answer side (columns). */
  matrix: { stance: Stance; agree: number; neutral: number; disagree: number }[];
}

export interface ClosedScale {
  questionId: number;
  code: string;
  text: string;
}

export interface SignalsApi {
  /** Finds campaign groups (a job). Groups an analyst confirmed or dismissed are kept as they are. */
  'campaigns.detect': { input: { questionIds?: number[] }; output: JobProgress };
  'campaigns.list': {
    input: { questionId?: number; status?: CampaignStatus; kind?: GroupKind };
    output: CampaignOverview;
  };
  /** A group with its template and a page of members, each diffed against the template. */
  'campaigns.get': {
    input: { id: number; offset: number; limit: number; editedOnly?: boolean };
    output: CampaignDetail;
  };
  'campaigns.setStatus': { input: { id: number; status: CampaignStatus }; output: CampaignGroup };
  'campaigns.setCounting': { input: { id: number; counting: CountingMode }; output: CampaignGroup };
  /**
   * Takes members out of a group (a job: templates and diffs are recomputed): into a new group of their
   * own, or (asNewGroup false) out of every group, marked as individual responses.
   */
  'campaigns.split': { input: { id: number; responseIds: number[]; asNewGroup: boolean }; output: JobProgress };

  /** Checks every open response for personal data, sentiment and stance (a job). */
  'signals.scan': { input: void; output: JobProgress };
  /** Everything known about one response, for the reading pane. */
  'signals.response': { input: { responseId: number }; output: ResponseSignals };
  'signals.aggregate': {
    input: { by: AggregateBy; questionId?: number; view: CountingView };
    output: SignalAggregate[];
  };

  'pii.list': {
    input: { kind?: PiiKind; questionId?: number; includeFalsePositives?: boolean; offset: number; limit: number };
    output: PiiPage;
  };
  /** Marks (or unmarks) one finding as not personal data. Audited; respected by redaction. */
  'pii.mark': {
    input: { responseId: number; kind: PiiKind; start: number; end: number; falsePositive: boolean };
    output: PiiFinding[];
  };
  /** The response as it will be exported: personal data replaced by [email], [postcode] and so on. */
  'pii.redacted': { input: { responseId: number }; output: { text: string } };

  'stance.questions': { input: void; output: { questions: StanceQuestion[]; closedScales: ClosedScale[] } };
  'stance.setQuestion': { input: { questionId: number; asksStance: boolean }; output: StanceQuestion };
  /** How well the stance read from an open answer matches the same respondent's closed agree/disagree answer. */
  'stance.agreement': { input: { openQuestionId: number; closedQuestionId: number }; output: StanceAgreement };
}
