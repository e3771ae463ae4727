import type { Api } from '../../shared/api';
import { dashboardHandlers, dashboardSchemas } from './dashboard-handlers';
import { projectHandlers, projectSchemas } from './project-handlers';
import { responsesHandlers, responsesSchemas } from './responses-handlers';
import type { Handlers, Schemas } from './types';

/** Every call of the contract, joined from the areas. The types make a missing call a compile error. */
export const HANDLERS: Handlers<Api> = { ...projectHandlers, ...responsesHandlers, ...dashboardHandlers };
export const SCHEMAS: Schemas<Api> = { ...projectSchemas, ...responsesSchemas, ...dashboardSchemas };
