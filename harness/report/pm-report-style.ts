import { MARK_COLOR } from './svg/verdict-mark.ts'

/**
 * The PM report's own stylesheet: system fonts only (no web font, nothing fetched), verdict colours
 * shared with the drawn marks, and print rules so that the PDF is the same page on A4 (charts shrink
 * to its width, so their text is set larger there).
 */
export const STYLE = `
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font:15px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","Microsoft YaHei","PingFang SC","DejaVu Sans",sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:1px solid #e5e7eb;padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .3rem;display:flex;align-items:center;gap:.4rem}
.meta{color:#4b5563;margin:.2rem 0 1rem}.note{color:#4b5563;font-size:13px;margin:.2rem 0 .6rem}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #e5e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}td.evidence{color:#4b5563;font-size:13px}tr.row-failed td,tr.row-uncovered td{background:#fef2f2}
.verdict{display:inline-flex;align-items:center;gap:.3em;font-weight:600;white-space:nowrap}.verdict svg,.mark{flex:none;vertical-align:middle}
.v-passed{color:${MARK_COLOR.passed}}.v-failed{color:#b91c1c}.v-not_run{color:#4b5563}.v-uncovered{color:#6d28d9}.v-differs{color:#b45309}
.summary{display:flex;gap:1.2rem;align-items:center;border:2px solid;border-radius:10px;padding:.8rem 1.1rem;margin:1rem 0}
.summary.pass{border-color:${MARK_COLOR.passed};background:#f0fdf4}.summary.fail{border-color:${MARK_COLOR.failed};background:#fef2f2}
.summary .big{display:flex;flex-direction:column;align-items:center;gap:.2rem;font-size:1.3rem;font-weight:700;min-width:6.5rem}
.summary.pass .big{color:${MARK_COLOR.passed}}.summary.fail .big{color:#b91c1c}.summary p{margin:.25rem 0}
.chips{display:flex;flex-wrap:wrap;gap:.4rem .5rem;margin:.3rem 0}
.chip{display:inline-flex;align-items:center;gap:.35em;border:1px solid #e5e7eb;border-radius:999px;padding:.1rem .6rem .1rem .35rem;background:#fff;white-space:nowrap}
.chip .word{font-size:12px;font-weight:600}.chip b{font-size:1.05em}
.changes .worse{color:#b91c1c;font-weight:600}.changes .better{color:${MARK_COLOR.passed};font-weight:600}
ul.plain{list-style:none;padding-left:0}ul.plain li{margin:.3rem 0;display:flex;gap:.5rem;align-items:baseline}
ul.plain li .verdict{align-self:flex-start}.ids{color:#6b7280;font-size:12px}
.diffs li{margin:.25rem 0}.diffs code{font-size:13px;background:#f3f4f6;padding:0 .25rem;border-radius:3px;word-break:break-word}
.chart{display:block;max-width:100%;height:auto;margin:.4rem 0}
.chart text{font-family:inherit;font-size:12px;fill:#374151}.chart .label{font-weight:600}.chart .value{fill:#1f2937}
.chart .tick{fill:#6b7280;font-size:11px}.chart .limit{fill:#dc2626;font-size:11px;font-weight:600}.chart .small{font-size:10px}
.chart .missing{fill:#9ca3af;font-style:italic}.chart .guide{fill:#64748b;font-size:11px}
@page{size:A4;margin:12mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:12px}table{font-size:11px}h2{break-after:avoid}.chart,tr,.summary,li{break-inside:avoid}a{color:inherit}
.chart text{font-size:14px}.chart .tick,.chart .guide,.chart .limit{font-size:13px}.chart .small{font-size:11px}}
`
