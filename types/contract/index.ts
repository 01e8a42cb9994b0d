import './zod-zh'

export * from './errors'
export * from './common'
export * from './roster'
export * from './accounts'
export * from './anomalies'
export * from './delegations'
export * from './actions'
