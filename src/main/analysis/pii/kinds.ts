/** The kinds of personal data found in responses, and how each is shown when redacted. */
import type { PiiKind } from '../../../shared/api/signals';

export type { PiiKind };

export const PII_KINDS: readonly PiiKind[] = ['email', 'phone', 'postcode', 'ni_number', 'url', 'card', 'name'];

export const PII_PLACEHOLDER: Record<PiiKind, string> = {
  email: '[email]',
  phone: '[phone]',
  postcode: '[postcode]',
  ni_number: '[NI number]',
  url: '[url]',
  card: '[card number]',
  name: '[name]',
};

export const PII_LABEL: Record<PiiKind, string> = {
  email: 'E-mail address',
  phone: 'Phone number',
  postcode: 'Postcode',
  ni_number: 'National Insurance number',
  url: 'Web address',
  card: 'Card number',
  name: 'Name',
};

/** One piece of personal data: its kind and where it is, as UTF-16 offsets into the response text. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}
