import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  readonly to: string[];
  readonly raw: string;
  /** A header, unfolded, with RFC 2047 encoded words decoded. */
  header(name: string): string | undefined;
}

/** A real SMTP server on 127.0.0.1 (port 0), no auth, no TLS: the e2e tests' mail sink. */
export class MailSink {
  readonly mails: SunkMail[] = [];

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<MailSink> {
    let sink: MailSink | undefined;
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      hideSTARTTLS: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          sink?.mails.push(parsed(to, Buffer.concat(chunks).toString('utf8')));
          callback();
        });
      },
    });
    sink = new MailSink(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  /** SMTP_URL for the app: plain SMTP, never STARTTLS. */
  url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}?ignoreTLS=true`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function parsed(to: string[], raw: string): SunkMail {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const headers = head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  return {
    to,
    raw,
    header(name) {
      const line = headers.find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`));
      return line === undefined ? undefined : decodeWords(line.slice(name.length + 1).trim());
    },
  };
}

/** `=?UTF-8?B?…?= =?UTF-8?Q?…?=` → text; the space between two encoded words is not part of the text. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}
