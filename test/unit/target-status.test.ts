import { describe, expect, it } from 'vitest';
import { TargetStatus, elapsedShare, historyDays, timedStatus } from '../../server/modules/targets/target-status.js';

const year = { start: '2022-01-01', deadline: '2022-12-31' };

describe('a target’s status against time', () => {
  it('measures the elapsed share from the plan’s start to the deadline', () => {
    expect(elapsedShare({ ...year, asOf: '2022-01-01' })).toBe(0);
    expect(elapsedShare({ ...year, asOf: '2022-12-31' })).toBe(1);
    expect(elapsedShare({ ...year, asOf: '2021-06-01' })).toBe(0);
    expect(elapsedShare({ ...year, asOf: '2023-06-01' })).toBe(1);
    // 2022-07-02 is day 182 of the 364 days from the start to the deadline.
    expect(elapsedShare({ ...year, asOf: '2022-07-02' })).toBe(0.5);
    // Without a start, or a start on or after the deadline, there is no pace: the whole time counts.
    expect(elapsedShare({ start: null, deadline: '2022-12-31', asOf: '2022-02-01' })).toBe(1);
    expect(elapsedShare({ start: '2023-01-01', deadline: '2022-12-31', asOf: '2022-02-01' })).toBe(1);
  });

  it('before the deadline, keeps pace (ON_TRACK) or lags (AT_RISK); after it, NOT_MET', () => {
    const halfYear = { ...year, asOf: '2022-07-02' };
    // 25 of a 50% threshold is half way, as is the time.
    expect(timedStatus(TargetStatus.NOT_MET, 25, 50, halfYear)).toBe(TargetStatus.ON_TRACK);
    expect(timedStatus(TargetStatus.NOT_MET, 24.9, 50, halfYear)).toBe(TargetStatus.AT_RISK);
    expect(timedStatus(TargetStatus.NOT_MET, 0, 100, { ...year, asOf: '2022-01-01' })).toBe(TargetStatus.ON_TRACK);
    // On the deadline day the target is still open but must have reached its threshold to keep pace.
    expect(timedStatus(TargetStatus.NOT_MET, 49, 50, { ...year, asOf: '2022-12-31' })).toBe(TargetStatus.AT_RISK);
    expect(timedStatus(TargetStatus.NOT_MET, 49, 50, { ...year, asOf: '2023-01-01' })).toBe(TargetStatus.NOT_MET);
    expect(timedStatus(TargetStatus.NOT_MET, 10, 50, { start: null, deadline: '2022-12-31', asOf: '2022-02-01' })).toBe(TargetStatus.AT_RISK);
  });

  it('leaves MET, NO_DATA and NOT_APPLICABLE as they are, before and after the deadline', () => {
    for (const asOf of ['2022-03-01', '2023-03-01']) {
      expect(timedStatus(TargetStatus.MET, 60, 50, { ...year, asOf })).toBe(TargetStatus.MET);
      expect(timedStatus(TargetStatus.NO_DATA, null, 50, { ...year, asOf })).toBe(TargetStatus.NO_DATA);
      expect(timedStatus(TargetStatus.NOT_APPLICABLE, null, 50, { ...year, asOf })).toBe(TargetStatus.NOT_APPLICABLE);
    }
  });
});

describe('the days of a history', () => {
  it('spaces the points evenly, both ends included, never more than the days', () => {
    expect(historyDays('2022-01-01', '2022-12-31', 5)).toEqual(['2022-01-01', '2022-04-02', '2022-07-02', '2022-10-01', '2022-12-31']);
    expect(historyDays('2022-01-01', '2022-01-03', 12)).toEqual(['2022-01-01', '2022-01-02', '2022-01-03']);
    expect(historyDays('2022-05-05', '2022-05-05', 12)).toEqual(['2022-05-05']);
    expect(historyDays('2022-01-01', '2022-12-31', 1)).toEqual(['2022-12-31']);
  });
});
