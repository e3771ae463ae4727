import { describe, expect, it } from 'vitest';
import type { ResponseFilter } from '../../src/shared/api';
import { filterChips } from '../../src/renderer/responses/filter-chips';

describe('the active filters as chips', () => {
  it('names what the dashboard’s bars add (not given, coding, counting), each removable on its own', () => {
    const filter: ResponseFilter = {
      cities: ['Leeds'],
      notGiven: ['type', 'place'],
      coding: ['hand', 'model', 'none'],
      counting: 'campaigns-once',
    };
    const chips = filterChips(filter, [], undefined);
    expect(chips.map((c) => c.label)).toEqual([
      'Place: Leeds',
      'No type given or No place given',
      'Coded by hand or Coded by model only or Not coded',
      'Each campaign counted once',
    ]);
    expect(chips.find((c) => c.key === 'counting')!.without(filter)).toEqual({
      cities: ['Leeds'],
      notGiven: ['type', 'place'],
      coding: ['hand', 'model', 'none'],
    });
    expect(chips.find((c) => c.key === 'notGiven')!.without(filter)).not.toHaveProperty('notGiven');
    expect(chips.find((c) => c.key === 'coding')!.without(filter)).not.toHaveProperty('coding');
  });

  it('shows no chip for counting every response, which narrows nothing', () => {
    expect(filterChips({ counting: 'responses' }, [], undefined)).toEqual([]);
  });
});
