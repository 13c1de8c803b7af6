import { describeProblem } from '../words/imports'
import type { ImportReport } from '../contracts/insights'

const grouped = (n: number): string => Math.round(n).toLocaleString('en-US')

/** The report as the person at the terminal reads it. */
export const reportText = (report: ImportReport): string => {
  const lines: string[] = []
  const speed = `用时 ${report.seconds.toFixed(1)} 秒，每秒 ${grouped(report.rowsPerSecond)} 行`
  if (report.applied) {
    lines.push(`✔ 已导入 ${report.file}：${grouped(report.imported)} 行，写入 ${grouped(report.changedDocs)} 个文档，${speed}`)
    if (report.changedDocs === 0 && report.imported > 0) lines.push('  数据与已有的完全相同，没有改动')
    if (report.rejected > 0) lines.push(`⚠ 跳过 ${grouped(report.rejected)} 行有误的数据${report.rejectedFile ? `，已连同原因写入 ${report.rejectedFile}` : ''}：`)
  } else {
    const what = report.rejected > 0 ? `有 ${grouped(report.rejected)} 行有误` : '无法读取'
    lines.push(`✘ ${report.file} ${what}，未导入任何数据（${speed}）：`)
  }
  for (const problem of report.problems) lines.push(`  ${describeProblem(problem)}`)
  if (report.moreProblems > 0) lines.push(`  ……另有 ${grouped(report.moreProblems)} 个问题未列出`)
  if (!report.applied && report.rejected > 0) lines.push('  修正后重新导入；或加 --skip-invalid 只导入正确的行，有误的行另存到文件')
  return lines.join('\n')
}
