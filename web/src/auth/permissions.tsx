import { useQuery, useSubscription } from '@apollo/client/react';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { graphql } from '../gql';

export const MyPermissionsDocument = graphql(`
  query MyPermissions {
    myPermissions {
      permissions
      modules
    }
    me {
      id
      name
      email
      isPlatformAdmin
    }
  }
`);

export const PermissionsChangedDocument = graphql(`
  subscription PermissionsChanged {
    permissionsChanged {
      at
      userIds
    }
  }
`);

export interface Permissions {
  loading: boolean;
  permissions: ReadonlySet<string>;
  modules: ReadonlySet<string>;
  me: { id: string; name: string; email: string; isPlatformAdmin: boolean } | null;
  can(permission: string): boolean;
  hasModule(module: string): boolean;
}

const EMPTY: Permissions = {
  loading: true,
  permissions: new Set(),
  modules: new Set(),
  me: null,
  can: () => false,
  hasModule: () => false,
};

const PermissionsContext = createContext<Permissions>(EMPTY);

function permissionsOf(permissions: ReadonlySet<string>, modules: ReadonlySet<string>, me: Permissions['me']): Permissions {
  return { loading: false, permissions, modules, me, can: (p) => permissions.has(p), hasModule: (m) => modules.has(m) };
}

/**
 * What the signed-in member may do here, from `myPermissions`. Menus and routes read it; the API enforces it
 * anyway. It refetches when the API announces a role or membership change, so a removed permission takes the
 * module out of the menu without a reload.
 */
export function PermissionsProvider({ children }: { children: ReactNode }) {
  const { data, loading, refetch } = useQuery(MyPermissionsDocument, { fetchPolicy: 'cache-and-network' });
  useSubscription(PermissionsChangedDocument, {
    onData: () => void refetch(),
  });
  const value = useMemo<Permissions>(
    () => (data ? permissionsOf(new Set(data.myPermissions.permissions), new Set(data.myPermissions.modules), data.me) : { ...EMPTY, loading }),
    [data, loading],
  );
  return <PermissionsContext.Provider value={value}>{children}</PermissionsContext.Provider>;
}

export function usePermissions(): Permissions {
  return useContext(PermissionsContext);
}

/** For tests and stories: fixed permissions without a server. */
export function StaticPermissions({ value, children }: { value: Partial<Pick<Permissions, 'permissions' | 'modules' | 'me'>>; children: ReactNode }) {
  const full = permissionsOf(value.permissions ?? new Set<string>(), value.modules ?? new Set<string>(), value.me ?? null);
  return <PermissionsContext.Provider value={full}>{children}</PermissionsContext.Provider>;
}
