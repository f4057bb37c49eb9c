/**
 * `bytesToLines`, the converter of `socketTextStream` (Spark: `SocketReceiver.bytesToLines`, a
 * UTF-8 `BufferedReader.readLine`): `\n`, `\r` and `\r\n` each end one line, however the bytes
 * are split into packets.
 */
import { bytesToLines } from 'dstream-sim';

/** Feed the packets in order; the lines each packet completed, then what end() gave. */
function feed(...packets: string[]): { perPacket: string[][]; atEnd: string[] } {
  const c = bytesToLines();
  const perPacket = packets.map((p) => [...c.push(Buffer.from(p, 'utf8'))]);
  return { perPacket, atEnd: [...c.end()] };
}

describe('bytesToLines', () => {
  test('\\r\\n inside one packet ends one line, not two', () => {
    expect(feed('a\r\nb\r\nc').perPacket).toEqual([['a', 'b']]);
  });

  test('a stream that starts with \\n starts with an empty line (no \\r came before it)', () => {
    expect(feed('\nabc\n').perPacket).toEqual([['', 'abc']]);
  });

  test('empty lines between terminators are kept, as readLine returns them', () => {
    expect(feed('\r\n\r\n\n\r').perPacket).toEqual([['', '', '', '']]);
  });

  test('\\r at the end of a packet and \\n at the start of the next are one terminator', () => {
    expect(feed('a\r', '\nb\n')).toEqual({ perPacket: [['a'], ['b']], atEnd: [] });
  });

  test('\\r at the end of a packet followed by another character is a terminator of its own', () => {
    expect(feed('a\r', 'b\n')).toEqual({ perPacket: [['a'], ['b']], atEnd: [] });
    expect(feed('a\r', '\r\n')).toEqual({ perPacket: [['a'], ['']], atEnd: [] });
  });

  test('a \\r\\n split across packets leaves no empty line behind, even with text after it', () => {
    expect(feed('x\r', '\ny\nz')).toEqual({ perPacket: [['x'], ['y']], atEnd: ['z'] });
  });

  test('an unterminated last line comes out at end of stream, once', () => {
    const c = bytesToLines();
    expect([...c.push(Buffer.from('par'))]).toEqual([]);
    expect([...c.push(Buffer.from('tial'))]).toEqual([]);
    expect([...c.end()]).toEqual(['partial']);
    expect([...c.end()]).toEqual([]);
  });

  test('end of stream right after \\r: the line is complete and nothing more comes', () => {
    expect(feed('a\r')).toEqual({ perPacket: [['a']], atEnd: [] });
  });

  test('\\n\\n is an empty line, in one packet or split across packets (only a \\r swallows the \\n after it)', () => {
    expect(feed('a\n\nb\n').perPacket).toEqual([['a', '', 'b']]);
    expect(feed('a\n', '\nb\n').perPacket).toEqual([['a'], ['', 'b']]);
  });

  test('only the \\n right after a \\r is swallowed, not a later one', () => {
    expect(feed('a\r', 'b\n\nc\n').perPacket).toEqual([['a'], ['b', '', 'c']]);
    expect(feed('a\rb\n\n').perPacket).toEqual([['a', 'b', '']]);
  });

  test('a packet that completes no character leaves a pending \\r pending', () => {
    expect(feed('a\r', '', '\nb\n')).toEqual({ perPacket: [['a'], [], ['b']], atEnd: [] });
    const e = Buffer.from('é\n', 'utf8');
    const c = bytesToLines();
    expect([...c.push(Buffer.from('a\r'))]).toEqual(['a']);
    expect([...c.push(e.subarray(0, 1))]).toEqual([]);
    expect([...c.push(e.subarray(1))]).toEqual(['é']);
  });

  test('after end() the splitter starts afresh: a \\r that ended the last stream swallows nothing of the next', () => {
    const c = bytesToLines();
    expect([...c.push(Buffer.from('a\r'))]).toEqual(['a']);
    expect([...c.end()]).toEqual([]);
    expect([...c.push(Buffer.from('\nb\n'))]).toEqual(['', 'b']);
  });

  test('a multi-byte character split across packets is joined', () => {
    const bytes = Buffer.from('né\n', 'utf8');
    const c = bytesToLines();
    expect([...c.push(bytes.subarray(0, 2))]).toEqual([]);
    expect([...c.push(bytes.subarray(2))]).toEqual(['né']);
  });
});
