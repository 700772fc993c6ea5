import { recordN8nLogs } from './harness/secretScan';

// n8n-core logs every node error; its log lines are recorded and scanned for secrets instead of printed.
process.env.N8N_LOG_LEVEL ??= 'silent';
recordN8nLogs();
