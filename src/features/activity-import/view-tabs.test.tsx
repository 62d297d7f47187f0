// The clusters / network switch behaves as a WAI-ARIA tab list: one tab stop, arrows and Home/End
// move the focus, Enter or a click selects.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ViewTabs } from './view-tabs';

function Harness() {
  const [value, setValue] = useState<'a' | 'b' | 'c'>('a');
  return (
    <>
      <ViewTabs
        tabs={[
          { value: 'a', label: 'Alpha', id: 'tab-a' },
          { value: 'b', label: 'Beta', id: 'tab-b' },
          { value: 'c', label: 'Gamma', id: 'tab-c' },
        ]}
        value={value}
        onChange={setValue}
        label="Views"
        panelId="panel"
      />
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${value}`}>
        {value}
      </div>
    </>
  );
}

describe('ViewTabs', () => {
  it('is a tab list with one tab stop; arrows, Home and End move the focus; Enter and clicks select', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Views' })).toBeInTheDocument();
    const [alpha, beta, gamma] = screen.getAllByRole('tab');
    expect(alpha).toHaveAttribute('aria-selected', 'true');
    expect(alpha).toHaveAttribute('aria-controls', 'panel');
    expect([alpha, beta, gamma].map((tab) => tab?.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    await user.tab();
    expect(alpha).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(beta).toHaveFocus();
    expect(alpha).toHaveAttribute('aria-selected', 'true'); // focus moves, selection does not
    await user.keyboard('{Enter}');
    expect(beta).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Beta' })).toHaveTextContent('b');
    await user.keyboard('{End}');
    expect(gamma).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(alpha).toHaveFocus();
    await user.keyboard('{ArrowLeft}{Home}');
    expect(alpha).toHaveFocus();
    await user.click(screen.getByRole('tab', { name: 'Gamma' }));
    expect(gamma).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('c');
  });
});
