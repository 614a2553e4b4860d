/**
 * Maps UTF-16 offsets to 1-based line and column; `\r\n`, `\n` and `\r` all end a line.
 * Reads the text only up to the largest offset asked for, jumping from break to break with
 * native `indexOf` searches (one per kind of break char, each kept until passed), so a finding near
 * the top of a large text costs next to nothing, and one lower down no allocation per line.
 */
export class LineIndex {
  private line = 1;
  private lineStart = 0;
  /** Next `\n` and `\r` at or after lineStart (Infinity when none). */
  private nextLf = -1;
  private nextCr = -1;

  constructor(private readonly text: string) {}

  /** Offsets must come in non-decreasing order (findings are sorted by start). */
  position(offset: number): { line: number; column: number } {
    const text = this.text;
    if (offset < this.lineStart) {
      // Out of order: start again from the top.
      this.line = 1;
      this.lineStart = 0;
      this.nextLf = -1;
      this.nextCr = -1;
    }
    for (;;) {
      if (this.nextLf < this.lineStart) this.nextLf = next(text, '\n', this.lineStart);
      if (this.nextCr < this.lineStart) this.nextCr = next(text, '\r', this.lineStart);
      const at = Math.min(this.nextLf, this.nextCr);
      if (at >= offset) break;
      this.line++;
      this.lineStart = at + (this.nextCr === at && this.nextLf === at + 1 ? 2 : 1);
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

function next(text: string, c: string, from: number): number {
  const i = text.indexOf(c, from);
  return i === -1 ? Infinity : i;
}
