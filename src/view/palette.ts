/** The Okabe–Ito palette: eight colours that stay distinct for the common kinds of colour blindness. */
export const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  black: '#000000',
  grey: '#8C8C8C',
} as const;

export type PaletteColor = (typeof OKABE_ITO)[keyof typeof OKABE_ITO];

/** Text colour that reads on a fill of the palette (dark on the light colours). */
export function inkOn(fill: string): string {
  return fill === OKABE_ITO.orange || fill === OKABE_ITO.yellow || fill === OKABE_ITO.sky || fill === OKABE_ITO.purple
    ? '#111111'
    : '#FFFFFF';
}
