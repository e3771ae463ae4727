/** Where a link elsewhere in the app leaves the campaign group the Campaigns page should open with. */
export const OPEN_GROUP_KEY = 'campaigns.openGroup';

export function takeGroupToOpen(): number | null {
  const value = sessionStorage.getItem(OPEN_GROUP_KEY);
  sessionStorage.removeItem(OPEN_GROUP_KEY);
  return value ? Number(value) : null;
}
