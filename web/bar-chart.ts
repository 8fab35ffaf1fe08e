import { html, type Html } from './html.js';

export interface Bar {
  label: string;
  value: number;
}

/** The chart's drawing units: it scales to its box (site.css), text and all. */
const width = 480;
const barArea = 400;
const rowHeight = 34;

/**
 * A horizontal bar chart as inline SVG, drawn on the server: no script, no style attribute (the
 * pages' policy allows neither), its colours and text size in site.css. Each bar has its label
 * above it and its count after it; the numbers are also in the table the chart stands beside.
 */
export function barChart(title: string, bars: Bar[]): Html {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const height = Math.max(1, bars.length) * rowHeight;
  return html`<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${bars.map((bar, index) => {
    const top = index * rowHeight;
    const length = Math.round((bar.value / largest) * barArea);
    return html`<g><text x="0" y="${top + 12}">${bar.label}</text><rect x="0" y="${top + 16}" width="${length}" height="12"></rect><text class="value" x="${length + 6}" y="${top + 27}">${bar.value}</text></g>`;
  })}</svg>`;
}
