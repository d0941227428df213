/** Charts as files: a chart's SVG as a standalone document at its own size, and as a PNG (src/ui/export.ts). */
import { standaloneSvg, svgPng } from '../export';

export function chartSvgString(svg: SVGSVGElement): string {
  const vb = svg.viewBox.baseVal;
  return standaloneSvg(svg, { width: vb.width, height: vb.height });
}

export function chartPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const vb = svg.viewBox.baseVal;
  return svgPng(chartSvgString(svg), Math.round(vb.width * scale), Math.round(vb.height * scale));
}
