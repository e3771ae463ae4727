import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the skipped tests and why (the default output shows only a count), then one plain line,
 * "Tests: N passed, N failed, N skipped", that any CI can read.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const skipped: string[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') count.passed++;
        else if (result.state === 'failed') count.failed++;
        else {
          count.skipped++;
          const note = result.state === 'skipped' && result.note ? ` (${result.note})` : '';
          skipped.push(`  ${test.module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}${note}`);
        }
      }
    }
    if (skipped.length) process.stdout.write(`\nSkipped, and why:\n${skipped.join('\n')}\n`);
    process.stdout.write(`\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
