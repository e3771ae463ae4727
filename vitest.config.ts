import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/setup-threads.ts'],
    // Waits are for events and states; a timeout only catches a hang, so it is generous for busy machines.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // expect.poll waits for a state; its default 1 s limit is far too short when the machine is busy.
    expect: { poll: { timeout: 120_000 } },
    // Two cores: browser tests and worker-thread tests each want one.
    maxWorkers: 2,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
