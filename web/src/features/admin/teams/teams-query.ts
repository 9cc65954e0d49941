import { graphql } from '../../../gql';

/** Teams with their members, and the tenant's active members to add from. */
export const TeamsSettingsDocument = graphql(`
  query TeamsSettings {
    teams {
      id
      name
      ...TeamCard_team
    }
    members {
      id
      name
      email
    }
  }
`);
