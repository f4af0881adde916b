import type { Reporter, TestModule } from 'vitest/node';

/**
 * A vitest reporter that ends the run with one plain line, `Tests: N passed, N failed,
 * N skipped`, which any CI reads whatever the test runner (vitest's own summary comes first).
 */
export default class SummaryLine implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const count = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) count[test.result().state]++;
    }
    console.log(
      `\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`,
    );
  }
}
