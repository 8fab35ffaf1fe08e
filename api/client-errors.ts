import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** The request line (URL included) and the headers together; Node answers 431 beyond. */
export const maxHeaderBytes = 16 * 1024;

/** Node's answer to each error it meets before the app sees the request; anything else is malformed framing. */
function problemFor(code: string | undefined): { status: number; title: string; detail: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, title: 'Request header fields too large', detail: `The request line and headers may have at most ${maxHeaderBytes} bytes together` };
    case 'HPE_REQUEST_TIMEOUT':
      return { status: 408, title: 'Request timeout', detail: 'The request did not arrive in time' };
    default:
      return { status: 400, title: 'Bad request', detail: 'This is not a well-formed HTTP/1.1 request' };
  }
}

/**
 * Requests Node refuses before Express sees them (headers too large, broken framing) get
 * problem details like every other refusal, instead of Node's empty answer.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Nobody left to answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem = problemFor(error.code);
    const body = JSON.stringify({ type: 'about:blank', ...problem });
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
