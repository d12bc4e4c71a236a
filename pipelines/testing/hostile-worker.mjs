// A stand-in for batch-worker.ts in the worker pool's tests: the "file" names what the thread
// does with it, so each guard of the pool can be hit on purpose.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', (task) => {
  if (task === 'close') return parentPort.close();
  switch (task.file) {
    case 'hang':
      for (;;);
    case 'exhaust-memory': {
      const kept = [];
      for (;;) kept.push(new Array(1e5).fill(kept.length));
    }
    case 'exit':
      process.exit(3);
    case 'fail':
      return parentPort.postMessage({ id: task.id, ok: false, stage: 'extract', reason: 'no figures', stack: null });
    default:
      // `made` carries the thread's id, so a test can tell a replaced thread from the old one
      return parentPort.postMessage({ id: task.id, ok: true, checks: { made: threadId, failed: 0 } });
  }
});
