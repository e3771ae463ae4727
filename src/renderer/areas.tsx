import type { ComponentType } from 'react';
import type { ProjectSummary } from '../shared/api';
import { Import } from './pages/Import';
import { Campaigns } from './pages/Campaigns';
import { Dashboard } from './pages/Dashboard';
import { Responses } from './pages/Responses';
import { Themes } from './pages/Themes';
import { Reports } from './pages/Reports';

export interface AreaProps {
  project: ProjectSummary;
  go: (route: string) => void;
}

export interface Area {
  route: string;
  label: string;
  Page: ComponentType<AreaProps>;
}

/** The areas of the product, in the order of the work. */
export const AREAS: Area[] = [
  { route: 'import', label: 'Import', Page: Import },
  { route: 'responses', label: 'Responses', Page: Responses },
  { route: 'campaigns', label: 'Campaigns', Page: Campaigns },
  { route: 'themes', label: 'Themes', Page: Themes },
  { route: 'dashboard', label: 'Dashboard', Page: Dashboard },
  { route: 'reports', label: 'Reports', Page: Reports },
];
