// n8n-core logs every node error to the console; keep test output readable unless asked for.
process.env.N8N_LOG_LEVEL ??= 'silent';
