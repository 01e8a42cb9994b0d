// One function instance: loads a built cloud function once and serves one invocation
// at a time, as WeChat Cloud does. The caller's identity travels in the environment
// (WX_CONTEXT_KEYS + WX_*) because that is where wx-server-sdk's getWXContext() reads it;
// serving one invocation at a time is what keeps that correct.
'use strict'

const entry = process.env.LOCAL_CLOUD_FUNCTION_ENTRY

// The runtime's dev clock: tests that need "two hours later" move the time functions see,
// the way libfaketime would, so function code keeps calling plain `new Date()`.
const RealDate = Date
let clockOffsetMs = 0
class RuntimeDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs)
    else super(...args)
  }
  static now() {
    return RealDate.now() + clockOffsetMs
  }
}
globalThis.Date = RuntimeDate
let fn
try {
  fn = require(entry)
} catch (err) {
  process.send({ type: 'load-error', message: String((err && err.stack) || err) })
  process.exit(1)
}

const CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_SOURCE']

process.on('message', async (msg) => {
  if (!msg || msg.type !== 'invoke') return
  clockOffsetMs = Number(msg.clockOffsetMs) || 0
  for (const key of CONTEXT_KEYS) delete process.env[key]
  for (const [key, value] of Object.entries(msg.context || {})) {
    if (typeof value === 'string' && value) process.env[key] = value
  }
  process.env.WX_CONTEXT_KEYS = CONTEXT_KEYS.join(',')
  const started = RealDate.now()
  try {
    const result = await fn.main(msg.event, { function_name: msg.name, request_id: msg.id })
    process.send({ type: 'result', id: msg.id, ok: true, result: result === undefined ? null : result, ms: RealDate.now() - started })
  } catch (err) {
    process.send({
      type: 'result',
      id: msg.id,
      ok: false,
      error: { message: String((err && err.message) || err), stack: err && err.stack },
      ms: RealDate.now() - started,
    })
  }
})

process.send({ type: 'ready' })
