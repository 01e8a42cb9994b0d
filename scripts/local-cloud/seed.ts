import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import { loadDatabaseDeclaration } from './db'

/**
 * The demo company every fresh local runtime starts with. Ids are stable so that
 * screenshots, docs and tests can refer to people by id across resets.
 */
interface SeedDepartment {
  id: string
  name: string
}

interface SeedPerson {
  id: string
  name: string
  departmentId: string
  role: 'employee' | 'head' | 'admin'
}

export const demoDepartments: SeedDepartment[] = [
  { id: 'dept-admin', name: '行政部' },
  { id: 'dept-sales-east', name: '华东销售部' },
  { id: 'dept-sales-south', name: '华南销售部' },
  { id: 'dept-service', name: '客户服务部' },
  { id: 'dept-marketing', name: '市场部' },
]

const staffNames: Record<string, string[]> = {
  'dept-admin': ['周敏', '陈静', '吴婷'],
  'dept-sales-east': ['王磊', '李娜', '张伟', '刘洋', '杨帆', '赵雪', '黄鹏', '孙悦', '朱琳'],
  'dept-sales-south': ['林涛', '何佳', '郭强', '马丽', '罗斌', '梁晨', '宋雨', '郑浩'],
  'dept-service': ['谢芳', '韩冰', '唐宁', '冯凯', '董洁', '萧然', '程亮'],
  'dept-marketing': ['曹颖', '袁野', '邓超', '许晴', '傅晓', '沈珂'],
}

/** The first name in each department is its head; 陈静 in 行政部 is the system admin. */
export const demoPeople: SeedPerson[] = demoDepartments.flatMap((dept) =>
  staffNames[dept.id].map((name, index) => ({
    id: `${dept.id.replace('dept-', 'p-')}-${String(index + 1).padStart(2, '0')}`,
    name,
    departmentId: dept.id,
    role: index === 0 ? ('head' as const) : dept.id === 'dept-admin' && index === 1 ? ('admin' as const) : ('employee' as const),
  })),
)

export const DEMO_ADMIN_ID = 'p-admin-02'

function mobileFor(n: number): string {
  return `139${String(10_000_000 + n * 7919).slice(-8)}`
}


export async function resetDemoCompany(db: Database): Promise<{ departments: number; people: number }> {
  const _ = db.command
  // Every declared collection: a reset leaves no record pointing at people who are gone.
  for (const { name } of loadDatabaseDeclaration()) {
    await db.collection(name).where({ _id: _.exists(true) }).remove()
  }
  const now = new Date()
  for (const dept of demoDepartments) {
    const head = demoPeople.find((p) => p.departmentId === dept.id && p.role === 'head')
    await db.collection('departments').add({
      data: { _id: dept.id, name: dept.name, headId: head?.id ?? null, createdAt: now, updatedAt: now },
    })
  }
  let n = 0
  for (const person of demoPeople) {
    n += 1
    await db.collection('people').add({
      data: {
        _id: person.id,
        name: person.name,
        mobile: mobileFor(n),
        email: `${person.id.replace(/^p-/, '')}@demo-corp.example.cn`,
        departmentId: person.departmentId,
        role: person.role,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      },
    })
  }
  return { departments: demoDepartments.length, people: demoPeople.length }
}
