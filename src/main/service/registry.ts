import type { Api } from '../../shared/api';
import { projectHandlers, projectSchemas } from './project-handlers';
import { responsesHandlers, responsesSchemas } from './responses-handlers';
import { reportsHandlers, reportsSchemas } from './reports-handlers';
import type { Handlers, Schemas } from './types';

/** Every call of the contract, joined from the areas. The types make a missing call a compile error. */
export const HANDLERS: Handlers<Api> = { ...projectHandlers, ...responsesHandlers, ...reportsHandlers };
export const SCHEMAS: Schemas<Api> = { ...projectSchemas, ...responsesSchemas, ...reportsSchemas };
