// Every refusal a person can cause from the pages names the field by the label they see, never by
// a payload key (`incidentApiUrl`, `accountIds.0`), and says what is wrong without zod's jargon.
import { describe, expect, it } from 'vitest';
import { FIELD_WORDS } from '../../src/admin/field-words.js';
import { applySettingsPatch, DEFAULT_SETTINGS } from '../../src/admin/settings.js';
import { createApp, JANE } from './app-harness.js';

/** A camelCase id, a dotted path with an index, or zod's own wording. */
const INTERNAL =
  /\b[A-Za-z][a-z0-9]*[a-z][A-Z]\w*\b|\b\w+\.\d+\b|expected \w+ to have|Invalid input|Too (big|small)/;

function internalWords(message: string): string[] {
  const found = [...message.matchAll(new RegExp(INTERNAL, 'g'))].map((m) => m[0]);
  const keys = Object.keys(FIELD_WORDS).filter(
    (k) => /[A-Z]/.test(k) && message.toLowerCase().includes(k.toLowerCase()),
  );
  return [...found, ...keys];
}

const settingsError = (patch: unknown): string => {
  const r = applySettingsPatch(DEFAULT_SETTINGS, patch);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(patch)}`);
  return r.error;
};

const detectors = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Key ${String(i)}`,
    pattern: `k${String(i)}_\\d{9}`,
  }));

describe('validation messages in the page’s words', () => {
  it('finds an internal id when there is one (the check can fail)', () => {
    expect(internalWords('IncidentApiUrl must be an https URL.')).toContain('IncidentApiUrl');
    expect(internalWords('accountIds.0: not an account id')).toContain('accountIds');
    expect(internalWords('Too big: expected string to have <=100 characters')).not.toEqual([]);
  });

  it('says what is wrong with each setting the settings tab sends', () => {
    const messages = [
      settingsError({ incidentApiUrl: 'http://gg.example.com' }),
      settingsError({ incidentApiUrl: 'gg.example.com' }),
      settingsError({ incidentApiUrl: 'https://u:p@gg.example.com' }),
      settingsError({ incidentApiUrl: `https://gg.example.com/${'a'.repeat(2100)}` }),
      settingsError({ customDetectors: detectors(51) }),
      settingsError({ customDetectors: [{ name: 'x', pattern: '(unclosed' }] }),
      settingsError({ customDetectors: [{ name: 'x', pattern: 'a*' }] }),
      settingsError({ customDetectors: [{ name: '', pattern: 'a' }] }),
      settingsError({ customDetectors: [{ name: 'x'.repeat(81), pattern: 'a' }] }),
      settingsError({
        customDetectors: [
          { name: 'A B', pattern: 'ab_\\d{9}' },
          { name: 'a-b', pattern: 'xy_\\d{9}' },
        ],
      }),
      settingsError({ excludedProjects: ['ops'] }),
      settingsError({ teamGroupId: 'not a group!' }),
    ];
    expect(messages[0]).toBe('Incident API URL must be an https address (starting with https://)');
    expect(messages[3]).toBe('Incident API URL must be at most 2048 characters');
    expect(messages[4]).toBe('Custom detectors must be at most 50 items');
    for (const m of messages) expect(internalWords(m), m).toEqual([]);
  });

  it('says what is wrong with what a person types elsewhere on the pages', async () => {
    const app = createApp();
    const calls: [string, unknown][] = [
      ['setIncidentApiToken', { token: 'short' }],
      ['searchGroups', { query: 'g'.repeat(300) }],
      ['testCustomDetector', { name: '', pattern: '', text: '' }],
      ['testCustomDetector', { name: 'x', pattern: 'a', text: 't'.repeat(20_001) }],
      ['listIncidents', { filter: { search: 's'.repeat(101) } }],
      ['searchAssignees', { ids: ['x'], query: 'u'.repeat(101) }],
      ['startScan', { projects: [] }],
      ['startScan', { since: '2026-13-45' }],
      ['updateSettings', { incidentApiUrl: 'http://gg.example.com' }],
    ];
    const messages: string[] = [];
    for (const [name, payload] of calls) {
      const r = (await app.admin(name, JANE, payload)) as {
        ok: boolean;
        error?: { code: string; message: string };
      };
      expect(r.ok, `${name} ${JSON.stringify(payload)}`).toBe(false);
      messages.push(r.error?.message ?? '');
    }
    expect(messages[0]).toBe('Token must be at least 8 characters');
    expect(messages[2]).toBe('Name must not be empty; Pattern must not be empty');
    for (const m of messages) expect(internalWords(m), m).toEqual([]);
  });
});
