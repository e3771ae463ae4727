import { z } from 'zod';
import type { ResponseFilter } from './api';
import { FLAGS, PRIORITIES, STATUSES } from './triage';

const id = z.number().int().positive();
const labels = z.array(z.string().max(200)).max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');

/**
 * The one filter model's checks, field by field: the backend validates every call that takes a filter with
 * them, and the renderer checks a filter read from an address with the same ones (filter-link.ts).
 */
export const filterFields = {
  questionId: id.optional(),
  search: z.string().max(1000).optional(),
  statuses: z.array(z.enum(STATUSES)).max(STATUSES.length).optional(),
  flags: z.array(z.enum(FLAGS)).max(FLAGS.length).optional(),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  themes: z.object({ ids: z.array(id).max(200), mode: z.enum(['any', 'all']) }).optional(),
  respondentTypes: labels.optional(),
  cities: labels.optional(),
  regions: labels.optional(),
  submittedFrom: day.optional(),
  submittedTo: day.optional(),
  answers: z
    .array(z.object({ questionId: id, options: labels }))
    .max(50)
    .optional(),
  hasPersonalData: z.boolean().optional(),
  campaign: z.enum(['member', 'unique']).optional(),
  stances: z
    .array(z.enum(['agree', 'disagree', 'mixed', 'unclear']))
    .max(4)
    .optional(),
  sentiments: z
    .array(z.enum(['positive', 'neutral', 'negative']))
    .max(3)
    .optional(),
  unread: z.boolean().optional(),
  assignee: z.string().max(200).optional(),
  notGiven: z
    .array(z.enum(['type', 'place']))
    .max(2)
    .optional(),
  coding: z
    .array(z.enum(['hand', 'model', 'none']))
    .max(3)
    .optional(),
  counting: z.enum(['responses', 'campaigns-once']).optional(),
};

export const filterObject = z.object(filterFields);
export const filterSchema: z.ZodType<ResponseFilter> = filterObject;
