import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameKey, splitRegionPrefix } from '../../src/registry/normalize.ts';

test('nameKey: seed abbreviations and the long government form', () => {
  assert.equal(nameKey('周口市人防办'), nameKey('周口市人民防空办公室'));
  assert.equal(nameKey('四川省人民政府国防动员办公室'), nameKey('四川省国防动员办公室'));
  assert.equal(nameKey('宜春市国动办'), nameKey('宜春市国防动员办公室'));
  assert.equal(nameKey('武汉市民防办'), '武汉市民防办公室');
  assert.equal(nameKey('周口市人防办公室'), '周口市人民防空办公室');
  assert.equal(nameKey('朔州市人民政府国防动员办公室'), '朔州市国防动员办公室');
});

test('nameKey: a commission cut after 委 is the 委员会; a party, village or neighbourhood committee is not (round 42c)', () => {
  assert.equal(nameKey('宁夏回族自治区卫生健康委'), nameKey('宁夏回族自治区卫生健康委员会'));
  assert.equal(nameKey('北京市教育委'), '北京市教育委员会');
  assert.doesNotMatch(nameKey('XX市民族宗教委员会'), /教育/, 'a 宗教 commission is no education commission');
  for (const name of ['中共某县县委', '某市市委', '某镇党委', '某村村委', '某社区居委', '某区纪委']) assert.ok(!nameKey(name).endsWith('委员会'), name);
});

test('nameKey: full forms are left alone', () => {
  assert.equal(nameKey('周口市人民防空办公室'), '周口市人民防空办公室');
  assert.equal(nameKey('宜春市国防动员办公室'), '宜春市国防动员办公室');
  assert.equal(nameKey('武汉市民防办公室'), '武汉市民防办公室');
});

test('nameKey: whitespace, punctuation and full-width forms go', () => {
  assert.equal(nameKey(' 宜春市 国防动员办公室\n'), '宜春市国防动员办公室');
  assert.equal(nameKey('《宜春市·国防动员办公室》'), '宜春市国防动员办公室');
  assert.equal(nameKey('ＸＸ县（区）人防办'), 'XX县区人民防空办公室');
});

const sameAgency: ReadonlyArray<[string, string]> = [
  ['周口市发改委', '周口市发展和改革委员会'],
  ['涧西区发改局', '涧西区发展和改革局'],
  ['宜春市人社局', '宜春市人力资源和社会保障局'],
  ['山东省人社厅', '山东省人力资源和社会保障厅'],
  ['洛阳市住建局', '洛阳市住房和城乡建设局'],
  ['北京市住建委', '北京市住房和城乡建设委员会'],
  ['周口市卫健委', '周口市卫生健康委员会'],
  ['宜春市工信局', '宜春市工业和信息化局'],
  ['洛阳市市场监管局', '洛阳市市场监督管理局'],
  ['周口市医保局', '周口市医疗保障局'],
  ['宜春市应急局', '宜春市应急管理局'],
  ['南昌市国资委', '南昌市国有资产监督管理委员会'],
  ['宜春市退役军人局', '宜春市退役军人事务局'],
  ['周口市残联', '周口市残疾人联合会'],
  ['石景山区教委', '石景山区教育委员会'],
  ['北京市科委', '北京市科学技术委员会'],
  ['重庆市经信委', '重庆市经济和信息化委员会'],
  ['北京市城管委', '北京市城市管理委员会'],
  ['中共周口市委编办', '周口市委机构编制委员会办公室'],
  ['中共宜春市委宣传部', '宜春市委宣传部'],
  ['中共周口市纪律检查委员会', '周口市纪律检查委员会'],
  ['中共XX县委党校', 'XX县委党校'],
  ['XX县政府办', 'XX县人民政府办公室'],
  ['XX县政府办公室', 'XX县人民政府办公室'],
  ['XX市政府', 'XX市人民政府'],
  ['四川省人民政府研究室', '四川省研究室'],
  ['XX市人民政府国有资产监督管理委员会', 'XX市国资委'],
];
for (const [short, full] of sameAgency) {
  test(`nameKey: ${short} ≡ ${full}`, () => assert.equal(nameKey(short), nameKey(full)));
}

const differentAgencies: ReadonlyArray<[string, string, string]> = [
  ['宜春市人民防空办公室', '宜春市国防动员办公室', 'a rename is an alias, not the same key'],
  ['XX市人民政府办公室', 'XX市办公室', 'the government general office keeps 人民政府'],
  ['XX市人民政府', 'XX市', 'the government itself keeps 人民政府'],
  ['中共XX市党史研究室', 'XX市党史研究室', '中共 without a committee word stays'],
  ['XX市政府办事处', 'XX市人民政府办公室', '办事处 (liaison office) is not 政府办'],
];
for (const [a, b, why] of differentAgencies) {
  test(`nameKey: ${a} ≢ ${b} (${why})`, () => assert.notEqual(nameKey(a), nameKey(b)));
}

