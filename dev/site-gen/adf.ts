/**
 * Atlassian Document Format builders: only valid ADF (the tests check documents against
 * @atlaskit/adf-schema), in the shapes people paste secrets in.
 * @module
 */

export interface AdfMark {
  readonly type: string;
  readonly attrs?: Record<string, unknown>;
}

export interface AdfNode {
  readonly type: string;
  readonly attrs?: Record<string, unknown>;
  readonly content?: readonly AdfNode[];
  readonly text?: string;
  readonly marks?: readonly AdfMark[];
}

export interface AdfDoc {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly AdfNode[];
}

export const doc = (...content: AdfNode[]): AdfDoc => ({ type: 'doc', version: 1, content });

export const text = (value: string, marks?: readonly AdfMark[]): AdfNode =>
  marks && marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };

export const paragraph = (...content: AdfNode[]): AdfNode =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };

/** A paragraph of plain text; ADF text nodes may not be empty. */
export const para = (value: string): AdfNode => (value ? paragraph(text(value)) : paragraph());

export const codeBlock = (value: string, language = 'bash'): AdfNode => ({
  type: 'codeBlock',
  attrs: { language },
  content: [text(value)],
});

export const bulletList = (items: readonly string[]): AdfNode => ({
  type: 'bulletList',
  content: items.map((i) => ({ type: 'listItem', content: [para(i)] })),
});

/** A table: a header row, then the rows (cells as plain text). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): AdfNode {
  const cell = (type: 'tableHeader' | 'tableCell', value: string): AdfNode => ({
    type,
    attrs: {},
    content: [para(value)],
  });
  return {
    type: 'table',
    attrs: { isNumberColumnEnabled: false, layout: 'default' },
    content: [
      { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
      ...rows.map((r) => ({ type: 'tableRow', content: r.map((c) => cell('tableCell', c)) })),
    ],
  };
}

export const link = (value: string, href: string): AdfNode =>
  text(value, [{ type: 'link', attrs: { href } }]);

/** Marks that may be combined freely on one text node (code may only go with link). */
export const STYLE_MARKS: readonly AdfMark[] = [
  { type: 'strong' },
  { type: 'em' },
  { type: 'underline' },
  { type: 'strike' },
  { type: 'textColor', attrs: { color: '#ff5630' } },
];
