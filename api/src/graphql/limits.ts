import { Kind, type ASTVisitor, type ValidationContext, type SelectionSetNode, type FragmentDefinitionNode } from 'graphql';
import { AppError, CommonErrorCode } from './errors';

/**
 * Query limits, enforced at validation (before any resolver runs): selection depth and aliases.
 * Fragments are followed; a fragment cycle is already rejected by graphql-js's own rules.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let max = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          max = Math.max(max, sel.selectionSet ? 1 + depthOf(sel.selectionSet, seen) : 1);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(sel.selectionSet, seen));
        } else {
          const name = sel.name.value;
          if (seen.has(name)) continue;
          const frag = fragments.get(name);
          max = Math.max(max, depthOf(frag?.selectionSet, new Set([...seen, name])));
        }
      }
      return max;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new AppError(CommonErrorCode.QUERY_TOO_COMPLEX, `Query depth ${depth} exceeds the limit of ${maxDepth}`, {
              nodes: [node],
              details: { limit: maxDepth, depth },
            }),
          );
        }
      },
    };
  };
}

export function aliasLimit(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        count += 1;
        if (count > maxAliases && !reported) {
          reported = true;
          context.reportError(
            new AppError(CommonErrorCode.QUERY_TOO_COMPLEX, `More than ${maxAliases} aliases in one document`, {
              nodes: [node],
              details: { limit: maxAliases },
            }),
          );
        }
      },
    };
  };
}
