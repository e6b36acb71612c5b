import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 for the tests: it accepts every message and keeps it, decoded. */

export type ReceivedMail = {
  /** The SMTP envelope. */
  from: string;
  to: string[];
  headers: Map<string, string>;
  /** Decoded from its MIME encoded words. */
  subject: string;
  /** Decoded from its transfer encoding as UTF-8. */
  text: string;
};

export type SmtpReceiver = {
  port: number;
  url: string;
  messages: ReceivedMail[];
  close: () => Promise<void>;
};

/** Bytes of one RFC 2047 encoded word's text. */
function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  return quotedPrintable(text.replace(/_/g, ' '));
}

function quotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes encoded words; whitespace between two of them is not part of the text (RFC 2047, 6.2). */
export function decodeHeader(value: string): string {
  const parts = value.replace(/\?=\s+=\?/g, '?==?').split(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)/);
  const bytes = parts.map((p) => {
    const m = /^=\?([^?]+)\?([BbQq])\?([^?]*)\?=$/.exec(p);
    return m ? wordBytes(m[2], m[3]) : Buffer.from(p, 'utf8');
  });
  return Buffer.concat(bytes).toString('utf8');
}

export function parseMail(raw: string): { headers: Map<string, string>; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const decoded =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body.replace(/=\r\n/g, ''))
        : Buffer.from(body, 'utf8');
  return {
    headers,
    subject: decodeHeader(headers.get('subject') ?? ''),
    text: decoded.toString('utf8').replace(/\r\n/g, '\n').trimEnd(),
  };
}

/** Starts the receiver on `port` (0: any free port). */
export async function startSmtpReceiver(port = 0): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelope = session.envelope;
        messages.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((a) => a.address),
          ...parseMail(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port where nothing listens right now (taken from a server just closed). */
export async function freePort(): Promise<number> {
  const probe = await startSmtpReceiver();
  await probe.close();
  return probe.port;
}
