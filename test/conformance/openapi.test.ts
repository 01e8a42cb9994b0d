/**
 * `cloud.openapi` through the real wx-server-sdk against the local runtime: the SDK sends
 * `wx.openApi` as multipart/form-data carrying protobuf, and reads WeChat's JSON answer out of
 * a protobuf response. Subscribe messages are recorded (and listed at /dev/messages); the
 * phone-number exchange accepts local `dev-phone:` codes.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { resetDemoCompany } from '../../scripts/local-cloud/seed'
import { startLocalCloud as startRaw } from '../../scripts/local-cloud/server'
import { GatewayClient } from '../support/api'
import { connectSdk, startLocalCloud, type TestCloud } from '../support/local-cloud'
import { rejection } from './support'

interface SubscribeMessage {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string | number }>
  miniprogramState?: string
  lang?: string
}
interface OpenApiSdk {
  openapi: {
    subscribeMessage: { send(options: SubscribeMessage): Promise<{ errCode: number; errMsg: string }> }
    phonenumber: {
      getPhoneNumber(options: { code: string }): Promise<{
        errCode: number
        errMsg: string
        phoneInfo: { phoneNumber: string; purePhoneNumber: string; countryCode: string; watermark: { timestamp: number; appid: string } }
      }>
    }
    security: { msgSecCheck(options: Record<string, unknown>): Promise<unknown> }
  }
}

interface Listed {
  id: string
  touser: string
  templateId: string
  page: string | null
  data: Record<string, { value: string | number }>
  sentAt: string
}

let cloud: TestCloud
let sdk: OpenApiSdk

beforeAll(async () => {
  cloud = await startLocalCloud()
  sdk = connectSdk(cloud.cloudEndpoint).cloud as unknown as OpenApiSdk
})

afterAll(async () => {
  await cloud.close()
})

async function listed(query = ''): Promise<Listed[]> {
  const res = await fetch(`${cloud.url}/dev/messages${query}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { data: { messages: Listed[] } }).data.messages
}

const approvalNotice = (touser: string, thing: string): SubscribeMessage => ({
  touser,
  templateId: 'tmpl-approval-result',
  page: 'pages/todo/index?tab=done',
  data: { thing1: { value: thing }, phrase2: { value: '已通过' }, time3: { value: '2024年6月1日 09:30' } },
  miniprogramState: 'developer',
})

describe('subscribeMessage.send', () => {
  beforeEach(async () => {
    expect((await fetch(`${cloud.url}/dev/messages`, { method: 'DELETE' })).status).toBe(200)
  })

  it('answers as WeChat does and records the message, listed newest first', async () => {
    const startedAt = Date.now()
    await expect(sdk.openapi.subscribeMessage.send(approvalNotice('o-alice', '业务微信账号申请'))).resolves.toEqual({
      errCode: 0,
      errMsg: 'openapi.subscribeMessage.send:ok',
    })
    await sdk.openapi.subscribeMessage.send(approvalNotice('o-bob', '异常报告'))
    const messages = await listed()
    expect(messages).toEqual([
      expect.objectContaining({ touser: 'o-bob', data: expect.objectContaining({ thing1: { value: '异常报告' } }) }),
      {
        id: expect.any(String),
        touser: 'o-alice',
        templateId: 'tmpl-approval-result',
        page: 'pages/todo/index?tab=done',
        data: { thing1: { value: '业务微信账号申请' }, phrase2: { value: '已通过' }, time3: { value: '2024年6月1日 09:30' } },
        miniprogramState: 'developer',
        lang: null,
        sentAt: expect.any(String),
      },
    ])
    expect(Date.parse(messages[1].sentAt)).toBeGreaterThanOrEqual(startedAt - 1000)
    expect(new Set(messages.map((m) => m.id)).size).toBe(2)
  })

  it('filters by recipient and clears', async () => {
    await sdk.openapi.subscribeMessage.send(approvalNotice('o-alice', '一'))
    await sdk.openapi.subscribeMessage.send(approvalNotice('o-bob', '二'))
    await sdk.openapi.subscribeMessage.send(approvalNotice('o-alice', '三'))
    expect((await listed('?touser=o-alice')).map((m) => m.data.thing1.value)).toEqual(['三', '一'])
    const cleared = await (await fetch(`${cloud.url}/dev/messages`, { method: 'DELETE' })).json()
    expect(cleared).toEqual({ ok: true, data: { cleared: 3 } })
    expect(await listed()).toEqual([])
  })

  it('refuses what WeChat refuses, with its error codes, and records nothing', async () => {
    const noUser = await rejection(sdk.openapi.subscribeMessage.send({ ...approvalNotice('', 'x') }))
    expect(noUser).toMatchObject({ errCode: 40003, errMsg: 'openapi.subscribeMessage.send:fail invalid openid' })
    const noTemplate = await rejection(sdk.openapi.subscribeMessage.send({ ...approvalNotice('o-a', 'x'), templateId: '' }))
    expect(noTemplate.errCode).toBe(40037)
    // A `thing` field holds at most 20 characters; a `phrase` at most 5 Chinese characters.
    const long = await rejection(sdk.openapi.subscribeMessage.send(approvalNotice('o-a', '这是一段超过二十个字符的事项名称用于测试长度限制')))
    expect(long).toMatchObject({ errCode: 47003, errMsg: 'openapi.subscribeMessage.send:fail argument invalid! data.thing1.value invalid' })
    const phrase = await rejection(
      sdk.openapi.subscribeMessage.send({ ...approvalNotice('o-a', 'x'), data: { phrase2: { value: 'approved' } } }),
    )
    expect(phrase.errCode).toBe(47003)
    const empty = await rejection(sdk.openapi.subscribeMessage.send({ ...approvalNotice('o-a', 'x'), data: {} }))
    expect(empty.errCode).toBe(47003)
    const state = await rejection(sdk.openapi.subscribeMessage.send({ ...approvalNotice('o-a', 'x'), miniprogramState: 'prod' }))
    expect(state.errCode).toBe(47003)
    expect(await listed()).toEqual([])
  })

  it('keeps recorded messages across a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bwm-openapi-restart-'))
    try {
      let rt = await startLocalCloud({ dataDir, functions: false })
      let here = connectSdk(rt.cloudEndpoint).cloud as unknown as OpenApiSdk
      await here.openapi.subscribeMessage.send(approvalNotice('o-durable', '留存'))
      await rt.close()
      rt = await startLocalCloud({ dataDir, functions: false })
      here = connectSdk(rt.cloudEndpoint).cloud as unknown as OpenApiSdk
      try {
        const body = await (await fetch(`${rt.url}/dev/messages`)).json()
        expect(body.data.messages).toEqual([expect.objectContaining({ touser: 'o-durable', data: expect.objectContaining({ thing1: { value: '留存' } }) })])
      } finally {
        await rt.close()
      }
    } finally {
      connectSdk(cloud.cloudEndpoint)
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('lists messages only under dev sign-in', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bwm-openapi-nodev-'))
    const rt = await startRaw({ dataDir, port: 0, timers: false, devSignIn: false, functionsRoot: path.join(dataDir, 'none') })
    try {
      expect((await fetch(`${rt.url}/dev/messages`)).status).toBe(404)
      expect((await fetch(`${rt.url}/dev/messages`, { method: 'DELETE' })).status).toBe(404)
    } finally {
      await rt.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('phonenumber.getPhoneNumber', () => {
  it('exchanges a dev-phone code for the number, as WeChat returns it', async () => {
    const before = Math.floor(Date.now() / 1000)
    const res = await sdk.openapi.phonenumber.getPhoneNumber({ code: 'dev-phone:13912345678' })
    expect(res).toEqual({
      errCode: 0,
      errMsg: 'openapi.phonenumber.getPhoneNumber:ok',
      phoneInfo: {
        phoneNumber: '13912345678',
        purePhoneNumber: '13912345678',
        countryCode: '86',
        watermark: { timestamp: expect.any(Number), appid: 'wx-local-appid' },
      },
    })
    expect(res.phoneInfo.watermark.timestamp).toBeGreaterThanOrEqual(before)
  })

  it('refuses any other code with WeChat’s invalid-code error', async () => {
    for (const code of ['0a1b2c3d', 'dev-phone:1391234567', 'dev-phone:139123456789', 'dev-phone:23912345678']) {
      const err = await rejection(sdk.openapi.phonenumber.getPhoneNumber({ code }))
      expect(err).toMatchObject({ errCode: 40029, errMsg: 'openapi.phonenumber.getPhoneNumber:fail invalid code' })
    }
  })

  it('lets the product bind a phone end to end: H5 gateway → api function → openapi → runtime', async () => {
    const { db } = connectSdk(cloud.cloudEndpoint)
    await resetDemoCompany(db)
    const person = (await db.collection('people').doc('p-service-03').get()).data as { mobile: string; openid?: string }
    expect(person.openid).toBeUndefined()

    const visitor = new GatewayClient(cloud.url)
    await visitor.signIn({ visitor: true })
    const refused = await visitor.call('session.bindByPhone', { code: 'not-a-dev-code' })
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'PHONE_UNAVAILABLE' } })
    const bound = await visitor.call('session.bindByPhone', { code: `dev-phone:${person.mobile}` })
    expect(bound.body).toMatchObject({ ok: true, data: { status: 'bound', person: { id: 'p-service-03' } } })
    expect((await db.collection('people').doc('p-service-03').get()).data).toMatchObject({ openid: expect.stringMatching(/^local-visitor-/) })
  })
})

describe('anything else', () => {
  it('fails clearly: not emulated locally', async () => {
    const err = await rejection(sdk.openapi.security.msgSecCheck({ content: 'hello' }))
    expect(err.errCode).toBe(-604100)
    expect(err.errMsg).toBe(
      'openapi.security.msgSecCheck:fail API not found: openapi.security.msgSecCheck is not emulated by the local runtime ' +
        '(emulated: subscribeMessage.send, phonenumber.getPhoneNumber)',
    )
  })
})
