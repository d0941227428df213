/** Node shapes, so a role is told by shape as well as by colour. Paths are centred on (0, 0). */
import type { NodeShape } from '../engine/core/profile';

export type { NodeShape };

function polygon(sides: number, r: number, rotate: number): string {
  const pts: string[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotate + (2 * Math.PI * i) / sides;
    pts.push(`${(r * Math.sin(a)).toFixed(2)},${(-r * Math.cos(a)).toFixed(2)}`);
  }
  return `M${pts.join('L')}Z`;
}

/** A path for `shape` whose visual weight roughly matches a circle of radius r. */
export function shapePath(shape: NodeShape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${-r},0A${r},${r} 0 1,0 ${r},0A${r},${r} 0 1,0 ${-r},0Z`;
    case 'diamond':
      return polygon(4, r * 1.22, 0);
    case 'triangle':
      return `M0,${(-r * 1.3).toFixed(2)}L${(r * 1.2).toFixed(2)},${(r * 0.85).toFixed(2)}L${(-r * 1.2).toFixed(2)},${(r * 0.85).toFixed(2)}Z`;
    case 'hexagon':
      return polygon(6, r * 1.12, Math.PI / 6);
    case 'square':
      return polygon(4, r * 1.2, Math.PI / 4);
  }
}
