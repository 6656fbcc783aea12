'use strict';
// Alerts per day by rule: a stacked bar chart, and the same numbers as a table.
(() => {
	const { el, api } = window.SW;
	const PALETTE = ['#1f5fbf', '#c2410c', '#7e22ce', '#0f766e', '#b91c1c', '#a16207', '#334155', '#db2777', '#4d7c0f'];

	function days(count) {
		const today = new Date();
		const list = [];
		for (let i = count - 1; i >= 0; i--) {
			const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
			list.push(d.toISOString().slice(0, 10));
		}
		return list;
	}

	async function show() {
		const counts = await api('/api/stats/alerts-per-day');
		const labels = days(30);
		const rules = [...new Set(counts.map((c) => c.ruleId))].sort();
		const datasets = rules.map((rule, i) => ({
			label: rule,
			backgroundColor: PALETTE[i % PALETTE.length],
			data: labels.map((day) => counts.filter((c) => c.ruleId === rule && c.day === day).reduce((n, c) => n + c.alerts, 0)),
		}));
		new window.Chart(document.getElementById('per-day'), {
			type: 'bar',
			data: { labels: labels.map((d) => d.slice(5)), datasets },
			options: {
				maintainAspectRatio: false,
				animation: false,
				scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
				plugins: { legend: { position: 'bottom' } },
			},
		});
		document.querySelector('#per-day-table tbody').replaceChildren(...counts.slice().reverse().map((c) =>
			el('tr', {}, el('td', {}, c.day), el('td', {}, c.ruleId), el('td', { class: 'num' }, c.alerts))));
	}

	show().catch((error) => document.querySelector('.chart-panel').replaceChildren(el('p', { class: 'notice error' }, error.message)));
	window.SW.live({});
})();
