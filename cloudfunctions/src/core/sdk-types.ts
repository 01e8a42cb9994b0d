/**
 * The part of wx-server-sdk this product uses, typed narrowly. The SDK's bundled
 * typings are too loose under `strict` (`get()` may "return" void or string), so every
 * caller goes through these types instead.
 */
export type DocData = Record<string, unknown>

export interface QueryResult<T = DocData> {
  data: T[]
}

/** What `where` takes: a plain condition object or an operator expression such as `_.or([...])`. */
export type Condition = DocData | CommandValue

export interface Query<T = DocData> {
  where(query: Condition): Query<T>
  orderBy(field: string, direction: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  field(projection: Record<string, boolean | number>): Query<T>
  get(): Promise<QueryResult<T>>
  count(): Promise<{ total: number }>
  update(options: { data: DocData }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocRef<T = DocData> {
  get(): Promise<{ data: T }>
  set(options: { data: DocData }): Promise<unknown>
  update(options: { data: DocData }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Aggregate {
  match(query: DocData): Aggregate
  group(spec: DocData): Aggregate
  /** One output document per element of an array field (none for a missing, null or empty one). */
  unwind(field: string): Aggregate
  project(spec: DocData): Aggregate
  sort(spec: DocData): Aggregate
  skip(n: number): Aggregate
  limit(n: number): Aggregate
  end(): Promise<{ list: DocData[] }>
}

export interface Collection<T = DocData> extends Query<T> {
  add(options: { data: DocData }): Promise<{ _id: string }>
  /** One request for many documents: fan-out records (a notice to every recipient) stay cheap. */
  add(options: { data: DocData[] }): Promise<{ _ids: string[] }>
  doc(id: string): DocRef<T>
  aggregate(): Aggregate
}

export interface TransactionCollection<T = DocData> {
  doc(id: string): DocRef<T>
  add(options: { data: DocData }): Promise<{ _id: string }>
}

export interface Transaction {
  collection<T = DocData>(name: string): TransactionCollection<T>
  rollback(reason?: unknown): Promise<unknown>
}

export interface StartedTransaction extends Transaction {
  commit(): Promise<unknown>
}

/** A query operator's result, chainable with `and` / `or`. */
export interface CommandValue {
  and(other: unknown): CommandValue
  or(other: unknown): CommandValue
}

/** db.command: the query, update and aggregate operators in use. */
export interface Command {
  eq(v: unknown): CommandValue
  neq(v: unknown): CommandValue
  gt(v: unknown): CommandValue
  gte(v: unknown): CommandValue
  lt(v: unknown): CommandValue
  lte(v: unknown): CommandValue
  in(v: unknown[]): CommandValue
  nin(v: unknown[]): CommandValue
  exists(flag: boolean): CommandValue
  or(...conditions: unknown[]): CommandValue
  and(...conditions: unknown[]): CommandValue
  inc(n: number): unknown
  push(values: unknown): unknown
  addToSet(value: unknown): unknown
  remove(): unknown
  aggregate: Record<string, (...args: unknown[]) => unknown>
}

export interface Database {
  collection<T = DocData>(name: string): Collection<T>
  command: Command
  serverDate(options?: { offset?: number }): unknown
  RegExp(options: { regexp: string; options?: string }): unknown
  createCollection(name: string): Promise<unknown>
  runTransaction<R>(callback: (tx: Transaction) => Promise<R>, times?: number): Promise<R>
  startTransaction(): Promise<StartedTransaction>
}

export interface WXContext {
  OPENID?: string
  APPID?: string
  UNIONID?: string
  SOURCE?: string
}

export interface Cloud {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: Record<string, unknown>): void
  database(): Database
  getWXContext(): WXContext
  callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }>
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string; errMsg?: string }>
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg: string; maxAge?: number }>
    errMsg?: string
  }>
  openapi: {
    subscribeMessage: {
      send(options: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState?: string }): Promise<{ errCode?: number; errMsg?: string }>
    }
    phonenumber: {
      getPhoneNumber(options: { code: string }): Promise<{ errCode?: number; phoneInfo?: { purePhoneNumber?: string; phoneNumber?: string } }>
    }
  }
}
