import type { z } from 'zod';
import type { Project } from './project';
import type { SettingsStore } from './settings';
import type { JobRunner } from '../jobs/runner';
import type { ApiEvent } from '../../shared/api';

/** What only the front door can do: the app shows a file dialog; serve mode and the CLI cannot. */
export interface Host {
  chooseProjectToOpen?(): Promise<string | null>;
  chooseProjectToCreate?(): Promise<string | null>;
  /** Files (or folders) to import; null when the user cancels. */
  chooseImportFiles?(): Promise<string[] | null>;
  /** A save dialog for an export; null when the user cancels. */
  chooseExportPath?(defaultName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
  /** Prints self-contained HTML to PDF (Electron's printToPDF); without it, Chromium headless is used. */
  printToPdf?(html: string): Promise<Uint8Array>;
}

/** Everything a handler may use. */
export interface ServiceContext {
  readonly settings: SettingsStore;
  readonly jobs: JobRunner;
  readonly host: Host;
  /** Where resources/ (the sample consultation) lives. */
  readonly resourcesDir: string;
  /** The open project; throws NO_PROJECT when there is none. */
  project(): Project;
  currentProject(): Project | null;
  setProject(project: Project | null): void;
  emit(event: ApiEvent): void;
  analyst(): string;
}

/** One function per call of an area's contract. */
export type Handlers<A extends { [K in keyof A]: { input: unknown; output: unknown } }> = {
  [M in keyof A]: (ctx: ServiceContext, input: A[M]['input']) => A[M]['output'] | Promise<A[M]['output']>;
};

/** One input schema per call of an area's contract: the boundary where input is validated. */
export type Schemas<A extends { [K in keyof A]: { input: unknown; output: unknown } }> = {
  [M in keyof A]: z.ZodType<A[M]['input']>;
};
