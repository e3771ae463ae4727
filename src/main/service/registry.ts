import type { Api } from '../../shared/api';
import { dashboardHandlers, dashboardSchemas } from './dashboard-handlers';
import { projectHandlers, projectSchemas } from './project-handlers';
import { responsesHandlers, responsesSchemas } from './responses-handlers';
import { importHandlers, importSchemas } from './import-handlers';
import { reportsHandlers, reportsSchemas } from './reports-handlers';
import { signalsHandlers, signalsSchemas } from './signals-handlers';
import { themesHandlers, themesSchemas } from './themes-handlers';
import { triageHandlers, triageSchemas } from './triage-handlers';
import type { Handlers, Schemas } from './types';

/** Every call of the contract, joined from the areas. The types make a missing call a compile error. */
export const HANDLERS: Handlers<Api> = {
  ...projectHandlers,
  ...responsesHandlers,
  ...importHandlers,
  ...triageHandlers,
  ...themesHandlers,
  ...signalsHandlers,
  ...reportsHandlers,
  ...dashboardHandlers,
};
export const SCHEMAS: Schemas<Api> = {
  ...projectSchemas,
  ...responsesSchemas,
  ...importSchemas,
  ...triageSchemas,
  ...themesSchemas,
  ...signalsSchemas,
  ...reportsSchemas,
  ...dashboardSchemas,
};
