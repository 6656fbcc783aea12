'use strict';
// A case: one matter, and every article that reported it, oldest first.
(() => {
	const { el, api, severityBadge, statusBadge, time } = window.SW;
	const root = document.getElementById('case-root');
	const caseId = document.getElementById('case').dataset.caseId;

	function render(c) {
		root.replaceChildren(
			el('div', { class: 'detail-head' },
				el('div', { class: 'meta' }, el('strong', {}, c.ruleId), el('span', {}, c.ruleTitle)),
				el('h1', {}, `${c.exposed} ← ${c.counterparties}`, c.systems ? `: ${c.systems}` : ''),
				el('div', { class: 'meta' }, `${c.alerts.length} article${c.alerts.length === 1 ? '' : 's'}`,
					`first ${time(c.firstSeen)} UTC`, `latest ${time(c.lastSeen)} UTC`)),
			el('table', { class: 'alerts', id: 'case-alerts' },
				el('thead', {}, el('tr', {}, el('th', { class: 'c-time' }, 'Detected (UTC)'), el('th', { class: 'c-sev' }, 'Severity'),
					el('th', {}, 'Article'), el('th', { class: 'c-status' }, 'Status'))),
				el('tbody', {}, c.alerts.map((a) => el('tr', {},
					el('td', { class: 'time' }, time(a.detectedAt)),
					el('td', {}, severityBadge(a.severity)),
					el('td', {}, el('a', { class: 'row-title', href: `/alerts/${encodeURIComponent(a.alertId)}` }, a.title || a.articleId),
						el('span', { class: 'row-sub mono' }, a.articleId)),
					el('td', {}, statusBadge(a.status)))))));
	}

	api(`/api/cases/${encodeURIComponent(caseId)}`).then(render)
		.catch((error) => root.replaceChildren(el('p', { class: 'notice error' }, error.status === 404 ? 'No such case.' : error.message)));
	window.SW.live({});
})();
