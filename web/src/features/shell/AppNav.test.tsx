import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { StaticPermissions } from '../../auth/permissions';
import { AppNav } from './AppNav';
import { homePath } from './navigation';

function renderNav(modules: string[]) {
  return render(
    <MemoryRouter>
      <StaticPermissions value={{ modules: new Set(modules) }}>
        <AppNav />
      </StaticPermissions>
    </MemoryRouter>,
  );
}

const links = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .queryAllByRole('link')
    .map((a) => a.textContent);

test('an agent (leads, dashboard) sees the work menu and no settings', () => {
  renderNav(['dashboard', 'leads']);
  expect(links()).toEqual(['Leads', 'Pipeline', 'Dashboard']);
  expect(screen.queryByText('Settings')).not.toBeInTheDocument();
});

test('each settings module shows exactly its own entry', () => {
  renderNav(['leads', 'settings.roles', 'settings.audit']);
  expect(links()).toEqual(['Leads', 'Pipeline', 'Roles & permissions', 'Audit log']);
  expect(screen.getByText('Settings')).toBeInTheDocument();
});

test('a member without any module is told so instead of an empty menu', () => {
  renderNav([]);
  expect(links()).toEqual([]);
  expect(screen.getByText(/no module here/)).toBeInTheDocument();
});

test('losing a module removes its entry on the next render (permissionsChanged refetch)', () => {
  const { rerender } = renderNav(['leads', 'dashboard']);
  expect(links()).toContain('Dashboard');
  rerender(
    <MemoryRouter>
      <StaticPermissions value={{ modules: new Set(['leads']) }}>
        <AppNav />
      </StaticPermissions>
    </MemoryRouter>,
  );
  expect(links()).not.toContain('Dashboard');
});

test('the landing page is the first module the member may use', () => {
  expect(homePath((m) => m === 'dashboard')).toBe('/dashboard');
  expect(homePath((m) => ['leads', 'dashboard'].includes(m))).toBe('/leads');
  expect(homePath(() => false)).toBeNull();
});
