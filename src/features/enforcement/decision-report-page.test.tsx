// Issue 16 §1 on paper: the decision record names the activity timeline a detected signal keeps, as
// one line of numbers per signal (the record page draws no timeline).
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../api/contract/decision-record';
import { GROUP, GROUP_HANDLES } from '../../components/activity-timeline/activity-test-data';
import { signalActivitySnapshot } from '../../engine/detection/cluster-activity';
import { mockBackend, server } from '../../mocks/node';
import { renderWithProviders } from '../../test/render';
import { DecisionReportPage } from './decision-report-page';

const GREY = 'case-grey-meridian';
const routes = [{ path: '/designations/:caseId/report', element: <DecisionReportPage /> }];

describe('DecisionReportPage: activity timelines (issue 16 §1)', () => {
  it('lists a line per signal that keeps an activity timeline', async () => {
    const answer = await mockBackend.handle({ method: 'GET', path: `/api/cases/${GREY}/decision-record`, query: {}, headers: {}, userId: 'rui', body: undefined });
    const record = answer.body as DecisionRecord;
    const [first, ...rest] = record.facts.signals;
    if (!first) throw new Error('the demo designation has no signal');
    const withActivity: DecisionRecord = {
      ...record,
      facts: { ...record.facts, signals: [{ ...first, kind: 'technical', technique: 'coordinated-reposting', origin: 'detected', activity: signalActivitySnapshot(GROUP, GROUP_HANDLES) }, ...rest] },
    };
    server.use(http.get(`/api/cases/${GREY}/decision-record`, () => HttpResponse.json(withActivity)));
    renderWithProviders(null, { route: `/designations/${GREY}/report`, routes, userId: 'rui' });
    const lines = await screen.findByRole('list', { name: 'Activity timelines kept with the detected signals (R1-R2)' });
    expect(within(lines).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Technical: Coordinated reposting: activity of 3 accounts; posts: 7; bursts: 1; Nov 14, 2023, 10:13 PM to Nov 14, 2023, 11:03 PM',
    ]);
  });

  it('has no such list when no signal keeps one', async () => {
    renderWithProviders(null, { route: `/designations/${GREY}/report`, routes, userId: 'rui' });
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByTestId('report-activity')).not.toBeInTheDocument();
  });
});
