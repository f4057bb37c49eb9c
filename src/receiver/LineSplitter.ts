import { StringDecoder } from 'node:string_decoder';

/**
 * Spark's `SocketReceiver.bytesToLines`: a UTF-8 `BufferedReader.readLine` over a byte stream.
 * Lines end at `\n`, `\r` or `\r\n` (the terminator is dropped); a multi-byte character split
 * across packets is joined; a final unterminated line is emitted at end of stream.
 */
export class LineSplitter {
  // Stryker disable next-line StringLiteral: Node reads an empty encoding name as UTF-8, its default
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  /** The last character was `\r` (Java's `skipLF`): a `\n` right after it ends no line of its own. */
  private afterCR = false;

  /** Feed a chunk of bytes; returns the lines completed by it. */
  push(chunk: Buffer): string[] {
    return this.split(this.decoder.write(chunk));
  }

  /** End of stream: the last unterminated line, if any; the splitter is then ready for a new stream. */
  end(): string[] {
    const lines = this.split(this.decoder.end());
    this.afterCR = false;
    if (this.partial.length > 0) lines.push(this.partial);
    this.partial = '';
    return lines;
  }

  private split(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const skipLF = this.afterCR;
      this.afterCR = c === 13;
      if (c === 10 && skipLF) {
        start = i + 1; // the \n of a \r\n: the \r ended the line
      } else if (c === 10 || c === 13) {
        lines.push(this.partial + text.slice(start, i));
        this.partial = '';
        start = i + 1;
      }
    }
    this.partial += text.slice(start);
    return lines;
  }
}
