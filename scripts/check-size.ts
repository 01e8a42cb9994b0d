import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * WeChat refuses packages over 2 MB; we hold the main package (what every user downloads
 * before the first screen) to a much tighter budget, and each subpackage too.
 */
export const MAIN_BUDGET_KB = 600
export const SUBPACKAGE_BUDGET_KB = 400

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

export interface PackageSizes {
  mainKb: number
  subpackages: Array<{ root: string; kb: number }>
}

export function measureWeapp(distDir: string): PackageSizes {
  const appJson = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>(roots.map((r) => [r, 0]))
  let main = 0
  for (const file of filesUnder(distDir)) {
    const rel = path.relative(distDir, file).split(path.sep).join('/')
    if (rel.endsWith('.map')) continue
    const size = statSync(file).size
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
    if (root) sizes.set(root, (sizes.get(root) ?? 0) + size)
    else main += size
  }
  return {
    mainKb: Math.round((main / 1024) * 10) / 10,
    subpackages: [...sizes].map(([root, bytes]) => ({ root, kb: Math.round((bytes / 1024) * 10) / 10 })),
  }
}

function main(): void {
  const distDir = path.resolve(__dirname, '../dist/weapp')
  if (!existsSync(path.join(distDir, 'app.json'))) {
    console.error('dist/weapp/app.json not found: run `npm run build:weapp` first')
    process.exit(1)
  }
  const sizes = measureWeapp(distDir)
  let over = false
  console.log(`weapp main package: ${sizes.mainKb} KB (budget ${MAIN_BUDGET_KB} KB)`)
  if (sizes.mainKb > MAIN_BUDGET_KB) over = true
  for (const sub of sizes.subpackages) {
    console.log(`weapp subpackage ${sub.root}: ${sub.kb} KB (budget ${SUBPACKAGE_BUDGET_KB} KB)`)
    if (sub.kb > SUBPACKAGE_BUDGET_KB) over = true
  }
  if (over) {
    console.error('weapp package size budget exceeded')
    process.exit(1)
  }
}

if (require.main === module) main()
