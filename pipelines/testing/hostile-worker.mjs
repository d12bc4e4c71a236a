// A stand-in for batch-worker.ts in the worker pool's tests: the "file" names what the worker
// (a process, or a thread) does with it, so each guard of the pool can be hit on purpose.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parentPort, threadId } from 'node:worker_threads';

const send = (m) => (parentPort ? parentPort.postMessage(m) : process.send(m));
process.on('disconnect', () => process.exit(0));
(parentPort ?? process).on('message', (task) => {
  if (task === 'close') return parentPort ? parentPort.close() : process.disconnect();
  switch (task.file) {
    case 'hang':
      for (;;);
    case 'hang-with-child': {
      // a native OCR engine's `tesseract` reading a page while the worker hangs: its pid goes to `task.output`
      const child = spawn('sleep', ['60'], { stdio: 'ignore' });
      writeFileSync(task.output, String(child.pid));
      setTimeout(() => {
        for (;;);
      }, 50);
      return;
    }
    case 'exhaust-memory': {
      // the JavaScript heap past its limit: V8 aborts the process
      const kept = [];
      for (;;) kept.push(new Array(1e5).fill(kept.length));
    }
    case 'native-memory': {
      // memory outside the JavaScript heap, as a native decoder takes it, touched page by page:
      // the data bound refuses it (a RangeError), and resident memory never passes the limit
      const kept = [];
      try {
        for (;;) kept.push(Buffer.alloc(16 << 20, 1));
      } catch {
        // what a native library does when malloc fails: abort
        process.abort();
      }
      break;
    }
    case 'exit':
      process.exit(3);
    case 'fail':
      return send({ id: task.id, ok: false, stage: 'extract', reason: 'no figures', stack: null });
    default:
      // `made` carries the worker's id, so a test can tell a replaced worker from the old one
      return send({ id: task.id, ok: true, checks: { made: parentPort ? threadId : process.pid, failed: 0 } });
  }
});
