import { describe, expect, it } from 'vitest';
import { adfToText, segmentAt } from '../../src/content/adf-text.js';

const doc = (...content: unknown[]): unknown => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]): unknown => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]): unknown => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
});

describe('adfToText', () => {
  it('joins adjacent inline runs so a token split by formatting stays whole', () => {
    const r = adfToText(doc(p(t('key: '), t('AKIA', [{ type: 'strong' }]), t('Q3VMZ2LTRK7WXYAB'))));
    expect(r.text).toBe('key: AKIAQ3VMZ2LTRK7WXYAB');
    expect(segmentAt(r.segments, 5)?.path).toBe('/content/0/content/1/text');
    expect(segmentAt(r.segments, 9)?.path).toBe('/content/0/content/2/text');
  });

  it('puts a newline after blocks and for hard breaks', () => {
    const r = adfToText(
      doc(p(t('one'), { type: 'hardBreak' }, t('two')), {
        type: 'codeBlock',
        content: [t('three')],
      }),
    );
    expect(r.text).toBe('one\ntwo\nthree');
  });

  it('reads text held in attributes: mentions, emoji, status, dates, cards, expand titles', () => {
    const r = adfToText(
      doc(
        p(
          { type: 'mention', attrs: { id: 'abc', text: '@Jane' } },
          t(' '),
          { type: 'emoji', attrs: { shortName: ':rocket:', text: '🚀' } },
          { type: 'status', attrs: { text: 'BLOCKED' } },
          { type: 'date', attrs: { timestamp: '1795700000000' } },
          { type: 'inlineCard', attrs: { url: 'https://ci.internal/job/7' } },
        ),
        { type: 'expand', attrs: { title: 'Creds' }, content: [p(t('inside'))] },
      ),
    );
    expect(r.text.split('\n')).toEqual([
      '@Jane 🚀BLOCKED1795700000000https://ci.internal/job/7',
      'Creds',
      'inside',
    ]);
  });

  it('appends hidden strings (link href, media alt, extension parameters) with their paths', () => {
    const href = 'https://deploy:Vq3m9Lr2Tz@ci.internal/';
    const r = adfToText(
      doc(
        p(t('the CI', [{ type: 'link', attrs: { href } }])),
        {
          type: 'mediaSingle',
          content: [{ type: 'media', attrs: { id: 'x', type: 'file', alt: 'token.png' } }],
        },
        {
          type: 'extension',
          attrs: {
            extensionKey: 'k',
            parameters: { macroParams: { secret: { value: 's3cr3t-v4lue' } } },
          },
        },
      ),
    );
    const lines = r.text.split('\n');
    expect(lines).toEqual(['the CI', href, 'token.png', 's3cr3t-v4lue']);
    const at = r.text.indexOf(href);
    expect(segmentAt(r.segments, at)?.path).toBe('/content/0/content/0/marks/0/attrs/href');
    expect(segmentAt(r.segments, r.text.indexOf('s3cr3t'))?.path).toBe(
      '/content/2/attrs/parameters/macroParams/secret/value',
    );
  });

  it('keeps a secret split across three differently marked text nodes contiguous', () => {
    const r = adfToText(
      doc(
        p(
          t('token '),
          t('ghp_8Kd2', [{ type: 'strong' }]),
          t('mQ7xZ4vR1nT9', [{ type: 'em' }, { type: 'textColor', attrs: { color: '#ff5630' } }]),
          t('pL3sW6yB0cF5hJ2a', [{ type: 'code' }]),
          t(' expires Friday'),
        ),
      ),
    );
    const secret = 'ghp_8Kd2mQ7xZ4vR1nT9pL3sW6yB0cF5hJ2a';
    expect(r.text).toBe(`token ${secret} expires Friday`);
    const at = r.text.indexOf(secret);
    expect([at, at + 8, at + 20].map((o) => segmentAt(r.segments, o)?.path)).toEqual([
      '/content/0/content/1/text',
      '/content/0/content/2/text',
      '/content/0/content/3/text',
    ]);
  });

  it('reads link marks on media and inline media, not only on text', () => {
    const link = (href: string): unknown => [{ type: 'link', attrs: { href } }];
    const r = adfToText(
      doc(
        {
          type: 'mediaSingle',
          content: [
            { type: 'media', attrs: { type: 'file', id: 'a' }, marks: link('https://a/1') },
          ],
        },
        p({ type: 'mediaInline', attrs: { id: 'b' }, marks: link('https://b/2') }),
      ),
    );
    expect(r.text.split('\n')).toEqual(['https://a/1', 'https://b/2']);
    expect(segmentAt(r.segments, 0)?.path).toBe('/content/0/content/0/marks/0/attrs/href');
  });

  it('escapes free-text parameter keys so the path resolves (RFC 6901)', () => {
    const r = adfToText(
      doc({ type: 'extension', attrs: { parameters: { 'ci/token': 'x1', '~k': 'x2' } } }),
    );
    expect(r.segments.map((s) => s.path)).toEqual([
      '/content/0/attrs/parameters/ci~1token',
      '/content/0/attrs/parameters/~0k',
    ]);
  });

  it('does not stall on parameter objects that cycle or share references', () => {
    const cyclic: Record<string, unknown> = { a: 'leaf' };
    cyclic.self = cyclic;
    let shared: unknown = 'x';
    for (let i = 0; i < 64; i++) shared = { l: shared, r: shared };
    for (const parameters of [cyclic, shared]) {
      const r = adfToText(doc({ type: 'extension', attrs: { parameters } }), 1000);
      expect(r.skipped.at(-1)?.reason).toMatch(/more than 1000 nodes/);
    }
  });

  it('starts a block on its own line even after stray inline siblings', () => {
    const r = adfToText(
      doc(t('loose'), { type: 'blockCard', attrs: { url: 'https://c/3' } }, t('tail')),
    );
    expect(r.text).toBe('loose\nhttps://c/3\ntail');
  });

  it('walks a 10,000-level nested document without overflowing the stack', () => {
    let node: unknown = p(t('deep secret'));
    for (let i = 0; i < 10_000; i++) node = { type: 'blockquote', content: [node] };
    const r = adfToText(doc(node));
    expect(r.text).toBe('deep secret');
  });

  it('records malformed parts instead of throwing', () => {
    const r = adfToText(
      doc(p(t('ok'), { type: 'text', text: 7 }, 'junk'), { type: 'panel', content: 'no' }),
    );
    expect(r.text).toBe('ok');
    expect(r.skipped.map((s) => s.reason)).toEqual([
      'text node without a string text',
      'node is not an object',
      'content is not an array',
    ]);
    expect(adfToText(null).skipped[0]?.reason).toBe('document is not an object');
    const odd = adfToText(
      doc(
        p({ type: 'text', text: 'a', marks: 'bold' }, { type: 'text', text: 'b', marks: [null] }),
        { content: [p(t('untyped but read'))] },
      ),
    );
    expect(odd.text).toBe('ab\nuntyped but read');
    expect(odd.skipped).toEqual([
      { path: '/content/0/content/0', reason: 'marks is not an array' },
      { path: '/content/0/content/1/marks/0', reason: 'mark is not an object' },
      { path: '/content/1', reason: 'node without a string type' },
    ]);
  });

  it('stops at a node budget and says so', () => {
    const r = adfToText(doc(...Array.from({ length: 50 }, () => p(t('x')))), 20);
    expect(r.skipped.at(-1)?.reason).toMatch(/more than 20 nodes/);
  });
});
