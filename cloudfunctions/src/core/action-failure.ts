import type { ErrorCode } from '../../../types/contract'

/** Thrown by handlers to refuse with a contract error code; dispatch turns it into an envelope. */
export class ActionFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly customMessage?: string,
  ) {
    super(code)
  }
}

export function refuse(code: ErrorCode, details?: unknown, message?: string): never {
  throw new ActionFailure(code, details, message)
}
