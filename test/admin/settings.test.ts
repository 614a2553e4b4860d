import { describe, expect, it } from 'vitest';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  isDetectorEnabled,
  isMonitored,
  scannerFor,
} from '../../src/admin/settings.js';
import { DETECTORS } from '../../src/detectors/index.js';

const apply = (patch: unknown) => applySettingsPatch(DEFAULT_SETTINGS, patch);

describe('settings', () => {
  it('monitors every project by default, and excludes the ones an admin leaves out', () => {
    expect(isMonitored(DEFAULT_SETTINGS, 'OPS')).toBe(true);
    const r = apply({ excludedProjects: ['PAY', 'PAY', 'HR'] });
    expect(r).toMatchObject({ ok: true, value: { excludedProjects: ['HR', 'PAY'] } });
    if (!r.ok) return;
    expect(isMonitored(r.value, 'PAY')).toBe(false);
    expect(isMonitored(r.value, 'OPS')).toBe(true);
  });

  it('keeps generic detectors off until switched on, and switches specific ones off', () => {
    expect(isDetectorEnabled(DEFAULT_SETTINGS, 'generic-password')).toBe(false);
    expect(isDetectorEnabled(DEFAULT_SETTINGS, 'github-pat')).toBe(true);
    const on = apply({ detector: { id: 'generic-password', enabled: true } });
    if (!on.ok) throw new Error(on.error);
    expect(isDetectorEnabled(on.value, 'generic-password')).toBe(true);
    const off = applySettingsPatch(on.value, { detector: { id: 'github-pat', enabled: false } });
    if (!off.ok) throw new Error(off.error);
    expect(off.value.detectorOverrides).toEqual(['generic-password', 'github-pat']);
    const scanner = scannerFor(off.value, 'k'.repeat(32));
    expect(scanner.detectors.map((d) => d.id)).toContain('generic-password');
    expect(scanner.detectors.map((d) => d.id)).not.toContain('github-pat');
    // Back to its default: no override kept.
    const back = applySettingsPatch(off.value, { detector: { id: 'github-pat', enabled: true } });
    expect(back.ok && back.value.detectorOverrides).toEqual(['generic-password']);
  });

  it('switches a whole family at once, or nothing when one id is unknown', () => {
    const github = DETECTORS.filter((d) => d.family === 'github').map((d) => d.id);
    expect(github.length).toBeGreaterThan(2);
    const off = apply({ detectors: github.map((id) => ({ id, enabled: false })) });
    if (!off.ok) throw new Error(off.error);
    expect(github.every((id) => !isDetectorEnabled(off.value, id))).toBe(true);
    expect(isDetectorEnabled(off.value, 'slack-bot-token')).toBe(true);
    const on = applySettingsPatch(off.value, {
      detectors: github.map((id) => ({ id, enabled: true })),
    });
    expect(on.ok && on.value.detectorOverrides).toEqual([]);
    expect(
      apply({
        detectors: [
          { id: 'github-pat', enabled: false },
          { id: 'no-such', enabled: false },
        ],
      }),
    ).toEqual({ ok: false, error: 'unknown detector "no-such"' });
    expect(apply({ detectors: [] })).toMatchObject({ ok: false });
  });

  it('answers every bad change with a clear error and changes nothing', () => {
    expect(apply({ excludedProjects: ['ops'] })).toEqual({
      ok: false,
      error: 'Excluded projects, item 1: not a Jira project key',
    });
    expect(apply({ detector: { id: 'nope', enabled: true } })).toEqual({
      ok: false,
      error: 'unknown detector "nope"',
    });
    expect(apply({ customDetectors: [{ name: 'x', pattern: '(unclosed' }] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('custom detector "x"') as string,
    });
    expect(apply({ incidentApiUrl: 'http://gg.example.com' })).toEqual({
      ok: false,
      error: 'Incident API URL must be an https address (starting with https://)',
    });
    expect(apply({ incidentApiUrl: 'https://u:p@gg.example.com' })).toMatchObject({ ok: false });
    expect(apply({ surprise: 1 }).ok).toBe(false);
    expect(apply('not an object').ok).toBe(false);
  });

  it('accepts custom detectors, a team group and an API URL', () => {
    const r = apply({
      customDetectors: [{ name: 'Acme key', pattern: 'acme_[a-z0-9]{32}' }],
      teamGroupId: '952d12c3-5b5b-4d04-bb32-44d383afc4b2',
      incidentApiUrl: 'https://api.gitguardian.com',
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        teamGroupId: '952d12c3-5b5b-4d04-bb32-44d383afc4b2',
        incidentApiUrl: 'https://api.gitguardian.com',
      },
    });
    // A name is not an id: the group is kept by id, names can be renamed and reused.
    expect(apply({ teamGroup: 'security-team' }).ok).toBe(false);
    expect(apply({ teamGroupId: 'security team/1' }).ok).toBe(false);
    if (!r.ok) return;
    const found = scannerFor(r.value, 'k'.repeat(32)).scan(`key acme_${'a1'.repeat(16)} here`);
    expect(found.findings.map((f) => f.name)).toEqual(['Acme key']);
  });

  it('refuses two custom detectors that would share an id, naming both', () => {
    // "A B" and "a-b" are both custom-a-b: their incidents would merge.
    expect(
      apply({
        customDetectors: [
          { name: 'A B', pattern: 'ab_[a-z0-9]{32}' },
          { name: 'a-b', pattern: 'xy_[a-z0-9]{32}' },
        ],
      }),
    ).toEqual({
      ok: false,
      error:
        'custom detectors "A B" and "a-b" have names that differ only in case, spaces or punctuation: rename one of them',
    });
    expect(
      apply({
        customDetectors: [
          { name: 'Acme key', pattern: 'acme_[a-z0-9]{32}' },
          { name: 'acme key', pattern: 'acme_[a-z0-9]{16}' },
        ],
      }).ok,
    ).toBe(false);
    expect(
      apply({
        customDetectors: [
          { name: 'A B', pattern: 'ab_[a-z0-9]{32}' },
          { name: 'A C', pattern: 'ac_[a-z0-9]{32}' },
        ],
      }).ok,
    ).toBe(true);
  });
});