test('nameKey is idempotent', () => {
  for (const [short, full] of sameAgency) {
    assert.equal(nameKey(nameKey(short)), nameKey(short));
    assert.equal(nameKey(nameKey(full)), nameKey(full));
  }
});

test('splitRegionPrefix: seed agencies', () => {
  assert.deepEqual(splitRegionPrefix('宜春市国防动员办公室'), {
    division: '360900', province: '江西省', city: '宜春市', rest: '国防动员办公室',
  });
  assert.deepEqual(splitRegionPrefix('周口市人防办'), { division: '411600', province: '河南省', city: '周口市', rest: '人防办' });
  assert.deepEqual(splitRegionPrefix('山东省国防动员办公室'), { division: '370000', province: '山东省', rest: '国防动员办公室' });
  assert.deepEqual(splitRegionPrefix('洛阳市涧西区国防动员办公室'), {
    division: '410305', province: '河南省', city: '洛阳市', county: '涧西区', rest: '国防动员办公室',
  });
  // no prefix in the seed itself; 涧西区 is unique nationally
  assert.equal(splitRegionPrefix('涧西区国防动员办公室').division, '410305');
});

test('splitRegionPrefix: a county name resolves with the site', () => {
  assert.equal(splitRegionPrefix('涧西区国防动员办公室', { division: '410300' }).division, '410305');
  assert.equal(splitRegionPrefix('鼓楼区人民政府', { division: '350100' }).division, '350102'); // 福州
  assert.equal(splitRegionPrefix('鼓楼区人民政府', { division: '320300' }).division, '320302'); // 徐州
  assert.equal(splitRegionPrefix('市中区人民政府', { division: '370400' }).division, '370402'); // 枣庄
  assert.equal(splitRegionPrefix('朝阳区人民政府', { division: '110105' }).division, '110105');
  assert.equal(splitRegionPrefix('朝阳区人民政府', { division: '220100' }).division, '220104'); // 长春
  assert.deepEqual(splitRegionPrefix('鼓楼区人民政府'), { county: '鼓楼区', rest: '人民政府' }); // four candidates
  assert.equal(splitRegionPrefix('济南市市中区人民政府').division, '370103');
});

test('splitRegionPrefix: what the name leaves out comes from the site', () => {
  assert.deepEqual(splitRegionPrefix('市国动办', { division: '411600' }), {
    division: '411600', province: '河南省', city: '周口市', rest: '国动办',
  });
  assert.equal(splitRegionPrefix('市国动办', { division: '410305' }).division, '410300'); // on a district site: the city
  assert.equal(splitRegionPrefix('区国动办', { division: '410305' }).division, '410305');
  assert.equal(splitRegionPrefix('省国动办', { division: '411600' }).division, '410000');
  assert.equal(splitRegionPrefix('市人民防空办公室', { division: '110102' }).division, '110000'); // Beijing
  assert.equal(splitRegionPrefix('市人民政府', { division: '419001' }).division, '419001'); // 济源, a county-level city
  assert.deepEqual(splitRegionPrefix('国防动员办公室', { division: '360900' }), {
    division: '360900', province: '江西省', city: '宜春市', rest: '国防动员办公室',
  });
  // 市场 (market) is not the relative 市
  assert.deepEqual(splitRegionPrefix('市场监督管理局', { division: '411600' }).rest, '市场监督管理局');
  assert.equal(splitRegionPrefix('市场监督管理局', { division: '411600' }).division, '411600');
  assert.deepEqual(splitRegionPrefix('区国动办'), { rest: '区国动办' }); // no site, nothing to inherit
});

test('splitRegionPrefix: municipalities, special cities and short forms', () => {
  assert.deepEqual(splitRegionPrefix('北京市西城区人民防空办公室'), {
    division: '110102', province: '北京市', city: '北京市', county: '西城区', rest: '人民防空办公室',
  });
  assert.equal(splitRegionPrefix('北京市人民防空办公室').division, '110000');
  assert.equal(splitRegionPrefix('东莞市人民防空办公室').division, '441900');
  assert.equal(splitRegionPrefix('河南省济源市人民政府').division, '419001');
  assert.equal(splitRegionPrefix('恩施州人民政府').division, '422800');
  assert.equal(splitRegionPrefix('内蒙古自治区人民防空办公室').division, '150000');
  assert.equal(splitRegionPrefix('四川省人民政府国防动员办公室').rest, '人民政府国防动员办公室');
  assert.equal(splitRegionPrefix('吉林省吉林市人民政府').division, '220200');
  assert.equal(splitRegionPrefix(' 宜春市\n国防动员办公室').division, '360900');
});
