/**
 * UK places and the region (ITL1) each lies in, so the place filter can work by region as well as by city.
 * A place not listed here belongs to no region and is still filterable by its own name.
 */
const REGIONS: Record<string, readonly string[]> = {
  'North East': [
    'Newcastle',
    'Newcastle upon Tyne',
    'Sunderland',
    'Gateshead',
    'Durham',
    'Middlesbrough',
    'Darlington',
    'Hartlepool',
    'Stockton-on-Tees',
    'South Shields',
    'North Shields',
    'Tynemouth',
    'Hexham',
    'Redcar',
  ],
  'North West': [
    'Manchester',
    'Salford',
    'Wigan',
    'Bolton',
    'Rochdale',
    'Stockport',
    'Oldham',
    'Bury',
    'Trafford',
    'Tameside',
    'Liverpool',
    'Wirral',
    'Birkenhead',
    'St Helens',
    'Knowsley',
    'Sefton',
    'Southport',
    'Warrington',
    'Preston',
    'Lancaster',
    'Blackpool',
    'Blackburn',
    'Burnley',
    'Chester',
    'Crewe',
    'Carlisle',
    'Kendal',
    'Barrow-in-Furness',
  ],
  'Yorkshire and The Humber': [
    'Leeds',
    'Bradford',
    'Wakefield',
    'Huddersfield',
    'Halifax',
    'Kirklees',
    'Calderdale',
    'Sheffield',
    'Doncaster',
    'Barnsley',
    'Rotherham',
    'York',
    'Harrogate',
    'Hull',
    'Kingston upon Hull',
    'Scarborough',
    'Grimsby',
    'Scunthorpe',
    'Skipton',
  ],
  'East Midlands': ['Nottingham', 'Leicester', 'Derby', 'Lincoln', 'Northampton', 'Chesterfield'],
  'West Midlands': [
    'Birmingham',
    'Coventry',
    'Wolverhampton',
    'Stoke-on-Trent',
    'Walsall',
    'Dudley',
    'Worcester',
    'Hereford',
    'Telford',
    'Shrewsbury',
  ],
  'East of England': [
    'Cambridge',
    'Norwich',
    'Ipswich',
    'Peterborough',
    'Colchester',
    'Luton',
    'Chelmsford',
    'Southend-on-Sea',
  ],
  London: ['London'],
  'South East': [
    'Brighton',
    'Oxford',
    'Reading',
    'Southampton',
    'Portsmouth',
    'Milton Keynes',
    'Canterbury',
    'Guildford',
    'Slough',
  ],
  'South West': ['Bristol', 'Plymouth', 'Exeter', 'Bath', 'Gloucester', 'Bournemouth', 'Swindon', 'Truro'],
  Wales: ['Cardiff', 'Swansea', 'Newport', 'Wrexham', 'Bangor'],
  Scotland: ['Edinburgh', 'Glasgow', 'Aberdeen', 'Dundee', 'Inverness', 'Stirling', 'Perth'],
  'Northern Ireland': ['Belfast', 'Derry', 'Londonderry', 'Lisburn', 'Newry'],
};

const BY_PLACE = new Map<string, string>(
  Object.entries(REGIONS).flatMap(([region, places]) =>
    places.map((p) => [p.toLowerCase(), region] as [string, string]),
  ),
);

/** The region a place lies in, or null when it is not a place we know. */
export function regionOf(place: string): string | null {
  return BY_PLACE.get(place.trim().toLowerCase()) ?? null;
}

/** Of the given places, those in any of the regions. */
export function placesIn(regions: readonly string[], places: readonly string[]): string[] {
  const wanted = new Set(regions);
  return places.filter((p) => {
    const region = regionOf(p);
    return region !== null && wanted.has(region);
  });
}
