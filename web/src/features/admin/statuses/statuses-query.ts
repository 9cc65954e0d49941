import { graphql } from '../../../gql';

/** The statuses screen: the pipeline and its workflow, read together so the matrix and the list agree. */
export const StatusesSettingsDocument = graphql(`
  query StatusesSettings {
    leadStatuses {
      id
      position
      ...StatusRow_status
      ...TransitionsMatrix_status
    }
    leadStatusTransitions {
      fromStatusId
      toStatusId
    }
  }
`);
