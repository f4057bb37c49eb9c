import { StringDecoder } from 'node:string_decoder';

/**
 * Spark's `SocketReceiver.bytesToLines`: a UTF-8 `BufferedReader.readLine` over a byte stream.
 * Lines end at `\n`, `\r` or `\r\n` (the terminator is dropped); a multi-byte character split
 * across packets is joined; a final unterminated line is emitted at end of stream.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private pendingCR = false;

  /** Feed a chunk of bytes; returns the lines completed by it. */
  push(chunk: Buffer): string[] {
    return this.split(this.decoder.write(chunk));
  }

  /** End of stream: the last unterminated line, if any. */
  end(): string[] {
    const lines = this.split(this.decoder.end());
    this.pendingCR = false;
    if (this.partial.length > 0) lines.push(this.partial);
    this.partial = '';
    return lines;
  }

  private split(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === 10 && i === start) {
          start = i + 1;
          continue;
        }
      }
      if (c === 10 || c === 13) {
        lines.push(this.partial + text.slice(start, i));
        this.partial = '';
        start = i + 1;
        if (c === 13) {
          if (i + 1 < text.length) {
            if (text.charCodeAt(i + 1) === 10) {
              i++;
              start = i + 1;
            }
          } else {
            this.pendingCR = true;
          }
        }
      }
    }
    this.partial += text.slice(start);
    return lines;
  }
}
