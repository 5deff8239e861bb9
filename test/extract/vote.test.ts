// Deciding an OCR figure cell from several passes: agreement beats one pass's confidence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide } from '../../src/extract/ocr/vote.ts';

test('one confident reading stands alone', () => {
  assert.deepEqual(decide([{ text: '12', conf: 88 }]), { text: '12', conf: 88, doubtful: false });
});

test('a weak retry does not overrule two passes that agree', () => {
  // Stacked pass 0 at 13, retry "4" at 30, chi_sim pass 0: the cell is 0.
  const d = decide([{ text: '0', conf: 13 }, { text: '4', conf: 30 }, { text: '0', conf: 85, model: 'chi_sim' }]);
  assert.equal(d.text, '0');
  assert.equal(d.doubtful, false);
});

test('a plausible reading contradicted by another pass is doubtful, and keeps its text for the checks', () => {
  const d = decide([{ text: '0', conf: 13 }, { text: '4', conf: 30 }]);
  assert.equal(d.doubtful, true);
  assert.equal(d.text, '4');
});

test('a tie is doubtful whatever the confidences', () => {
  assert.equal(decide([{ text: '3', conf: 90 }, { text: '3', conf: 0 }, { text: '8', conf: 95 }, { text: '8', conf: 0 }]).doubtful, true);
});

test('nothing read, or a lone low-confidence reading, is doubtful', () => {
  assert.deepEqual(decide([{ text: '', conf: 0 }]), { text: '', conf: 0, doubtful: true });
  assert.equal(decide([{ text: '7', conf: 20 }]).doubtful, true);
  assert.equal(decide([{ text: '7', conf: 35 }]).doubtful, false);
});

test('chi_sim confirms a digit reading but never decides a cell alone (it drops digits: "11" read as 1)', () => {
  assert.equal(decide([{ text: '', conf: 0 }, { text: '1', conf: 68, model: 'chi_sim' }]).doubtful, true);
  assert.equal(decide([{ text: '1', conf: 95, model: 'chi_sim' }, { text: '1', conf: 50, model: 'shape' }]).doubtful, false);
});

test('readings below confidence 10 do not vote', () => {
  const d = decide([{ text: '1', conf: 0 }, { text: '11', conf: 13 }, { text: '1', conf: 0, model: 'chi_sim' }]);
  assert.equal(d.text, '11');
  assert.equal(d.doubtful, true);
});
