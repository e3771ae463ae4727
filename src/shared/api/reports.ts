/**
 * Reports: one summary of responses (the model every document writer renders) and the data exports.
 * Types only: the UI, the CLI and the tests share them.
 */
import type { JobProgress } from './common';

/**
 * Documents (docx, odt, html, pdf, md) render the summary; data exports stream every response:
 * csv (one row per response), csv-matrix (respondents x themes), xlsx (both, and the codebook, as sheets),
 * codebook (the themes as CSV). JSON belongs to the themes area.
 */
export type ReportFormat = 'docx' | 'odt' | 'html' | 'pdf' | 'md' | 'csv' | 'csv-matrix' | 'xlsx' | 'codebook';

/** How campaign groups count: "once" counts each group whose counting mode is "one" as a single response. */
export type CampaignCounting = 'once' | 'each';

export interface ReportOptions {
  /** Question codes to include, in the consultation's order; omitted or empty = every question. */
  questions?: string[];
  /** Themes to include; omitted = the signed-off themes (or the candidates where none is signed off yet). */
  themeIds?: number[];
  /** Replace personal data (e-mail addresses, phone numbers, postcodes...) in response text. On by default. */
  redact: boolean;
  /** Include responses an analyst excluded in triage. Off by default. */
  includeExcluded: boolean;
  campaigns: CampaignCounting;
  /** No respondent names, identifiers or organisations (see nameOrganisations). On by default. */
  anonymise: boolean;
  /** While anonymising, still name organisations that responded as organisations. */
  nameOrganisations: boolean;
}

/** A count and its share (0-1) of a stated base. */
export interface CountShare {
  label: string;
  count: number;
  share: number;
}

/** Counts by group (respondent type or place): each group's base, and one row per theme or option. */
export interface Breakdown {
  groups: { label: string; base: number }[];
  rows: { label: string; counts: number[] }[];
}

export interface ReportQuote {
  responseId: number;
  /** Already redacted where redaction is on. */
  text: string;
  /** "Individual, Leeds" or, where allowed, the organisation's name. */
  attribution: string;
}

export interface ReportTheme {
  id: number;
  name: string;
  description: string;
  keywords: string[];
  parentId: number | null;
  /** 0 for a top-level theme, 1 for a sub-theme... */
  depth: number;
  /** Responses with this theme (or one of its sub-themes). */
  count: number;
  /** count / the question's respondents. */
  share: number;
  quotes: ReportQuote[];
}

export interface ReportQuestion {
  id: number;
  code: string;
  text: string;
  kind: 'open' | 'closed';
  /** Responses to this question counted in the report. */
  respondents: number;
  /** Closed questions: each option, in the question's order (answers outside the options come last). */
  options: CountShare[];
  /** Open questions: themes, largest first, sub-themes after their parent. */
  themes: ReportTheme[];
  /** True when none of this question's themes is signed off: the report shows the candidates as a draft. */
  themesDraft: boolean;
  /** Open questions: counted responses with none of the themes shown. */
  withoutTheme: number;
  byType: Breakdown;
  byPlace: Breakdown;
}

export interface ReportCampaign {
  id: number;
  questionCode: string;
  status: string;
  /** Members in the report's scope. */
  size: number;
  /** How many of them the report counts (1 when counted once). */
  counted: number;
  /** The start of the template text, redacted where redaction is on. */
  excerpt: string;
}

export interface ReportMethods {
  /** Each analysis run (finding themes, classifying): what it did, its seed and settings. */
  runs: {
    questionCode: string | null;
    kind: string;
    at: string;
    seed: number | null;
    parameters: Record<string, unknown>;
  }[];
  /** Counted theme assignments in the report's scope, by who or what made them. */
  assignmentsBySource: CountShare[];
  /** The model's agreement with analysts, from each question's latest classification run that measured it. */
  agreement: {
    questionCode: string | null;
    at: string;
    coded: number;
    measures: { measure: string; value: number }[];
  }[];
  /** Responses left out because an analyst excluded them, by reason (empty when they are included). */
  excluded: CountShare[];
  /** Campaign members not counted separately (counting each campaign once). */
  campaignMembersCollapsed: number;
  /** How many quotes and campaign excerpts shown had personal data replaced. */
  redactions: number;
}

export interface ReportSummary {
  title: string;
  description: string;
  generatedAt: string;
  options: ReportOptions;
  /** Respondents with at least one counted response. */
  respondents: number;
  responses: number;
  byType: CountShare[];
  byPlace: CountShare[];
  byChannel: CountShare[];
  questions: ReportQuestion[];
  campaigns: ReportCampaign[];
  methods: ReportMethods;
}

export interface ExportResult {
  format: ReportFormat;
  path: string;
  fileName: string;
  bytes: number;
  /** Serve mode: where the browser can download the file (same origin, token cookie). */
  downloadUrl: string | null;
}

export interface ReportChoices {
  questions: { code: string; text: string; kind: string; responses: number }[];
  /** inDefault: shown when no themes are chosen (signed off, or the candidates where none is signed off). */
  themes: {
    id: number;
    questionCode: string;
    name: string;
    status: string;
    parentId: number | null;
    inDefault: boolean;
  }[];
  /** False where the host cannot show a save dialog (serve mode): exports are then offered as downloads. */
  canChoosePath: boolean;
}

export interface ReportsApi {
  /** The questions and themes the options form offers. */
  'reports.choices': { input: void; output: ReportChoices };
  /** The summary for these options and its self-contained HTML (shown in a sandboxed frame). */
  'reports.preview': { input: ReportOptions; output: { summary: ReportSummary; html: string } };
  /** Asks the host where to save (a dialog in the app); null when the user cancels. */
  'reports.choosePath': { input: { format: ReportFormat }; output: string | null };
  /**
   * Writes a report or data export as a job. With no path (serve mode) the file goes to the data folder's
   * exports and the job's result carries a download URL. The job's result is an ExportResult.
   */
  'reports.export': { input: { format: ReportFormat; options: ReportOptions; path?: string }; output: JobProgress };
}
