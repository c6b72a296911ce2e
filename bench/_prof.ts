import { okrScore } from '../src/functions/okrScore';
import { keyResultValues, objectiveId } from './workbook';
const SIZE = { objectives: 2_000, keyResults: 10_000, checkIns: 0 };
const kr = keyResultValues(SIZE);
const ids = Array.from({ length: 2000 }, (_, i) => [objectiveId(i)]);
for (let i = 0; i < 30; i++) okrScore(kr, ids);
const t = performance.now();
let best = 1e9;
for (let i = 0; i < 300; i++) { const s = performance.now(); okrScore(kr, ids); best = Math.min(best, performance.now() - s); }
console.log('avg', ((performance.now() - t) / 300).toFixed(2), 'best', best.toFixed(2));
