// Translating a finding's positions (its own range, related locations, and the locations its
// quick-fix data carries) with one function, so nothing in it is left in module coordinates.
import type { Finding, FindingData, Location } from '../analysis/findings';

export type MappedFinding<L extends Location> = Omit<Finding, 'uri' | 'range' | 'related'> & L & { related: (L & { message: string })[] };

export function mapFindingLocations<L extends Location>(finding: Finding, map: (location: Location) => L): MappedFinding<L> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(finding.data)) data[key] = isLocation(value) ? map(value) : value;
  return {
    ...finding,
    ...map(finding),
    related: finding.related.map((related) => ({ ...map(related), message: related.message })),
    data: data as FindingData,
  };
}

/** Every location in a finding: its own, its related ones and those in its data. */
export function findingLocations(finding: Finding): Location[] {
  return [finding, ...finding.related, ...Object.values(finding.data).filter(isLocation)];
}

function isLocation(value: unknown): value is Location {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Location>;
  return typeof candidate.uri === 'string' && typeof candidate.range === 'object' && candidate.range !== null;
}
