// Translating a finding's positions (its own range, related locations, and the locations its data
// and fix recipes carry) with one function, so nothing in it is left in module coordinates.
import type { Finding, Location } from '../analysis/findings';
import { isLocation } from '../findingShapes';

export type MappedFinding<L extends Location> = Omit<Finding, 'uri' | 'range' | 'related'> & L & { related: (L & { message: string })[] };

export function mapFindingLocations<L extends Location>(finding: Finding, map: (location: Location) => L): MappedFinding<L> {
  return {
    ...finding,
    ...map(finding),
    related: finding.related.map((related) => ({ ...map(related), message: related.message })),
    data: mapFields(finding.data, map),
    ...(finding.fixes ? { fixes: finding.fixes.map((recipe) => mapFields(recipe, map)) } : {}),
  };
}

/** Every location in a finding: its own, its related ones and those in its data and fix recipes. */
export function findingLocations(finding: Finding): Location[] {
  return [finding, ...finding.related, ...[finding.data, ...(finding.fixes ?? [])].flatMap((fields) => Object.values(fields).filter(isLocation))];
}

/** The object with each location among its fields mapped. */
function mapFields<T extends object>(fields: T, map: (location: Location) => Location): T {
  const mapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) mapped[key] = isLocation(value) ? map(value) : value;
  return mapped as T;
}
