/**
 * Failures as the CloudBase gateway reports them: `{code, message}`. wx-server-sdk maps `code`
 * through its TCB_ERR_CODE table (e.g. DATABASE_COLLECTION_NOT_EXIST → -502005) and prefixes the
 * message with the API name, so the code strings must be the gateway's own.
 */
export class WireError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message)
    this.name = 'WireError'
  }
}

/** The message WeChat Cloud sends, verbatim, so error text seen locally matches production logs. */
export function collectionNotExist(): WireError {
  return new WireError(
    'DATABASE_COLLECTION_NOT_EXIST',
    '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
  )
}

export function collectionExists(name: string): WireError {
  return new WireError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`)
}

export function invalidParam(message: string): WireError {
  return new WireError('INVALID_PARAM', message)
}

export function requestFailed(message: string): WireError {
  return new WireError('DATABASE_REQUEST_FAILED', message)
}

/** The one code the SDK's runTransaction retries on. */
export function transactionConflict(detail: string): WireError {
  return new WireError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${detail}`)
}

export function transactionGone(id: string): WireError {
  return new WireError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist, was committed, aborted or expired`)
}

/** MongoDB's E11000 text; the gateway passes the storage engine's message through. */
export function duplicateKey(collection: string, index: string, key: Record<string, unknown>): WireError {
  const shown = Object.entries(key)
    .map(([field, value]) => `${field}: ${showValue(value)}`)
    .join(', ')
  return requestFailed(`E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${shown} }`)
}

function showValue(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (Object.prototype.toString.call(value) === '[object Date]') return `new Date(${(value as Date).getTime()})`
  return JSON.stringify(value)
}
