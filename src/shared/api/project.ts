import type { JobProgress, ProjectSummary } from './common';

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
  /** False when the file has been moved or deleted since. */
  exists: boolean;
}

export interface ProjectStats {
  questions: number;
  openQuestions: number;
  closedQuestions: number;
  respondents: number;
  responses: number;
  imports: number;
  themes: number;
  assignments: number;
  auditEntries: number;
  /** Campaign groups not dismissed, the responses in them, and what "each campaign once" counts. */
  campaignGroups: number;
  campaignResponses: number;
  /** Smaller groups of copies (fewer than 10 by default), not dismissed, and the responses in them. */
  duplicateSets: number;
  duplicateResponses: number;
  responsesCountedOnce: number;
  campaigns: {
    id: number;
    question: string;
    size: number;
    status: 'proposed' | 'confirmed';
    counting: 'one' | 'all';
  }[];
  /** Responses with personal data still flagged (not marked false positive), and findings by kind. */
  responsesWithPersonalData: number;
  personalDataByKind: Record<string, number>;
}

export interface Settings {
  analystName: string;
  /** Single-key shortcuts (J, K, D…) in the list of responses; off for speech-input users (WCAG 2.1.4). */
  characterShortcuts: boolean;
}

export interface ProjectApi {
  /** The project open now, or null. */
  'project.current': { input: void; output: ProjectSummary | null };
  'project.create': { input: { path: string; title?: string }; output: ProjectSummary };
  'project.open': { input: { path: string }; output: ProjectSummary };
  /** Asks the host for a file (a dialog in the app); null when the user cancels. */
  'project.chooseAndOpen': { input: void; output: ProjectSummary | null };
  'project.chooseAndCreate': { input: void; output: ProjectSummary | null };
  'project.openSample': { input: void; output: ProjectSummary };
  'project.close': { input: void; output: null };
  'project.recent': { input: void; output: RecentProject[] };
  'project.stats': { input: void; output: ProjectStats };
  'settings.get': { input: void; output: Settings };
  'settings.set': { input: Partial<Settings>; output: Settings };
  'jobs.list': { input: void; output: JobProgress[] };
  'jobs.cancel': { input: { id: string }; output: { cancelled: boolean } };
}
