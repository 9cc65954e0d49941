import { NavLink } from 'react-router';
import { usePermissions } from '../../auth/permissions';
import { visibleNav } from './navigation';

/** The side menu, driven by `myPermissions.modules`: a module the member lost disappears without a reload. */
export function AppNav() {
  const { hasModule, loading } = usePermissions();
  if (loading) return <nav className="nav" aria-label="Main" aria-busy="true" />;
  const items = visibleNav(hasModule);
  const work = items.filter((i) => i.section === 'work');
  const settings = items.filter((i) => i.section === 'settings');
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {work.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to}>{i.label}</NavLink>
          </li>
        ))}
      </ul>
      {settings.length > 0 && (
        <>
          <h2 className="nav-heading">Settings</h2>
          <ul>
            {settings.map((i) => (
              <li key={i.to}>
                <NavLink to={i.to}>{i.label}</NavLink>
              </li>
            ))}
          </ul>
        </>
      )}
      {items.length === 0 && <p className="muted small">Your roles give you no module here. Ask an admin.</p>}
    </nav>
  );
}
