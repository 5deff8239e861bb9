import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDivisions, getDivision, isValidDivision, isWithin, regionOf } from '../../src/registry/divisions.ts';

test('seed agencies resolve to their codes', () => {
  assert.deepEqual(regionOf('360900'), { division: '360900', level: 'city', province: '江西省', city: '宜春市' });
  assert.deepEqual(regionOf('411600'), { division: '411600', level: 'city', province: '河南省', city: '周口市' });
  assert.deepEqual(regionOf('410305'), {
    division: '410305', level: 'county', province: '河南省', city: '洛阳市', county: '涧西区',
  });
  assert.deepEqual(regionOf('370000'), { division: '370000', level: 'province', province: '山东省' });
});

test('a municipality district reports the municipality as its city', () => {
  assert.equal(getDivision('110102')?.parent, '110100');
  assert.equal(getDivision('110100')?.kind, 'placeholder');
  assert.deepEqual(regionOf('110102'), {
    division: '110102', level: 'county', province: '北京市', city: '北京市', county: '西城区',
  });
  assert.equal(regionOf('110000')?.city, '北京市');
  assert.equal(regionOf('500229')?.city, '重庆市'); // 城口县, under the 500200 县 placeholder
});

test('a county-level city directly under its province has no city', () => {
  assert.deepEqual(regionOf('419001'), { division: '419001', level: 'county', province: '河南省', county: '济源市' });
  assert.equal(getDivision('419000')?.name, '省直辖县级行政区划');
});

test('a prefecture-level city without districts is one city-level row', () => {
  assert.deepEqual(getDivision('441900'), { code: '441900', name: '东莞市', level: 'city', parent: '440000' });
  assert.deepEqual(findDivisions('东莞市').map((d) => d.code), ['441900']);
});

test('NBS development zones are kept but flagged', () => {
  assert.equal(getDivision('320576')?.kind, 'zone');
  assert.equal(getDivision('320576')?.name, '苏州工业园区');
});

test('isValidDivision', () => {
  assert.equal(isValidDivision('410305'), true);
  assert.equal(isValidDivision('410399'), false);
  assert.equal(isValidDivision('4103'), false);
  assert.equal(isValidDivision(''), false);
});

test('repeated county names need a parent', () => {
  assert.equal(findDivisions('市中区').length, 4);
  assert.deepEqual(findDivisions('市中区', { parent: '370400' }).map((d) => d.code), ['370402']); // 枣庄
  assert.deepEqual(findDivisions('鼓楼区', { parent: '350000' }).map((d) => d.code), ['350102']); // 福州
  assert.deepEqual(findDivisions('朝阳区').map((d) => d.code).sort(), ['110105', '220104']);
  assert.equal(isWithin('410305', '410000'), true);
  assert.equal(isWithin('410305', '360000'), false);
});

test('short forms and aliases', () => {
  assert.deepEqual(findDivisions('内蒙古').map((d) => d.code), ['150000']);
  assert.deepEqual(findDivisions('广西').map((d) => d.code), ['450000']);
  assert.deepEqual(findDivisions('山东').map((d) => d.code), ['370000']);
  assert.deepEqual(findDivisions('北京').map((d) => d.code), ['110000']);
  assert.deepEqual(findDivisions('恩施州').map((d) => d.code), ['422800']);
  assert.deepEqual(findDivisions('海南州').map((d) => d.code), ['632500']); // Qinghai's prefecture, not the province
  assert.deepEqual(findDivisions('海南').map((d) => d.code), ['460000']);
  assert.deepEqual(findDivisions('巴州').map((d) => d.code), ['652800']);
  assert.deepEqual(findDivisions('宜春市', { level: 'county' }), []);
  assert.deepEqual(findDivisions('市辖区'), []);
});
