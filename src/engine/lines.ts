/**
 * Maps UTF-16 offsets to 1-based line and column; `\r\n`, `\n` and `\r` all end a line.
 * Reads the text only up to the largest offset asked for, jumping from break to break with a
 * native regex search, so a finding near the top of a large text costs next to nothing.
 */
export class LineIndex {
  private readonly breaks = /\r\n?|\n/g;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  /** Offsets must come in non-decreasing order (findings are sorted by start). */
  position(offset: number): { line: number; column: number } {
    if (offset < this.lineStart) {
      // Out of order: start again from the top.
      this.line = 1;
      this.lineStart = 0;
      this.breaks.lastIndex = 0;
    }
    for (;;) {
      const from = this.breaks.lastIndex;
      const m = this.breaks.exec(this.text);
      if (!m || m.index >= offset) {
        this.breaks.lastIndex = from; // not consumed: the next call may need it
        break;
      }
      this.line++;
      this.lineStart = m.index + m[0].length;
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}
