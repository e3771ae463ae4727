/**
 * One export for bench/reports.ts, in its own process: runs the same task the export job runs (in-process,
 * so the process's peak RSS is the export's), and prints one JSON line with the time and peak memory.
 * Usage: tsx bench/reports-run.ts <project.consult> <format> <out>
 */
import { statSync, writeFileSync } from 'node:fs';
import type { ReportFormat } from '../src/shared/api';
import type { TaskContext } from '../src/main/jobs/protocol';
import { exportTask, previewTask } from '../src/main/reports/tasks';
import { chromiumPdf } from '../src/main/reports/writers/pdf-chromium';

const [dbPath, format, out] = process.argv.slice(2) as [string, ReportFormat, string];
const options = {
  redact: true,
  includeExcluded: false,
  campaigns: 'once' as const,
  anonymise: true,
  nameOrganisations: false,
};
const ctx: TaskContext = { progress: () => undefined, cancelled: () => false };
const generatedAt = new Date().toISOString();
const mb = (kb: number) => kb / 1024;

const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
const cpuStart = process.cpuUsage();
const started = performance.now();
if (format === 'pdf') {
  const { html } = await previewTask({ dbPath, options, generatedAt }, ctx);
  writeFileSync(out, await chromiumPdf(html));
} else {
  await exportTask({ dbPath, options, generatedAt, format, outPath: out }, ctx);
}
const seconds = (performance.now() - started) / 1000;
// CPU time of this process (the machine may be shared; wall time then says more about the neighbours).
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// maxRSS is in kilobytes; Chromium's own memory (PDF) is a separate process and not counted.
console.log(
  JSON.stringify({
    format,
    seconds,
    cpuSeconds,
    peakRssMb: mb(process.resourceUsage().maxRSS),
    baseRssMb,
    bytes: statSync(out).size,
  }),
);
