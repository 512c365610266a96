import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const QUAD_LABELS = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'] as const;
export const QUAD_COLORS = ['#4e9a6a', '#1f6f8b', '#e0a030', '#c0392b'] as const;

/** Counts by period, stacked by quad class. `series[q][i]` is the count of quad class q+1 in period i. */
export function drawTimeline(el: HTMLElement, periods: readonly string[], series: readonly (readonly number[])[]): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: [...periods] },
    yAxis: { type: 'value', minInterval: 1 },
    series: QUAD_LABELS.map((name, q) => ({ name, type: 'bar', stack: 'quad', data: [...(series[q] ?? [])], itemStyle: { color: QUAD_COLORS[q] } })),
  });
  const onResize = (): void => chart.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    chart.dispose();
  };
}
