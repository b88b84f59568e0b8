import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  alipayChannel,
  detectChannel,
  douyinPayChannel,
  douyinTradeChannel,
  sandboxChannel,
  wechatChannel,
} from '@tradekit/core'
import { build, type Rollup } from 'vite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { installGlobal, platformMethod } from './channelFakes'

let remove = () => {}
afterEach(() => {
  remove()
  vi.unstubAllEnvs()
})

describe('detectChannel', () => {
  it('picks the first factory whose platform globals are present, in the order given', () => {
    remove = installGlobal('wx', { requestPayment: platformMethod() })
    expect(detectChannel([douyinTradeChannel, alipayChannel, wechatChannel])?.id).toBe('wechat')
    expect(detectChannel([douyinTradeChannel, alipayChannel])).toBeUndefined()
    expect(detectChannel([douyinTradeChannel, () => sandboxChannel()])?.id).toBe('sandbox')
  })

  it('follows process.env.TARO_ENV when it is set', () => {
    vi.stubEnv('TARO_ENV', 'tt')
    remove = installGlobal('wx', { requestPayment: platformMethod() })
    expect(detectChannel([wechatChannel, douyinPayChannel])?.id).toBe('douyin-pay')
    vi.stubEnv('TARO_ENV', 'alipay')
    expect(detectChannel([wechatChannel, alipayChannel])?.id).toBe('alipay')
  })
})

describe('channels touch platform globals only when called', () => {
  it('reads no global at module load or creation, only in isAvailable/pay', async () => {
    const g = globalThis as Record<string, unknown>
    const reads: string[] = []
    for (const name of ['tt', 'wx', 'my']) {
      Object.defineProperty(g, name, {
        configurable: true,
        get: () => {
          reads.push(name)
          return undefined
        },
      })
    }
    try {
      vi.resetModules()
      const fresh = await import('../../packages/core/src/index')
      const made = [
        fresh.douyinTradeChannel(),
        fresh.douyinPayChannel(),
        fresh.wechatChannel(),
        fresh.alipayChannel(),
      ]
      expect(reads).toEqual([])
      for (const channel of made) channel.isAvailable()
      expect(new Set(reads)).toEqual(new Set(['tt', 'wx', 'my']))
    } finally {
      for (const name of ['tt', 'wx', 'my']) delete g[name]
    }
  })
})

describe('channels are tree-shakeable', () => {
  const dir = fileURLToPath(new URL('../../packages/core/src/channels/', import.meta.url))
  const channelFiles = [
    'douyinTradeChannel',
    'douyinPayChannel',
    'wechatChannel',
    'alipayChannel',
    'sandboxChannel',
  ]

  it('has one file per channel, none importing another channel, and detectChannel importing none', () => {
    const files = readdirSync(dir)
    for (const name of channelFiles) expect(files).toContain(`${name}.ts`)
    for (const file of [...channelFiles, 'detectChannel', 'platformCall']) {
      const source = readFileSync(`${dir}${file}.ts`, 'utf8')
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1])
      for (const other of channelFiles.filter((n) => n !== file)) {
        expect(imports).not.toContain(`./${other}`)
      }
    }
  })
})

describe('an app bundles only the channel it uses', () => {
  const index = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url))
  // what only each channel's code contains
  const marks: Record<string, string> = {
    douyinTradeChannel: 'getOrderPayment',
    douyinPayChannel: 'order_token',
    wechatChannel: 'requestPayment',
    alipayChannel: 'tradePay',
    sandboxChannel: 'notifyAfterMs',
  }

  it.each(Object.keys(marks))(
    'bundling %s leaves the other cashiers and the checkout out',
    async (name) => {
      const dir = mkdtempSync(join(tmpdir(), 'tradekit-shake-'))
      try {
        const entry = join(dir, 'entry.js')
        writeFileSync(
          entry,
          `import { ${name} } from ${JSON.stringify(index)}\nexport const channel = ${name}()\n`,
        )
        const out = (await build({
          logLevel: 'silent',
          configFile: false,
          build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'app' } },
        })) as Rollup.RollupOutput[]
        const code = out[0]!.output[0].code
        expect(code).toContain(marks[name])
        for (const [other, mark] of Object.entries(marks)) {
          if (other !== name) expect(code, `${other} leaked into ${name}`).not.toContain(mark)
        }
        expect(code).not.toContain('confirmWithServer')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    30_000,
  )
})
