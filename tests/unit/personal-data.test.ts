import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/main/analysis/pii/detect';
import { redact } from '../../src/main/analysis/pii/redact';
import { PII_FIXTURES, readPiiSnippets, scorePii } from '../../scripts/lib/pii-scores';
import { join } from 'node:path';

describe('personal data detection', () => {
  it('finds each kind with its offsets, and not the dates, prices and references around it', () => {
    const text =
      'My name is Priya Kaur. On 01/02/2024 I paid £1,250 (invoice ref 0113496078). Call 0113 496 0123 or ' +
      'email priya.kaur@example.com; I live at LS6 3HN. NI: AB 12 34 56 C. Card 4111 1111 1111 1111. See www.example.org.';
    const found = findPersonalData(text).map((f) => [f.kind, text.slice(f.start, f.end)]);
    expect(found).toEqual([
      ['name', 'Priya Kaur'],
      ['phone', '0113 496 0123'],
      ['email', 'priya.kaur@example.com'],
      ['postcode', 'LS6 3HN'],
      ['ni_number', 'AB 12 34 56 C'],
      ['card', '4111 1111 1111 1111'],
      ['url', 'www.example.org'],
    ]);
  });

  it('finds names in sign-offs but not organisations signing off', () => {
    expect(findPersonalData('Good luck.\n\nKind regards,\nJane Smith').map((f) => f.kind)).toEqual(['name']);
    expect(findPersonalData('Good luck.\n\nKind regards,\nLeeds City Council')).toEqual([]);
    expect(findPersonalData('Thanks for the opportunity to respond.')).toEqual([]);
  });

  it('meets its floors per kind on the labelled snippets (tests/fixtures/pii)', () => {
    const snippets = [...readPiiSnippets(), ...readPiiSnippets(join(PII_FIXTURES, 'holdout'))];
    expect(snippets.length).toBeGreaterThanOrEqual(200);
    expect(snippets.filter((s) => s.expected.length === 0).length).toBeGreaterThanOrEqual(80);
    const { byKind } = scorePii(snippets);
    for (const kind of ['email', 'phone', 'postcode', 'ni_number', 'url', 'card'] as const) {
      expect(byKind[kind].precision, `${kind} precision`).toBeGreaterThanOrEqual(0.95);
      expect(byKind[kind].recall, `${kind} recall`).toBeGreaterThanOrEqual(0.9);
    }
    expect(byKind.name.precision).toBeGreaterThanOrEqual(0.95);
    expect(byKind.name.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe('redaction', () => {
  const text = 'Email jo@example.com or ring 07700 900123.';
  const findings = findPersonalData(text);

  it('replaces each finding with its placeholder and leaves the rest as written', () => {
    expect(redact(text, findings)).toBe('Email [email] or ring [phone].');
  });

  it('leaves findings marked as false positives, and everything when turned off', () => {
    expect(
      redact(
        text,
        findings.map((f) => ({ ...f, falsePositive: f.kind === 'phone' })),
      ),
    ).toBe('Email [email] or ring 07700 900123.');
    expect(redact(text, findings, { enabled: false })).toBe(text);
    expect(redact(text, findings, { enabled: true, keep: ['email'] })).toBe('Email jo@example.com or ring [phone].');
  });

  it('never leaks part of overlapping or out-of-range findings', () => {
    const overlapping = [
      { kind: 'email' as const, start: 6, end: 20 },
      { kind: 'url' as const, start: 9, end: 20 },
      { kind: 'name' as const, start: 30, end: 999 },
    ];
    expect(redact(text, overlapping)).toBe('Email [email] or ring 07700 900123.');
  });
});
