/** A bad environment variable: start-up stops with a message that names it. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`configuration: ${variable} ${problem}`);
  }
}
