/** Structured JSON logs (pino) on stdout; one root logger per server, children per component. */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'sharelog' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
