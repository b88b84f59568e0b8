/** Resolve our packages to their sources (the `source` export condition), so nothing needs building first. */
export const sourceConditions = ['source']
