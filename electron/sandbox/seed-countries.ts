/** Per-country facts the seeded customers are drawn from: places, phones, time zones. */

type Place = readonly [city: string, state: string | null, zip: string]

export type CountryFacts = {
  code: string
  /** Relative share of seeded customers. */
  weight: number
  timezone: string
  /** E.164 prefix, the digits allowed first after it, and how many more digits follow. */
  phone: readonly [prefix: string, first: string, rest: number]
  places: readonly Place[]
  streets: readonly string[]
}

export const SEED_COUNTRIES: readonly CountryFacts[] = [
  {
    code: 'IN',
    weight: 80,
    timezone: 'Asia/Kolkata',
    phone: ['+91', '6789', 9],
    places: [
      ['Bengaluru', 'KA', '560001'],
      ['Mumbai', 'MH', '400001'],
      ['Chennai', 'TN', '600001'],
      ['New Delhi', 'DL', '110001'],
      ['Hyderabad', 'TG', '500001'],
      ['Pune', 'MH', '411001'],
      ['Kolkata', 'WB', '700001'],
      ['Ahmedabad', 'GJ', '380001'],
      ['Jaipur', 'RJ', '302001'],
      ['Kochi', 'KL', '682001'],
    ],
    streets: [
      '1 MG Road',
      '14 Residency Road',
      '221 Linking Road',
      '7 Park Street',
      '3 Anna Salai',
    ],
  },
  {
    code: 'US',
    weight: 4,
    timezone: 'America/New_York',
    phone: ['+1', '23456789', 9],
    places: [
      ['New York', 'NY', '10001'],
      ['Austin', 'TX', '73301'],
    ],
    streets: ['350 Fifth Avenue', '1200 Congress Ave'],
  },
  {
    code: 'GB',
    weight: 3,
    timezone: 'Europe/London',
    phone: ['+447', '123456789', 8],
    places: [
      ['London', null, 'NW1 6XE'],
      ['Manchester', null, 'M1 1AE'],
    ],
    streets: ['221B Baker Street', '10 Deansgate'],
  },
  {
    code: 'AE',
    weight: 3,
    timezone: 'Asia/Dubai',
    phone: ['+9715', '024568', 7],
    places: [['Dubai', null, '00000']],
    streets: ['Sheikh Zayed Road'],
  },
  {
    code: 'SG',
    weight: 2,
    timezone: 'Asia/Singapore',
    phone: ['+65', '89', 7],
    places: [['Singapore', null, '018956']],
    streets: ['1 Raffles Place'],
  },
  {
    code: 'DE',
    weight: 2,
    timezone: 'Europe/Berlin',
    phone: ['+4915', '12', 8],
    places: [['München', 'BY', '80331']],
    streets: ['Marienplatz 8'],
  },
  {
    code: 'FR',
    weight: 1,
    timezone: 'Europe/Paris',
    phone: ['+336', '0123456789', 7],
    places: [['Paris', null, '75001']],
    streets: ['12 Rue de Rivoli'],
  },
  {
    code: 'ES',
    weight: 1,
    timezone: 'Europe/Madrid',
    phone: ['+346', '0123456789', 7],
    places: [['Málaga', 'AN', '29001']],
    streets: ['Calle Larios 5'],
  },
  {
    code: 'NP',
    weight: 1,
    timezone: 'Asia/Kathmandu',
    phone: ['+97798', '0123456789', 7],
    places: [['Kathmandu', null, '44600']],
    streets: ['Durbar Marg'],
  },
  {
    code: 'AU',
    weight: 1,
    timezone: 'Australia/Sydney',
    phone: ['+614', '0123456789', 7],
    places: [['Sydney', 'NSW', '2000']],
    streets: ['1 Martin Place'],
  },
  {
    code: 'BD',
    weight: 1,
    timezone: 'Asia/Dhaka',
    phone: ['+8801', '3456789', 8],
    places: [['Dhaka', null, '1000']],
    streets: ['Gulshan Avenue'],
  },
  {
    code: 'LK',
    weight: 1,
    timezone: 'Asia/Colombo',
    phone: ['+947', '0124567', 7],
    places: [['Colombo', null, '00100']],
    streets: ['Galle Road'],
  },
]

/** Indian GST state codes used for seeded GSTINs (matching the places above). */
export const GST_STATE_BY_CODE: Readonly<Record<string, string>> = {
  KA: '29',
  MH: '27',
  TN: '33',
  DL: '07',
  TG: '36',
  WB: '19',
  GJ: '24',
  RJ: '08',
  KL: '32',
}
