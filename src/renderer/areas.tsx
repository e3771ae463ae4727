import type { ComponentType } from 'react';
import type { ProjectSummary } from '../shared/api';
import { Dashboard } from './pages/Dashboard';
import { Placeholder } from './pages/Placeholder';
import { Responses } from './pages/Responses';

export interface AreaProps {
  project: ProjectSummary;
  go: (route: string) => void;
}

export interface Area {
  route: string;
  label: string;
  Page: ComponentType<AreaProps>;
}

const placeholder = (title: string, what: string): ComponentType<AreaProps> => {
  const Page = () => <Placeholder title={title} what={what} />;
  Page.displayName = title;
  return Page;
};

/** The five areas of the product, in the order of the work. */
export const AREAS: Area[] = [
  {
    route: 'import',
    label: 'Import',
    Page: placeholder('Import', 'Bring in survey exports (CSV, Excel), JSON, e-mails and letters, with a preview of how columns map to questions.'),
  },
  { route: 'responses', label: 'Responses', Page: Responses },
  {
    route: 'themes',
    label: 'Themes',
    Page: placeholder('Themes', 'Discover themes in each open question, refine the codebook, and let a classifier apply it to the rest.'),
  },
  { route: 'dashboard', label: 'Dashboard', Page: Dashboard },
  {
    route: 'reports',
    label: 'Reports',
    Page: placeholder('Reports', 'Export a summary of responses as Word, HTML, PDF or Markdown, and coded data as CSV or Excel.'),
  },
];
