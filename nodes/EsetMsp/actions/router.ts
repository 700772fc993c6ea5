import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation } from '../../shared/processItems';
import * as createCustomer from './company/createCustomer.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, { company: { createCustomer: createCustomer.execute } });
}
