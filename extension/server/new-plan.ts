/** "New plan": the template filled with the practice's name and ODS code. */
import { newPlanText, NewPlanError, planFileName, validateOdsCode } from '../../core/index.js';
import type { NewPlanParams, NewPlanResult } from '../shared/protocol.js';

export function newPlan(p: NewPlanParams, today: string): NewPlanResult {
  const problem = validateOdsCode(p.ods);
  if (problem) return { error: problem };
  try {
    return { text: newPlanText({ practiceName: p.name, odsCode: p.ods, today }), fileName: planFileName(p.name) };
  } catch (e) {
    return { error: e instanceof NewPlanError ? e.message : String(e) };
  }
}
