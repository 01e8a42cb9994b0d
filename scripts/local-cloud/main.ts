import path from 'node:path'
import { z } from 'zod'
import { resetDemoCompany } from './seed'
import { seedDemoAssessments } from './seed-assessments'
import { seedDemoWorkRecords } from './seed-work'
import { connectSdk, sdkEnvironment } from './sdk-client'
import { REPO_ROOT, startLocalCloud } from './server'

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
    DEV_SIGN_IN: z.enum(['0', '1']).default('1'),
    TIMERS: z.enum(['0', '1']).default('1'),
    SEED: z.enum(['never', 'if-empty', 'reset']).default('if-empty'),
  })
  .parse(process.env)

async function main(): Promise<void> {
  const cloud = await startLocalCloud({
    dataDir: path.resolve(env.DATA_DIR),
    host: env.HOST,
    port: env.PORT,
    devSignIn: env.DEV_SIGN_IN === '1',
    timers: env.TIMERS === '1',
  })
  if (env.SEED !== 'never') {
    const { db } = connectSdk(cloud.cloudEndpoint)
    const { total } = await db.collection('people').count()
    if (env.SEED === 'reset' || total === 0) {
      const seeded = await resetDemoCompany(db)
      const work = await seedDemoWorkRecords(db)
      console.log(`seeded demo company: ${seeded.departments} departments, ${seeded.people} people`)
      console.log(
        `seeded work records: ${work.customers} customers, ${work.tasks} tasks, ${work.archiveRecords} archive records, ${work.marketingItems} marketing items, ${work.groups} groups, ${work.spotChecks} spot checks, ${work.violations} violations`,
      )
      const months = await seedDemoAssessments(db)
      console.log(`seeded published assessments: ${months.join(', ')}`)
    }
  }
  await cloud.pool.warm()
  console.log(`业务微信管理 local runtime`)
  console.log(`app: ${cloud.url}/`)
  console.log(`cloud endpoint: ${cloud.cloudEndpoint}`)
  const sdkEnv = Object.entries(sdkEnvironment(cloud.cloudEndpoint))
    .map(([key, value]) => `${key}='${value}'`)
    .join(' ')
  console.log(`sdk environment: ${sdkEnv}`)
  console.log(`functions: ${cloud.pool.functions.map((f) => f.name).join(', ') || '(none built: run npm run build:functions)'}`)
  console.log(`data: ${path.resolve(env.DATA_DIR)}`)

  let closing = false
  const shutdown = () => {
    if (closing) return
    closing = true
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
