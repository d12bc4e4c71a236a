// Preloaded (node --import) into a process to prove OCR needs no network: every way out fails
// loudly, in the main thread and in every worker thread (workers inherit the preload).
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isMainThread, threadId } from 'node:worker_threads';

const refuse = (what) => () => {
  throw new Error(`network blocked: ${what}`);
};
globalThis.fetch = async () => {
  throw new Error('network blocked: fetch');
};
http.request = http.get = refuse('http');
https.request = https.get = refuse('https');
net.connect = net.createConnection = refuse('net');
net.Socket.prototype.connect = refuse('socket');
dns.lookup = refuse('dns');
process.stderr.write(`no-network preload in ${isMainThread ? 'main' : 'worker'} thread ${threadId}\n`);
